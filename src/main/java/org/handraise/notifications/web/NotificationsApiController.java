package org.handraise.notifications.web;

import java.security.Principal;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.handraise.notifications.Inbox;
import org.handraise.notifications.InboxPage;
import org.handraise.notifications.NotificationPreferences;
import org.handraise.notifications.NotificationSettings;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications", description = "My inbox and how I hear of things by email")
class NotificationsApiController {

	private final Inbox inbox;

	private final NotificationPreferences preferences;

	NotificationsApiController(Inbox inbox, NotificationPreferences preferences) {
		this.inbox = inbox;
		this.preferences = preferences;
	}

	@GetMapping("/api/notifications")
	@Operation(summary = "My notifications, newest first, with my unread count")
	InboxPage list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Principal me, Locale locale) {
		return this.inbox.page(me.getName(), unread, page, size, locale);
	}

	@PostMapping("/api/notifications/{id}/read")
	@Operation(summary = "Mark one of my notifications read")
	ResponseEntity<Void> read(@PathVariable long id, Principal me) {
		this.inbox.markRead(me.getName(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/notifications/read-all")
	@Operation(summary = "Mark all my notifications read")
	ResponseEntity<Void> readAll(Principal me) {
		this.inbox.markAllRead(me.getName());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/me/notification-settings")
	@Operation(summary = "How I hear of each category by email")
	NotificationSettings settings(Principal me) {
		return this.preferences.of(me.getName());
	}

	@PutMapping("/api/me/notification-settings")
	@Operation(summary = "Change how I hear of each category by email (every category required)")
	NotificationSettings change(@RequestBody SettingsBody body, Principal me) {
		return this.preferences.change(me.getName(), body.parse());
	}

	/**
	 * As typed: each a delivery's name; checked by {@link NotificationSettings#parse}.
	 */
	record SettingsBody(String myRequests, String helping, String skillMatches, String thanks) {

		NotificationSettings parse() {
			return NotificationSettings.parse(this.myRequests, this.helping, this.skillMatches, this.thanks);
		}

	}

}
