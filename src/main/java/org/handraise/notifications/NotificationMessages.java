package org.handraise.notifications;

import org.handraise.shared.Code;
import org.handraise.shared.MessageKey;

/**
 * What the inbox and the settings say when they refuse. The texts are in
 * {@code messages.properties}.
 */
public enum NotificationMessages implements MessageKey {

	/** {0}: the notification's id. */
	@Code(value = "not-found.notification", arity = 1)
	NOT_FOUND,

	/** {0}: the category's name in the API. */
	@Code(value = "notifications.settings.missing", arity = 1)
	SETTING_MISSING,

	/** {0}: the value given. */
	@Code(value = "notifications.settings.unknown", arity = 1)
	SETTING_UNKNOWN;

}
