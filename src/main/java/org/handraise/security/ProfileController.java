package org.handraise.security;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.handraise.people.PeopleService;
import org.handraise.shared.InvalidInputException;
import org.handraise.tokens.AccessTokenService;
import org.handraise.tokens.CreatedAccessToken;
import org.handraise.web.Texts;

import org.springframework.http.HttpHeaders;
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
 * The signed-in person's own account: change their password (the current one required)
 * and end their sessions on other devices. Wrong current passwords count towards the
 * sign-in lockout, so this form is no way around it. Personal access tokens for the API
 * are made and revoked here too. A new token is shown once, in the response to the form
 * that made it ({@code Cache-Control: no-store}), and never again: not through a flash
 * attribute, which would put it in the session, and sessions are stored in the database.
 * Each token form carries a random {@code once} value; sending the same form again
 * (reloading that page) makes no second token but leads back to the profile page, which
 * says so.
 */
@Controller
@RequestMapping("/profile")
class ProfileController {

	private final PeopleService people;

	private final OwnPasswordChange passwords;

	private final SessionTerminator sessions;

	private final AccessTokenService tokens;

	private final Texts texts;

	ProfileController(PeopleService people, OwnPasswordChange passwords, SessionTerminator sessions,
			AccessTokenService tokens, Texts texts) {
		this.people = people;
		this.passwords = passwords;
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
		if (this.passwords.change(me.getName(), form, result)) {
			// a fresh session id for the session that stays, as at sign-in
			request.changeSessionId();
			redirect.addFlashAttribute("flashSuccess", "flash.profile.password");
			return "redirect:/profile";
		}
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
			@RequestParam(name = "expiresInDays", required = false) String expiresInDays,
			@RequestParam(name = "once", required = false) String once, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		String formId = SentForms.isId(once) ? once : null;
		if (formId != null && SentForms.wasSent(request.getSession(), formId)) {
			redirect.addFlashAttribute("flashSuccess", "flash.profile.token-already-made");
			return "redirect:/profile";
		}
		try {
			CreatedAccessToken created = this.tokens.create(me.getName(), name, days(expiresInDays));
			if (formId != null) {
				SentForms.remember(request.getSession(), formId);
			}
			// the token is in this response only: never in the session, nor in a cache
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			model.addAttribute("newToken", created.token());
			model.addAttribute("newTokenName", created.view().name());
			model.addAttribute("flashSuccess", "flash.profile.token-created");
		}
		catch (InvalidInputException ex) {
			model.addAttribute("flashError", this.texts.of(SecurityMessages.TOKEN_REFUSED,
					ex.errors().isEmpty() ? "" : ex.errors().get(0).message()));
		}
		model.addAttribute("form", new PasswordChangeForm());
		return page(me, request, model);
	}

	/**
	 * The chosen lifetime: null when none was sent (the default), 0 (refused) when it is
	 * no number.
	 */
	private static Integer days(String expiresInDays) {
		if (expiresInDays == null) {
			return null;
		}
		try {
			return Integer.valueOf(expiresInDays.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
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
		model.addAttribute("tokenLifetimes", AccessTokenService.LIFETIMES_IN_DAYS);
		model.addAttribute("defaultTokenLifetime", AccessTokenService.DEFAULT_LIFETIME_IN_DAYS);
		model.addAttribute("once", SentForms.newId());
		return "profile";
	}

	private static String currentSessionId(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? session.getId() : null;
	}

}
