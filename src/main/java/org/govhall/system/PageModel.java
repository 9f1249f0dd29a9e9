package org.govhall.system;

import java.time.ZoneId;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.govhall.directory.GovHallUser;
import org.govhall.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's layout needs: the language, elderly mode, the signed-in user and
 * links to switch both; and the halls' zone, in which every page shows times
 * ({@code #temporals.format(at.atZone(zone), …)}).
 */
@ControllerAdvice(annotations = PageController.class)
@EnableConfigurationProperties(SystemSettings.class)
class PageModel {

	/** The longest query the language and elderly-mode links keep. */
	static final int ECHOED_QUERY = 1024;

	private final ZoneId zone;

	PageModel(SystemSettings settings) {
		this.zone = settings.zone();
	}

	/** The halls' zone ({@code govhall.zone}). */
	@ModelAttribute("zone")
	ZoneId zone() {
		return zone;
	}

	@ModelAttribute("elderMode")
	boolean elderMode(HttpServletRequest request) {
		return Boolean.TRUE.equals(request.getAttribute(Preferences.ELDER_ATTRIBUTE));
	}

	@ModelAttribute("lang")
	String lang(Locale locale) {
		return "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
	}

	@ModelAttribute("currentUser")
	@Nullable GovHallUser currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof GovHallUser u ? u : null;
	}

	@ModelAttribute("switchLangUrl")
	String switchLangUrl(HttpServletRequest request, Locale locale) {
		return here(request).replaceQueryParam("lang", "en".equals(locale.getLanguage()) ? "zh-CN" : "en")
			.replaceQueryParam("elder")
			.build()
			.toUriString();
	}

	@ModelAttribute("switchElderUrl")
	String switchElderUrl(HttpServletRequest request) {
		return here(request).replaceQueryParam("elder", elderMode(request) ? "off" : "on")
			.replaceQueryParam("lang")
			.build()
			.toUriString();
	}

	/**
	 * The current page as a relative link, so switching keeps the visitor where they are.
	 * A query longer than any page's own ({@value #ECHOED_QUERY} characters) is left out:
	 * echoed twice into the header, a hostile one filled the response buffer, which
	 * committed the response before a form below could create the session its CSRF token
	 * lives in (the abuse suite found it on {@code /login?wait=…}).
	 */
	private static UriComponentsBuilder here(HttpServletRequest request) {
		String query = request.getQueryString();
		boolean keep = query != null && query.length() <= ECHOED_QUERY;
		return UriComponentsBuilder.fromUriString(request.getRequestURI() + (keep ? "?" + query : ""));
	}

}
