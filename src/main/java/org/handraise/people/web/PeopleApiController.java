package org.handraise.people.web;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.handraise.people.Me;
import org.handraise.people.PeopleService;
import org.handraise.people.PersonView;
import org.handraise.web.PageResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "People", description = "Who is who: teams, skills, availability and load")
class PeopleApiController {

	private final PeopleService people;

	PeopleApiController(PeopleService people) {
		this.people = people;
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in person")
	Me me(Principal me) {
		return this.people.me(me.getName());
	}

	@GetMapping("/people")
	@Operation(summary = "The directory of active people")
	PageResponse<PersonView> directory(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return PageResponse.of(this.people.directory(page, Math.min(Math.max(size, 1), 100)));
	}

	@GetMapping("/people/{username}")
	@Operation(summary = "One person")
	PersonView person(@PathVariable String username) {
		return this.people.view(username);
	}

}
