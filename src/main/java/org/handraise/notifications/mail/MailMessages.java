package org.handraise.notifications.mail;

import org.handraise.shared.Code;
import org.handraise.shared.MessageKey;

/**
 * What the unsubscribe pages say when they refuse. The texts are in
 * {@code messages.properties}.
 */
enum MailMessages implements MessageKey {

	/** The link is not one this application made (or was changed). */
	@Code(value = "not-found.unsubscribe", arity = 0)
	UNSUBSCRIBE_UNKNOWN;

}
