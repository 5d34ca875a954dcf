package org.handraise.thanks.web;

import java.security.Principal;

import org.handraise.people.PeopleService;
import org.handraise.shared.InvalidInputException;
import org.handraise.thanks.ThanksService;
import org.handraise.web.Texts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The thanks wall: public notes, my own notes, and a form to thank anyone.
 */
@Controller
class ThanksController {

	private final ThanksService thanks;

	private final PeopleService people;

	private final Texts texts;

	ThanksController(ThanksService thanks, PeopleService people, Texts texts) {
		this.thanks = thanks;
		this.people = people;
		this.texts = texts;
	}

	@GetMapping("/thanks")
	String wall(@RequestParam(required = false) String to, @RequestParam(required = false) Long request,
			@RequestParam(defaultValue = "0") int page, Principal me, Model model) {
		ThanksForm form = new ThanksForm();
		form.setTo(to);
		form.setRequestId(request);
		model.addAttribute("form", form);
		return wallView(page, me, model);
	}

	@PostMapping("/thanks")
	String send(@ModelAttribute("form") ThanksForm form, BindingResult result, Principal me, Model model,
			RedirectAttributes redirect) {
		try {
			this.thanks.send(me.getName(), form.toDraft());
		}
		catch (InvalidInputException ex) {
			this.texts.reject(result, ex);
			return wallView(0, me, model);
		}
		redirect.addFlashAttribute("flashSuccess", "flash.thanks.sent");
		return "redirect:/thanks";
	}

	private String wallView(int page, Principal me, Model model) {
		model.addAttribute("wall", this.thanks.wall(me.getName(), page, 20));
		model.addAttribute("mine",
				this.thanks.visibleTo(me.getName(), 0, 100)
					.getContent()
					.stream()
					.filter((n) -> !n.publicNote())
					.toList());
		model.addAttribute("people", this.people.directory(0, 500).getContent());
		return "thanks/wall";
	}

}
