package org.handraise.security;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.handraise.people.PeopleService;
import org.handraise.shared.InvalidInputException;
import org.handraise.tokens.AccessTokenService;
import org.handraise.tokens.CreatedAccessToken;
import org.handraise.web.Texts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's own account: change their password (the current one required) and end their sessions
 * on other devices. Wrong current passwords count towards the sign-in lockout, so this form is no way around it.
 * Personal access tokens for the API are made and revoked here too; a new token is shown once, right after it is
 * made (a flash attribute), and never again.
 */
@Controller
@RequestMapping("/profile")
class ProfileController {

	private final PeopleService people;

	private final LoginThrottle throttle;

	private final SessionTerminator sessions;

	private final AccessTokenService tokens;

	private final Texts texts;

	ProfileController(PeopleService people, LoginThrottle throttle, SessionTerminator sessions,
			AccessTokenService tokens, Texts texts) {
		this.people = people;
		this.throttle = throttle;
		this.sessions = sessions;
		this.tokens = tokens;
		this.texts = texts;
	}

	@GetMapping
	String profile(Principal me, HttpServletRequest request, Model model) {
		model.addAttribute("form", new PasswordChangeForm());
		return page(me, request, model);
	}

	@PostMapping("/password")
	String changePassword(Principal me, @ModelAttribute("form") PasswordChangeForm form, BindingResult result,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		String name = me.getName();
		if (this.throttle.state(name) == LoginThrottle.State.LOCKED) {
			result.rejectValue("currentPassword", "locked", this.texts.of(SecurityMessages.LOCKED));
		}
		else if (form.getNewPassword() == null || !form.getNewPassword().equals(form.getConfirmPassword())) {
			result.rejectValue("confirmPassword", "mismatch", this.texts.of(SecurityMessages.PASSWORD_MISMATCH));
		}
		else {
			try {
				this.people.changeOwnPassword(name, form.getCurrentPassword(), form.getNewPassword());
				// a fresh session id for the session that stays, as at sign-in
				request.changeSessionId();
				redirect.addFlashAttribute("flashSuccess", "flash.profile.password");
				return "redirect:/profile";
			}
			catch (InvalidInputException ex) {
				this.texts.reject(result, ex);
				if (ex.errors().stream().anyMatch((e) -> e.field().equals("currentPassword"))) {
					this.throttle.recordFailure(name);
				}
			}
		}
		form.forget();
		return page(me, request, model);
	}

	@PostMapping("/sessions/end-others")
	String endOtherSessions(Principal me, HttpServletRequest request, RedirectAttributes redirect) {
		this.sessions.endOtherSessions(me.getName(), currentSessionId(request));
		redirect.addFlashAttribute("flashSuccess", "flash.profile.sessions");
		return "redirect:/profile";
	}

	@PostMapping("/tokens")
	String createToken(Principal me, @RequestParam(name = "name", required = false) String name,
			RedirectAttributes redirect) {
		try {
			CreatedAccessToken created = this.tokens.create(me.getName(), name, null);
			// shown on the next page only: the flash attribute is gone after that one read
			redirect.addFlashAttribute("newToken", created.token());
			redirect.addFlashAttribute("newTokenName", created.view().name());
			redirect.addFlashAttribute("flashSuccess", "flash.profile.token-created");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", this.texts.of(SecurityMessages.TOKEN_REFUSED,
					ex.errors().isEmpty() ? "" : ex.errors().get(0).message()));
		}
		return "redirect:/profile";
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(Principal me, @PathVariable long id, RedirectAttributes redirect) {
		this.tokens.revoke(me.getName(), id);
		redirect.addFlashAttribute("flashSuccess", "flash.profile.token-revoked");
		return "redirect:/profile";
	}

	private String page(Principal me, HttpServletRequest request, Model model) {
		model.addAttribute("me", this.people.me(me.getName()));
		model.addAttribute("otherSessions", this.sessions.countOthers(me.getName(), currentSessionId(request)));
		model.addAttribute("tokens", this.tokens.list(me.getName()));
		return "profile";
	}

	private static String currentSessionId(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? session.getId() : null;
	}

}
