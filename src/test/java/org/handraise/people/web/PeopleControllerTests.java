package org.handraise.people.web;

import java.util.List;

import org.handraise.people.PeopleMessages;
import org.handraise.people.PeopleService;
import org.handraise.people.PersonView;
import org.handraise.security.WebSliceConfiguration;
import org.handraise.shared.NotFoundException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The people directory pages with the real security chains and templates, over a mocked
 * service.
 */
@WebMvcTest(PeopleController.class)
@Import(WebSliceConfiguration.class)
@WithMockUser(username = "alice", roles = "EMPLOYEE")
class PeopleControllerTests {

	static final PersonView MARIA = new PersonView("maria", "Maria", "Platform", List.of("EMPLOYEE", "MENTOR"),
			List.of("java", "spring", "sql"), "Mornings", true, true, 2);

	static final PersonView BOB = new PersonView("bob", "Bob", "Mobile", List.of("EMPLOYEE"), List.of(), null, false,
			true, 0);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PeopleService people;

	@Test
	void theDirectoryShowsTeamsSkillsAndTheMentorBadge() throws Exception {
		given(this.people.directory(anyInt(), anyInt()))
			.willReturn(new PageImpl<>(List.of(BOB, MARIA), PageRequest.of(0, 30), 2));
		this.mvc.perform(get("/people"))
			.andExpect(status().isOk())
			.andExpect(view().name("people/directory"))
			.andExpect(content().string(containsString("Maria")))
			.andExpect(content().string(containsString("· Platform")))
			.andExpect(content().string(containsString(">spring<")))
			.andExpect(content().string(containsString(">Mentor<")))
			.andExpect(content().string(containsString("2 open claims")));
	}

	@Test
	void aPersonPageShowsWhoTheyAreAndOffersToThankThem() throws Exception {
		given(this.people.view("maria")).willReturn(MARIA);
		this.mvc.perform(get("/people/maria"))
			.andExpect(status().isOk())
			.andExpect(view().name("people/person"))
			.andExpect(content().string(containsString("Mornings")))
			.andExpect(content().string(containsString("/thanks?to=maria")));
	}

	@Test
	@WithMockUser(username = "maria", roles = { "EMPLOYEE", "MENTOR" })
	void myOwnPageDoesNotOfferToThankMyself() throws Exception {
		given(this.people.view("maria")).willReturn(MARIA);
		this.mvc.perform(get("/people/maria"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/thanks?to=maria"))));
	}

	@Test
	void anUnknownPersonShowsTheNotFoundPage() throws Exception {
		given(this.people.view("nobody")).willThrow(new NotFoundException(PeopleMessages.NOT_FOUND.with("nobody")));
		this.mvc.perform(get("/people/nobody")).andExpect(status().isNotFound()).andExpect(view().name("error/404"));
	}

	@Test
	@WithAnonymousUser
	void signedOutVisitorsAreSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/people"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login")));
		verifyNoInteractions(this.people);
	}

}
