package org.handraise.people.web;

import java.util.List;
import java.util.Set;

import org.handraise.people.AdminPersonView;
import org.handraise.people.PeopleMessages;
import org.handraise.people.PeopleService;
import org.handraise.people.PersonCommand;
import org.handraise.people.PersonField;
import org.handraise.people.PersonUpdate;
import org.handraise.people.Role;
import org.handraise.security.WebSliceConfiguration;
import org.handraise.shared.ConflictException;
import org.handraise.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The administration of people: only administrators get in, with the real security chains
 * and templates.
 */
@WebMvcTest(AdminPeopleController.class)
@Import(WebSliceConfiguration.class)
@WithMockUser(username = "admin", roles = { "EMPLOYEE", "ADMIN" })
class AdminPeopleControllerTests {

	static final AdminPersonView ALICE = new AdminPersonView("alice", "Alice", "alice@handraise.example", "Platform",
			List.of("EMPLOYEE"), List.of(), null, true);

	static final AdminPersonView TOM = new AdminPersonView("tom", "Tom", "tom@handraise.example", null,
			List.of("EMPLOYEE"), List.of(), null, false);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PeopleService people;

	@Test
	@WithMockUser(username = "alice", roles = "EMPLOYEE")
	void anEmployeeIsForbiddenTheAdminPages() throws Exception {
		this.mvc.perform(get("/admin/people")).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/people/alice")).andExpect(status().isForbidden());
		verifyNoInteractions(this.people);
	}

	@Test
	@WithMockUser(username = "grace", roles = { "EMPLOYEE", "MANAGER" })
	void aManagerIsForbiddenTheAdminPages() throws Exception {
		this.mvc.perform(get("/admin/people")).andExpect(status().isForbidden());
		verifyNoInteractions(this.people);
	}

	@Test
	@WithMockUser(username = "maria", roles = { "EMPLOYEE", "MENTOR" })
	void aMentorCannotChangeAnybody() throws Exception {
		this.mvc.perform(post("/admin/people/alice/deactivate").with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/people").with(csrf()).param("username", "eve")).andExpect(status().isForbidden());
		verifyNoInteractions(this.people);
	}

	@Test
	void anAdministratorSeesEverybodyWithRolesAndState() throws Exception {
		given(this.people.adminDirectory(anyInt(), anyInt()))
			.willReturn(new PageImpl<>(List.of(ALICE, TOM), PageRequest.of(0, 50), 2));
		this.mvc.perform(get("/admin/people"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/people"))
			.andExpect(content().string(containsString("/admin/people/alice")))
			.andExpect(content().string(containsString(">Inactive<")))
			.andExpect(content().string(containsString(">Employee<")));
	}

	@Test
	void anAdministratorEditsAPersonInAPrefilledForm() throws Exception {
		given(this.people.adminView("alice")).willReturn(ALICE);
		given(this.people.teamNames()).willReturn(List.of("Data", "Mobile", "Platform"));
		this.mvc.perform(get("/admin/people/alice"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/person"))
			.andExpect(content().string(containsString("value=\"alice@handraise.example\"")))
			.andExpect(content().string(containsString("/admin/people/alice/deactivate")));
	}

	@Test
	void theEditFormShowsTheUsernameAsTextAndHasNoPasswordField() throws Exception {
		given(this.people.adminView("alice")).willReturn(ALICE);
		String page = this.mvc.perform(get("/admin/people/alice"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String form = page.substring(page.indexOf("<form action=\"/admin/people/alice\""),
				page.indexOf("</form>", page.indexOf("<form action=\"/admin/people/alice\"")));
		assertThat(form).doesNotContain("name=\"username\"")
			.doesNotContain("name=\"password\"")
			.contains("id=\"username-text\"")
			.contains(">alice<");
	}

	@Test
	void theAddFormHasTheUsernameAndTheInitialPassword() throws Exception {
		this.mvc.perform(get("/admin/people/new"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"username\"")))
			.andExpect(content().string(containsString("name=\"password\"")));
	}

	@Test
	void savingAPersonSaysWhatChanged() throws Exception {
		given(this.people.update(eq("alice"), any(PersonCommand.class))).willReturn(
				new PersonUpdate(ALICE, List.of(PersonField.DISPLAY_NAME, PersonField.TEAM, PersonField.ROLES)));
		this.mvc.perform(post("/admin/people/alice").with(csrf()).param("displayName", "Alice M."))
			.andExpect(redirectedUrl("/admin/people/alice"))
			.andExpect(flash().attribute("flashSuccessText", "Saved: display name, team and roles."));
		given(this.people.update(eq("alice"), any(PersonCommand.class)))
			.willReturn(new PersonUpdate(ALICE, List.of(PersonField.SKILLS)));
		this.mvc.perform(post("/admin/people/alice").with(csrf()).param("displayName", "Alice"))
			.andExpect(flash().attribute("flashSuccessText", "Saved: skills."));
	}

	@Test
	void savingAPersonWithoutAChangeSaysNothingChanged() throws Exception {
		given(this.people.update(eq("alice"), any(PersonCommand.class))).willReturn(new PersonUpdate(ALICE, List.of()));
		this.mvc.perform(post("/admin/people/alice").with(csrf()).param("displayName", "Alice"))
			.andExpect(redirectedUrl("/admin/people/alice"))
			.andExpect(flash().attribute("flashInfoText", "Nothing to save: no field changed."))
			.andExpect(flash().attributeCount(1));
	}

	@Test
	void aRefusedUsernameChangeIsShownAboveTheForm() throws Exception {
		given(this.people.update(eq("alice"), any(PersonCommand.class)))
			.willThrow(InvalidInputException.of("username", PeopleMessages.USERNAME_FIXED.with()));
		given(this.people.adminView("alice")).willReturn(ALICE);
		this.mvc.perform(post("/admin/people/alice").with(csrf()).param("username", "alicia"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The username cannot be changed after the person is added.")))
			.andExpect(content().string(containsString("alert-danger")));
	}

	@Test
	void addingAPersonRedirectsToTheirPageWithAFlash() throws Exception {
		given(this.people.add(any(PersonCommand.class))).willReturn(new AdminPersonView("eve", "Eve",
				"eve@handraise.example", "Data", List.of("EMPLOYEE", "MENTOR"), List.of("python"), null, true));
		this.mvc
			.perform(post("/admin/people").with(csrf())
				.param("username", "eve")
				.param("displayName", "Eve")
				.param("email", "eve@handraise.example")
				.param("team", "Data")
				.param("roles", "MENTOR")
				.param("skills", "python, sql")
				.param("password", "a-long-enough-secret"))
			.andExpect(redirectedUrl("/admin/people/eve"))
			.andExpect(flash().attribute("flashSuccess", "flash.person.added"));
		ArgumentCaptor<PersonCommand> command = ArgumentCaptor.forClass(PersonCommand.class);
		verify(this.people).add(command.capture());
		assertThat(command.getValue().roles()).isEqualTo(Set.of(Role.MENTOR));
		assertThat(command.getValue().skills()).containsExactly("python", "sql");
	}

	@Test
	void anInvalidNewPersonReRendersTheFormWithoutEchoingThePassword() throws Exception {
		given(this.people.add(any(PersonCommand.class)))
			.willThrow(InvalidInputException.of("username", PeopleMessages.USERNAME_TAKEN.with()));
		this.mvc
			.perform(post("/admin/people").with(csrf())
				.param("username", "alice")
				.param("displayName", "Alice Again")
				.param("email", "alice2@handraise.example")
				.param("password", "secret-not-to-echo"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/person"))
			.andExpect(model().attributeHasFieldErrors("form", "username"))
			.andExpect(content().string(containsString("is already taken")))
			.andExpect(content().string(containsString("Alice Again")))
			.andExpect(content().string(not(containsString("secret-not-to-echo"))));
	}

	@Test
	void deactivatingMyselfRedirectsWithTheReason() throws Exception {
		willThrow(new ConflictException(PeopleMessages.DEACTIVATE_YOURSELF.with())).given(this.people)
			.deactivate("admin", "admin");
		this.mvc.perform(post("/admin/people/admin/deactivate").with(csrf()))
			.andExpect(redirectedUrl("/admin/people/admin"))
			.andExpect(flash().attribute("flashError", "You cannot deactivate yourself; ask another administrator."));
	}

	@Test
	void deactivatingWithoutACsrfTokenIsForbidden() throws Exception {
		this.mvc.perform(post("/admin/people/alice/deactivate")).andExpect(status().isForbidden());
		verifyNoInteractions(this.people);
	}

}
