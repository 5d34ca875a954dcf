package org.handraise.notifications.web;

import java.util.List;

import org.handraise.notifications.Delivery;
import org.handraise.notifications.NotificationPreferences;

/**
 * The signed-in person's email settings for the profile page's form
 * ({@code ${notificationSettings.form}}), read on first use, so that no other page reads
 * them.
 */
public final class SettingsModel {

	private final NotificationPreferences preferences;

	private final String username;

	private SettingsForm form;

	SettingsModel(NotificationPreferences preferences, String username) {
		this.preferences = preferences;
		this.username = username;
	}

	public SettingsForm getForm() {
		if (this.form == null) {
			this.form = SettingsForm.of(this.preferences.of(this.username));
		}
		return this.form;
	}

	public List<Delivery> getDeliveries() {
		return List.of(Delivery.values());
	}

}
