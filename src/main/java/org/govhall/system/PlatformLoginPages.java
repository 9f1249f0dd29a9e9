package org.govhall.system;

import org.govhall.shared.PageController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The login page's way to the identity platform (ADR 0024): the button shows when a
 * platform is configured, and {@code /login/platform} sends the browser there, or back to
 * the login page with a notice when the platform does not answer (not an error page).
 */
@PageController
@ControllerAdvice(annotations = PageController.class)
class PlatformLoginPages {

	private final IdentityPlatform platform;

	PlatformLoginPages(IdentityPlatform platform) {
		this.platform = platform;
	}

	@ModelAttribute("identityPlatform")
	boolean identityPlatform() {
		return platform.configured();
	}

	@GetMapping("/login/platform")
	String signInThroughPlatform() {
		return platform.reachable() ? "redirect:/oauth2/authorization/" + IdentityPlatform.REGISTRATION_ID
				: "redirect:/login?platformUnavailable";
	}

}
