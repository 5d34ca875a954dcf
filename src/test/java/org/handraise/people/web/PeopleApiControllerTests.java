package org.handraise.people.web;

import java.util.List;

import org.handraise.people.Me;
import org.handraise.people.PeopleMessages;
import org.handraise.people.PeopleService;
import org.handraise.security.WebSliceConfiguration;
import org.handraise.shared.NotFoundException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The people API with the real stateless Basic chain and the real problem handling, over
 * a mocked service.
 */
@WebMvcTest(PeopleApiController.class)
@Import(WebSliceConfiguration.class)
@WithMockUser(username = "maria", roles = { "EMPLOYEE", "MENTOR" })
class PeopleApiControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PeopleService people;

	@Test
	void meIsTheSignedInPersonWithRolesAndTeam() throws Exception {
		given(this.people.me("maria")).willReturn(
				new Me("maria", "Maria", List.of("EMPLOYEE", "MENTOR"), "Platform", List.of("java", "spring", "sql")));
		this.mvc.perform(get("/api/me"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.username").value("maria"))
			.andExpect(jsonPath("$.displayName").value("Maria"))
			.andExpect(jsonPath("$.roles", contains("EMPLOYEE", "MENTOR")))
			.andExpect(jsonPath("$.team").value("Platform"));
	}

	@Test
	void theDirectoryIsAPageAndItsSizeIsCapped() throws Exception {
		given(this.people.directory(0, 100))
			.willReturn(new PageImpl<>(List.of(PeopleControllerTests.MARIA), PageRequest.of(0, 100), 1));
		this.mvc.perform(get("/api/people").param("size", "5000"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].username").value("maria"))
			.andExpect(jsonPath("$.content[0].mentor").value(true))
			.andExpect(jsonPath("$.totalElements").value(1));
		verify(this.people).directory(0, 100);
	}

	@Test
	void anUnknownPersonIsA404Problem() throws Exception {
		given(this.people.view("nobody")).willThrow(new NotFoundException(PeopleMessages.NOT_FOUND.with("nobody")));
		this.mvc.perform(get("/api/people/nobody"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("Person nobody does not exist."));
	}

	@Test
	@WithAnonymousUser
	void withoutCredentialsMeIsA401Problem() throws Exception {
		this.mvc.perform(get("/api/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", startsWith("Basic")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		verifyNoInteractions(this.people);
	}

}
