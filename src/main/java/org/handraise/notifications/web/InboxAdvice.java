package org.handraise.notifications.web;

import java.security.Principal;

import org.handraise.notifications.Inbox;
import org.handraise.notifications.NotificationPreferences;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page may show of notifications: the unread count in the navigation bar
 * ({@code ${inbox.unread}}) and, on the profile page, the email settings
 * ({@code ${notificationSettings.form}}). Both are read on first use, so a page that does
 * not show them, a redirect or an API call costs nothing. In a web slice without the
 * notifications' services there is neither.
 */
@ControllerAdvice(annotations = Controller.class)
class InboxAdvice {

	private final ObjectProvider<Inbox> inbox;

	private final ObjectProvider<NotificationPreferences> preferences;

	InboxAdvice(ObjectProvider<Inbox> inbox, ObjectProvider<NotificationPreferences> preferences) {
		this.inbox = inbox;
		this.preferences = preferences;
	}

	@ModelAttribute("inbox")
	UnreadBadge inbox(Principal me) {
		Inbox found = this.inbox.getIfAvailable();
		return (me != null && found != null) ? new UnreadBadge(found, me.getName()) : null;
	}

	@ModelAttribute("notificationSettings")
	SettingsModel notificationSettings(Principal me) {
		NotificationPreferences found = this.preferences.getIfAvailable();
		return (me != null && found != null) ? new SettingsModel(found, me.getName()) : null;
	}

}
