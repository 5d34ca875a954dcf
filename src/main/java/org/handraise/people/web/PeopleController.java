package org.handraise.people.web;

import org.handraise.people.PeopleService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The directory: who is who, what they know, and how busy they are.
 */
@Controller
class PeopleController {

	private final PeopleService people;

	PeopleController(PeopleService people) {
		this.people = people;
	}

	@GetMapping("/people")
	String directory(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", this.people.directory(page, 30));
		return "people/directory";
	}

	@GetMapping("/people/{username}")
	String person(@PathVariable String username, Model model) {
		model.addAttribute("person", this.people.view(username));
		return "people/person";
	}

}
