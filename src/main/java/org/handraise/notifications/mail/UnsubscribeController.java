package org.handraise.notifications.mail;

import java.util.List;
import java.util.Locale;

import org.handraise.notifications.NotificationCategory;
import org.handraise.notifications.NotificationPreferences;
import org.handraise.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The unsubscribe link of every mail, without signing in (the token says whose email and
 * which categories, signed: {@link UnsubscribeTokens}). {@code GET} only shows a page
 * with a button, since link scanners open links; {@code POST} (the button, or a mail
 * program's RFC 8058 one-click request) turns those categories off and answers 200,
 * however often it is sent. A token this application did not make is not found.
 */
@Controller
@RequestMapping("/unsubscribe/{token}")
class UnsubscribeController {

	private final UnsubscribeTokens tokens;

	private final NotificationPreferences preferences;

	private final MessageSource messages;

	UnsubscribeController(UnsubscribeTokens tokens, NotificationPreferences preferences, MessageSource messages) {
		this.tokens = tokens;
		this.preferences = preferences;
		this.messages = messages;
	}

	@GetMapping
	String confirm(@PathVariable String token, Model model, Locale locale) {
		UnsubscribeTokens.Unsubscription unsubscription = verified(token);
		model.addAttribute("token", token);
		model.addAttribute("categories", names(unsubscription.categories(), locale));
		return "notifications/unsubscribe";
	}

	@PostMapping
	String unsubscribe(@PathVariable String token, Model model, Locale locale) {
		UnsubscribeTokens.Unsubscription unsubscription = verified(token);
		this.preferences.turnOff(unsubscription.username(), unsubscription.categories());
		model.addAttribute("categories", names(unsubscription.categories(), locale));
		return "notifications/unsubscribed";
	}

	private UnsubscribeTokens.Unsubscription verified(String token) {
		return this.tokens.verify(token)
			.orElseThrow(() -> new NotFoundException(MailMessages.UNSUBSCRIBE_UNKNOWN.with()));
	}

	private List<String> names(List<NotificationCategory> categories, Locale locale) {
		return categories.stream()
			.map((category) -> this.messages.getMessage("mail.category." + category.property(), null, locale))
			.toList();
	}

}
