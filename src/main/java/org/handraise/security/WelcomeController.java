package org.handraise.security;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.handraise.people.PeopleService;
import org.handraise.requests.RequestQueries;
import org.handraise.shared.InvalidInputException;
import org.handraise.web.Texts;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The first sign-in of a person an administrator added (or whose password an
 * administrator reset): they choose their own password, with the one they were given as
 * the current one and the {@link org.handraise.people.PasswordPolicy} as everywhere, and
 * then may describe their skills, from the topics requests already have or new ones.
 * {@link PasswordChangeRequiredFilter} sends them here until the password is theirs.
 * Wrong current passwords count towards the sign-in lockout, as on the profile page.
 */
@Controller
@RequestMapping(PasswordChangeRequiredFilter.WELCOME)
class WelcomeController {

	private final PeopleService people;

	private final RequestQueries requests;

	private final OwnPasswordChange passwords;

	private final SessionTerminator sessions;

	private final Texts texts;

	WelcomeController(PeopleService people, RequestQueries requests, OwnPasswordChange passwords,
			SessionTerminator sessions, Texts texts) {
		this.people = people;
		this.requests = requests;
		this.passwords = passwords;
		this.sessions = sessions;
		this.texts = texts;
	}

	@GetMapping
	String welcome(Authentication me, Model model) {
		if (!PasswordChangeRequiredFilter.mustChangePassword(me)) {
			return "redirect:/";
		}
		model.addAttribute("form", new PasswordChangeForm());
		return page(me, model);
	}

	@PostMapping("/password")
	String choosePassword(Authentication me, @ModelAttribute("form") PasswordChangeForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!PasswordChangeRequiredFilter.mustChangePassword(me)) {
			return "redirect:/";
		}
		if (this.passwords.change(me.getName(), form, result)) {
			// this session is signed in again without the mark, with a fresh id, as at
			// sign-in
			this.sessions.signInAgainWithTheNewRoles(me.getName());
			redirect.addFlashAttribute("flashSuccess", "flash.welcome.password");
			return "redirect:/welcome/skills";
		}
		return page(me, model);
	}

	@GetMapping("/skills")
	String skills(Principal me, Model model) {
		return skillsPage(me, this.people.skillsOf(me.getName()), "", model);
	}

	@PostMapping("/skills")
	String saveSkills(Principal me, @RequestParam(name = "skill", required = false) List<String> chosen,
			@RequestParam(name = "otherSkills", required = false) String other, Model model,
			RedirectAttributes redirect) {
		List<String> skills = new ArrayList<>((chosen != null) ? chosen : List.of());
		if (other != null) {
			Arrays.stream(other.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).forEach(skills::add);
		}
		try {
			this.people.changeOwnSkills(me.getName(), skills);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("skillsError", this.texts.of(ex.errors().get(0).message()));
			return skillsPage(me, (chosen != null) ? chosen : List.of(), other, model);
		}
		redirect.addFlashAttribute("flashSuccess", "flash.welcome.done");
		return "redirect:/";
	}

	private String page(Authentication me, Model model) {
		model.addAttribute("me", this.people.me(me.getName()));
		return "welcome";
	}

	/**
	 * The topics requests have and the person's own skills, in one list, those chosen
	 * ticked.
	 */
	private String skillsPage(Principal me, List<String> chosen, String other, Model model) {
		TreeSet<String> offered = new TreeSet<>(this.requests.topicNames());
		offered.addAll(this.people.skillsOf(me.getName()));
		model.addAttribute("me", this.people.me(me.getName()));
		model.addAttribute("topics", offered);
		model.addAttribute("chosen", chosen);
		model.addAttribute("otherSkills", other);
		return "welcome-skills";
	}

}
