package org.handraise.people.web;

import java.security.Principal;
import java.util.List;
import java.util.Set;

import org.handraise.people.AdminPersonView;
import org.handraise.people.PeopleMessages;
import org.handraise.people.PeopleService;
import org.handraise.people.PersonField;
import org.handraise.people.PersonUpdate;
import org.handraise.people.Role;
import org.handraise.shared.ConflictException;
import org.handraise.shared.InvalidInputException;
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
 * Administration of people: add, change roles, team and skills, reset a password, unlock
 * sign-in, deactivate.
 */
@Controller
@RequestMapping("/admin/people")
class AdminPeopleController {

	/** The fields of the form for changing a person (no username, no password). */
	private static final Set<String> EDITABLE = Set.of("displayName", "email", "team", "roles", "skills",
			"availability");

	private final PeopleService people;

	private final Texts texts;

	AdminPeopleController(PeopleService people, Texts texts) {
		this.people = people;
		this.texts = texts;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", this.people.adminDirectory(page, 50));
		return "admin/people";
	}

	@GetMapping("/new")
	String newPerson(Model model) {
		model.addAttribute("form", new PersonForm());
		return formView(model, true);
	}

	@PostMapping
	String add(@ModelAttribute("form") PersonForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			AdminPersonView added = this.people.add(form.toCommand());
			redirect.addFlashAttribute("flashSuccess", "flash.person.added");
			return "redirect:/admin/people/" + added.username();
		}
		catch (InvalidInputException ex) {
			reject(result, ex);
			form.setPassword(null);
			return formView(model, true);
		}
	}

	@GetMapping("/{username}")
	String edit(@PathVariable String username, Model model) {
		AdminPersonView person = this.people.adminView(username);
		model.addAttribute("form", PersonForm.of(person));
		model.addAttribute("person", person);
		return formView(model, false);
	}

	@PostMapping("/{username}")
	String update(@PathVariable String username, @ModelAttribute("form") PersonForm form, BindingResult result,
			Principal me, Model model, RedirectAttributes redirect) {
		PersonUpdate saved;
		try {
			saved = this.people.update(username, form.toCommand());
		}
		catch (InvalidInputException ex) {
			ex.errors().forEach((e) -> {
				if (EDITABLE.contains(e.field())) {
					result.rejectValue(e.field(), "invalid", this.texts.of(e.message()));
				}
				else {
					// the username and the password are not on this form: said above it
					result.reject("invalid", this.texts.of(e.message()));
				}
			});
			form.setUsername(username);
			form.setPassword(null);
			model.addAttribute("person", this.people.adminView(username));
			return formView(model, false);
		}
		if (saved.changed().isEmpty()) {
			redirect.addFlashAttribute("flashInfoText", this.texts.of(PeopleMessages.NOTHING_SAVED));
		}
		else {
			redirect.addFlashAttribute("flashSuccessText", this.texts.of(PeopleMessages.SAVED, list(saved.changed())));
		}
		if (saved.person().username().equals(me.getName()) && !saved.person().roles().contains(Role.ADMIN.name())) {
			// an administrator who gave up the role no longer sees this page (their
			// session has the new roles)
			return "redirect:/";
		}
		return "redirect:/admin/people/" + username;
	}

	/** "display name, team and roles": the fields' names, the last after "and". */
	private String list(List<PersonField> fields) {
		List<String> names = fields.stream().map((f) -> this.texts.of(f.with())).toList();
		if (names.size() == 1) {
			return names.get(0);
		}
		return this.texts.of(PeopleMessages.LIST_AND, String.join(", ", names.subList(0, names.size() - 1)),
				names.get(names.size() - 1));
	}

	@PostMapping("/{username}/password")
	String resetPassword(@PathVariable String username, @RequestParam(required = false) String password,
			RedirectAttributes redirect) {
		try {
			this.people.resetPassword(username, password);
			redirect.addFlashAttribute("flashSuccess", "flash.person.password");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", this.texts.of(ex.errors().get(0).message()));
		}
		return "redirect:/admin/people/" + username;
	}

	@PostMapping("/{username}/deactivate")
	String deactivate(@PathVariable String username, Principal me, RedirectAttributes redirect) {
		try {
			this.people.deactivate(me.getName(), username);
			redirect.addFlashAttribute("flashSuccess", "flash.person.deactivated");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flashError", this.texts.of(ex.reason()));
		}
		return "redirect:/admin/people/" + username;
	}

	@PostMapping("/{username}/unlock")
	String unlock(@PathVariable String username, RedirectAttributes redirect) {
		this.people.unlock(username);
		redirect.addFlashAttribute("flashSuccess", "flash.person.unlocked");
		return "redirect:/admin/people/" + username;
	}

	@PostMapping("/{username}/activate")
	String activate(@PathVariable String username, RedirectAttributes redirect) {
		this.people.activate(username);
		redirect.addFlashAttribute("flashSuccess", "flash.person.activated");
		return "redirect:/admin/people/" + username;
	}

	private String formView(Model model, boolean adding) {
		model.addAttribute("adding", adding);
		model.addAttribute("allRoles", List.of(Role.MENTOR, Role.MANAGER, Role.ADMIN));
		model.addAttribute("teams", this.people.teamNames());
		return "admin/person";
	}

	private void reject(BindingResult result, InvalidInputException ex) {
		this.texts.reject(result, ex);
	}

}
