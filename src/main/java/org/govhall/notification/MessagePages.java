package org.govhall.notification;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.govhall.directory.GovHallUser;
import org.govhall.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The inbox page, and the unread count every page shows beside the user's name. */
@PageController
class MessagePages {

	private final Notifications notifications;

	MessagePages(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/messages")
	String inbox(@AuthenticationPrincipal GovHallUser user, Locale locale, Model model) {
		model.addAttribute("messages", notifications.inbox(user, locale));
		return "messages";
	}

	@PostMapping("/messages/{id}/read")
	String read(@PathVariable long id, @AuthenticationPrincipal GovHallUser user) {
		notifications.markRead(id, user);
		return "redirect:/messages";
	}

	/** Adds {@code unreadMessages} for signed-in users. */
	@ControllerAdvice(annotations = PageController.class)
	static class UnreadCount {

		private final ObjectProvider<Notifications> notifications;

		UnreadCount(ObjectProvider<Notifications> notifications) {
			this.notifications = notifications;
		}

		@ModelAttribute("unreadMessages")
		@Nullable Long unread(HttpServletRequest request) {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				return null;
			}
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			Notifications inbox = notifications.getIfAvailable();
			return inbox != null && auth != null && auth.getPrincipal() instanceof GovHallUser u ? inbox.unread(u)
					: null;
		}

	}

}
