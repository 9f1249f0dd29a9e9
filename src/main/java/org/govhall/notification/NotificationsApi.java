package org.govhall.notification;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.govhall.directory.GovHallUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in account's messages. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "Messages about cases to applicants, agents and first handlers")
class NotificationsApi {

	private final Notifications notifications;

	NotificationsApi(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	@Operation(summary = "My messages, newest first")
	List<Message> inbox(@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return notifications.inbox(user, locale);
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark a message read")
	ResponseEntity<Void> read(@PathVariable long id, @AuthenticationPrincipal GovHallUser user) {
		notifications.markRead(id, user);
		return ResponseEntity.noContent().build();
	}

}
