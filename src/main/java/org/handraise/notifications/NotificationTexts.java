package org.handraise.notifications;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A notification's sentence in a language: {@code notification.<kind>[.<variant>]} with
 * the actor ({@code {0}}, "The person who asked" where no actor may be named) and the
 * request's title ({@code {1}}).
 */
@Component
public class NotificationTexts {

	private final MessageSource messages;

	NotificationTexts(MessageSource messages) {
		this.messages = messages;
	}

	public String text(NotificationKind kind, String variant, String actorName, String requestTitle, Locale locale) {
		String actor = (actorName != null) ? actorName
				: this.messages.getMessage("notification.actor.hidden", null, locale);
		String code = (variant != null) ? kind.code() + "." + variant : kind.code();
		Object[] args = { actor, (requestTitle != null) ? requestTitle : "" };
		return this.messages.getMessage(code, args, this.messages.getMessage(kind.code(), args, locale), locale);
	}

}
