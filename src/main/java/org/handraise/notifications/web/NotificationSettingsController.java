package org.handraise.notifications.web;

import java.security.Principal;

import org.handraise.notifications.NotificationPreferences;
import org.handraise.shared.InvalidInputException;
import org.handraise.web.Texts;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The email settings form on the profile page.
 */
@Controller
class NotificationSettingsController {

	private final NotificationPreferences preferences;

	private final Texts texts;

	NotificationSettingsController(NotificationPreferences preferences, Texts texts) {
		this.preferences = preferences;
		this.texts = texts;
	}

	@PostMapping("/profile/notifications")
	String change(@ModelAttribute SettingsForm form, Principal me, RedirectAttributes redirect) {
		try {
			this.preferences.change(me.getName(), form.parse());
			redirect.addFlashAttribute("flashSuccess", "flash.notifications.settings-saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", this.texts.of(ex.errors().get(0).message()));
		}
		return "redirect:/profile#notification-settings";
	}

}
