package org.govhall.documents;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every document carries a QR code that leads to
 * {@code <govhall.public-url>/verify/<number>}. Outside demo mode a public address left
 * at its default would print codes that lead to {@code localhost} on every certificate,
 * so the start says so loudly (README: {@code GOVHALL_PUBLIC_URL}).
 */
@Component
class PublicAddressCheck {

	private static final Logger log = LoggerFactory.getLogger(PublicAddressCheck.class);

	private final DocumentsSettings settings;

	PublicAddressCheck(DocumentsSettings settings) {
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		warning().ifPresent(log::warn);
	}

	/** The warning to log, if any. */
	Optional<String> warning() {
		boolean demo = settings.demo().enabled();
		String url = settings.publicUrl();
		boolean local = url.isBlank() || url.matches("(?i)https?://(localhost|127\\.0\\.0\\.1|\\[::1])(:\\d+)?/?");
		if (demo || !local) {
			return Optional.empty();
		}
		return Optional.of("GOVHALL_PUBLIC_URL is not set: the QR codes on notices, decisions and "
				+ "certificates lead to " + (url.isBlank() ? "nowhere" : url) + "/verify/..., which no citizen can "
				+ "reach. Set GOVHALL_PUBLIC_URL to the hall's public address (e.g. https://zwfw.example.gov.cn).");
	}

}
