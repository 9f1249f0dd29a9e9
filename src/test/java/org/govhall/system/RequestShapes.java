package org.govhall.system;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a handler takes, read from its signature, and requests of that shape: the JSON
 * body of its request record with hostile text in every text field, values a field's type
 * or constraints refuse, and forms of its request parameters and model attribute.
 */
final class RequestShapes {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RequestShapes() {
	}

	/** The type of the handler's {@code @RequestBody}, or null. */
	static @Nullable Class<?> bodyType(HandlerMethod h) {
		for (MethodParameter p : h.getMethodParameters()) {
			if (p.hasParameterAnnotation(RequestBody.class)) {
				return p.getParameterType();
			}
		}
		return null;
	}

	/** The handler's simple request parameters by name, with their types. */
	static Map<String, Class<?>> params(HandlerMethod h) {
		Map<String, Class<?>> params = new LinkedHashMap<>();
		for (MethodParameter p : h.getMethodParameters()) {
			RequestParam rp = p.getParameterAnnotation(RequestParam.class);
			if (rp == null || MultiValueMap.class.isAssignableFrom(p.getParameterType())
					|| Map.class.isAssignableFrom(p.getParameterType())
					|| MultipartFile.class.isAssignableFrom(p.getParameterType())) {
				continue;
			}
			p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
			String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
			if (name != null) {
				params.put(name, elementType(p));
			}
		}
		return params;
	}

	/**
	 * Request parameters and the fields of a {@code @ModelAttribute}, by name and type.
	 */
	static Map<String, Class<?>> formFields(HandlerMethod h) {
		Map<String, Class<?>> fields = new LinkedHashMap<>(params(h));
		for (MethodParameter p : h.getMethodParameters()) {
			if (!p.hasParameterAnnotation(ModelAttribute.class)) {
				continue;
			}
			Class<?> type = p.getParameterType();
			if (type.isRecord()) {
				for (RecordComponent c : type.getRecordComponents()) {
					fields.put(c.getName(), componentType(c.getGenericType(), c.getType()));
				}
			}
			else {
				for (PropertyDescriptor d : BeanUtils.getPropertyDescriptors(type)) {
					if (d.getWriteMethod() != null && d.getPropertyType() != null && isSimple(d.getPropertyType())) {
						fields.put(d.getName(), d.getPropertyType());
					}
				}
			}
		}
		return fields;
	}

	private static boolean isSimple(Class<?> t) {
		return BeanUtils.isSimpleValueType(t) || t == LocalDate.class;
	}

	private static Class<?> elementType(MethodParameter p) {
		return componentType(p.getGenericParameterType(), p.getParameterType());
	}

	private static Class<?> componentType(Type generic, Class<?> raw) {
		if (Collection.class.isAssignableFrom(raw) && generic instanceof ParameterizedType pt
				&& pt.getActualTypeArguments()[0] instanceof Class<?> c) {
			return c;
		}
		return raw;
	}

	/** Values the type refuses, as a form or query would send them. */
	static List<String> badValues(Class<?> type) {
		if (type.isEnum()) {
			return List.of("NO_SUCH_VALUE", "0");
		}
		if (type == LocalDate.class) {
			return List.of("2026-13-45", "2026-02-30");
		}
		if (type == boolean.class || type == Boolean.class) {
			return List.of("maybe");
		}
		if (type == BigDecimal.class) {
			return List.of("abc", "1,5");
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return List.of("abc", "99999999999999999999");
		}
		return List.of();
	}

	/**
	 * A form for the handler with the hostile string in its first text field (in every
	 * text field when it is short) and valid values elsewhere, with overrides.
	 */
	static String form(HandlerMethod h, String hostile, @Nullable Map<String, String> overrides) {
		Map<String, Object> values = new LinkedHashMap<>();
		formFields(h).forEach((name, type) -> values.put(name,
				formValue(type, hostile.length() > 1_000 && values.containsValue(hostile) ? "x" : hostile)));
		if (overrides != null) {
			values.putAll(overrides);
		}
		return formOf(values);
	}

	private static String formValue(Class<?> type, String hostile) {
		if (type.isEnum()) {
			return type.getEnumConstants()[0].toString();
		}
		if (type == LocalDate.class) {
			return "2026-10-09";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true";
		}
		if (type == BigDecimal.class || Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "1";
		}
		return hostile;
	}

	static String formOf(Map<String, Object> values) {
		StringBuilder b = new StringBuilder();
		values.forEach((k, v) -> {
			if (b.length() > 0) {
				b.append('&');
			}
			b.append(HostileHttp.enc(k)).append('=').append(HostileHttp.enc(String.valueOf(v)));
		});
		return b.toString();
	}

	// ---- JSON bodies from the request records

	static byte[] json(Object o) {
		return JSON.writeValueAsBytes(o);
	}

	static Map<String, Object> template(Class<?> type) {
		return template(type, HostilePayloads.SCRIPT);
	}

	/**
	 * A body of the record's shape: the hostile string in every text field, valid values
	 * elsewhere.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> template(Class<?> type, String hostile) {
		return (Map<String, Object>) sample(type, type, hostile, 0);
	}

	private static @Nullable Object sample(Type generic, Class<?> raw, String hostile, int depth) {
		if (raw == String.class) {
			return hostile;
		}
		if (raw.isEnum()) {
			return raw.getEnumConstants()[0].toString();
		}
		if (raw == LocalDate.class) {
			return "2026-10-09";
		}
		if (raw == BigDecimal.class) {
			return new BigDecimal("1.00");
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return true;
		}
		if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
			return 1;
		}
		if (Collection.class.isAssignableFrom(raw)) {
			if (generic instanceof ParameterizedType pt && depth < 3) {
				Type arg = pt.getActualTypeArguments()[0];
				Class<?> c = arg instanceof Class<?> k ? k
						: arg instanceof ParameterizedType p2 ? (Class<?>) p2.getRawType() : Object.class;
				Object element = sample(arg, c, hostile, depth + 1);
				return element == null ? List.of() : List.of(element);
			}
			return List.of();
		}
		if (raw.isRecord() && depth < 3) {
			Map<String, Object> m = new LinkedHashMap<>();
			for (RecordComponent c : raw.getRecordComponents()) {
				m.put(c.getName(), sample(c.getGenericType(), c.getType(), hostile, depth + 1));
			}
			return m;
		}
		if (depth < 2 && !raw.isInterface()) {
			Map<String, Object> m = new LinkedHashMap<>();
			for (Field fld : raw.getDeclaredFields()) {
				if (!java.lang.reflect.Modifier.isStatic(fld.getModifiers())) {
					m.put(fld.getName(), sample(fld.getGenericType(), fld.getType(), hostile, depth + 1));
				}
			}
			return m;
		}
		return null;
	}

	/**
	 * Values no valid body has in that field: an object or a nested array where a value
	 * belongs, null where it is required, an impossible date, an unknown constant, text
	 * past its size. With {@code coercible}, values a lenient reader might take (a number
	 * for text, a number for a constant), only for refusing actors.
	 */
	static List<Object> wrongValues(RecordComponent c, boolean coercible) {
		Class<?> t = c.getType();
		List<Object> out = new ArrayList<>();
		if (coercible) {
			if (t == String.class) {
				out.add(12345);
				out.add(true);
			}
			if (t.isEnum()) {
				out.add(0);
			}
			if (t == LocalDate.class) {
				out.add(20261009);
			}
			return out;
		}
		out.add(List.of(List.of(1)));
		if (!t.isRecord() && !Collection.class.isAssignableFrom(t) && !Map.class.isAssignableFrom(t)) {
			out.add(Map.of("$ne", 1));
		}
		if (required(c)) {
			out.add(null);
		}
		if (t == LocalDate.class) {
			out.add("2026-13-45");
		}
		if (t.isEnum()) {
			out.add("NO_SUCH_VALUE");
		}
		if (t == String.class && c.getAnnotation(Size.class) != null) {
			out.add("长".repeat(c.getAnnotation(Size.class).max() + 1));
		}
		return out;
	}

	private static boolean required(RecordComponent c) {
		return c.getAnnotation(NotNull.class) != null || c.getAnnotation(NotBlank.class) != null
				|| c.getAnnotation(NotEmpty.class) != null;
	}

	static boolean hasRequired(Class<?> type) {
		for (RecordComponent c : type.getRecordComponents()) {
			if (required(c)) {
				return true;
			}
		}
		return false;
	}

	static @Nullable String sizedField(Class<?> type) {
		for (RecordComponent c : type.getRecordComponents()) {
			if (c.getType() == String.class && c.getAnnotation(Size.class) != null) {
				return c.getName();
			}
		}
		return null;
	}

	/**
	 * Multipart bytes: text fields, then (name, file name, content) triples; a null name
	 * sends no file.
	 */
	static byte[] multipart(String boundary, Map<String, String> fields, Object... files) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		fields.forEach((k, v) -> out.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		for (int i = 0; i + 2 < files.length; i += 3) {
			if (files[i] == null) {
				continue;
			}
			out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + files[i]
					+ "\"; filename=\"" + files[i + 1] + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.writeBytes((byte[]) files[i + 2]);
			out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

}
