package org.govhall.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.govhall.shared.DateBounds;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every date a request carries, in a JSON body or as a query or form parameter, lies
 * within {@link DateBounds} (issue 12, item 2): one check for all of them rather than one
 * per field, so that a new request record cannot forget it. A JSON date outside is
 * answered 400 {@code date-out-of-range} naming the field ({@link ErrorHandling} finds
 * the cause); a parameter outside is answered like any parameter that is not a date.
 */
@Configuration(proxyBeanMethods = false)
class DateInput implements WebMvcConfigurer {

	@Bean
	JacksonModule boundedDates() {
		SimpleModule module = new SimpleModule("govhall-bounded-dates");
		module.addDeserializer(LocalDate.class, new BoundedLocalDate());
		return module;
	}

	/**
	 * After Boot's own date formatters, so that it is the one asked: also for
	 * {@code @DateTimeFormat(iso = DATE)}.
	 */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(LocalDate.class, new BoundedDateFormatter());
	}

	/** Jackson's ISO reader, then the bounds. */
	static final class BoundedLocalDate extends ValueDeserializer<LocalDate> {

		@Override
		public @Nullable LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
			LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
			if (date != null && !DateBounds.plausible(date)) {
				String field = p.currentName();
				throw DateBounds.outOfRange(field == null ? "date" : field);
			}
			return date;
		}

	}

	/** An ISO date ({@code 2026-12-31}) within the bounds. */
	static final class BoundedDateFormatter implements Formatter<LocalDate> {

		@Override
		public LocalDate parse(String text, Locale locale) {
			LocalDate date;
			try {
				date = LocalDate.parse(text.strip());
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("not an ISO date", ex);
			}
			return DateBounds.require("date", date);
		}

		@Override
		public String print(LocalDate date, Locale locale) {
			return date.toString();
		}

	}

}
