package org.handraise.notifications.web;

import java.security.Principal;

import org.handraise.notifications.NotificationPreferences;
import org.handraise.notifications.UnreadCounts;

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

	private final ObjectProvider<UnreadCounts> unreadCounts;

	private final ObjectProvider<NotificationPreferences> preferences;

	InboxAdvice(ObjectProvider<UnreadCounts> unreadCounts, ObjectProvider<NotificationPreferences> preferences) {
		this.unreadCounts = unreadCounts;
		this.preferences = preferences;
	}

	@ModelAttribute("inbox")
	UnreadBadge inbox(Principal me) {
		UnreadCounts found = this.unreadCounts.getIfAvailable();
		return (me != null && found != null) ? new UnreadBadge(found, me.getName()) : null;
	}

	@ModelAttribute("notificationSettings")
	SettingsModel notificationSettings(Principal me) {
		NotificationPreferences found = this.preferences.getIfAvailable();
		return (me != null && found != null) ? new SettingsModel(found, me.getName()) : null;
	}

}
