package org.handraise.thanks.web;

import java.time.Instant;
import java.util.List;

import org.handraise.people.PeopleService;
import org.handraise.people.PersonView;
import org.handraise.security.WebSliceConfiguration;
import org.handraise.shared.ForbiddenException;
import org.handraise.shared.InvalidInputException;
import org.handraise.thanks.ThanksDraft;
import org.handraise.thanks.ThanksMessages;
import org.handraise.thanks.ThanksService;
import org.handraise.thanks.ThanksView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The thanks wall page with the real security chains and templates, over mocked services.
 */
@WebMvcTest(ThanksController.class)
@Import(WebSliceConfiguration.class)
@WithMockUser(username = "alice", roles = "EMPLOYEE")
class ThanksControllerTests {

	private static final Instant SENT = WebSliceConfiguration.NOW.minusSeconds(2 * 86400);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ThanksService thanks;

	@MockitoBean
	PeopleService people;

	@BeforeEach
	void wallAndDirectory() {
		ThanksView publicNote = new ThanksView(1L, "alice", "Alice", "maria", "Maria", "Thank you, that fixed it!", 7L,
				"Flyway fails", true, SENT, true);
		ThanksView anonymousRequestNote = new ThanksView(2L, null, null, "marco", "Marco", "Saved my day", 8L,
				"Kubernetes", true, SENT, false);
		ThanksView privateNote = new ThanksView(3L, "bob", "Bob", "alice", "Alice", "Just between us: thanks.", null,
				null, false, SENT, false);
		given(this.thanks.wall(eq("alice"), anyInt(), anyInt())).willReturn(page(publicNote, anonymousRequestNote));
		given(this.thanks.visibleTo(eq("alice"), anyInt(), anyInt()))
			.willReturn(page(publicNote, anonymousRequestNote, privateNote));
		given(this.people.directory(anyInt(), anyInt())).willReturn(
				page(person("alice", "Alice", false), person("maria", "Maria", true), person("marco", "Marco", true)));
	}

	@Test
	void theWallShowsPublicNotesAndMyPrivateOnes() throws Exception {
		this.mvc.perform(get("/thanks"))
			.andExpect(status().isOk())
			.andExpect(view().name("thanks/wall"))
			.andExpect(model().attributeExists("form", "wall", "mine", "people"))
			.andExpect(content().string(containsString("Thank you, that fixed it!")))
			.andExpect(content().string(containsString("Alice thanked Maria")))
			.andExpect(content().string(containsString("Marco was thanked")))
			.andExpect(content().string(containsString("Just between us: thanks.")))
			.andExpect(content().string(containsString("2 days ago")));
	}

	@Test
	void thePersonListLeavesOutMyself() throws Exception {
		this.mvc.perform(get("/thanks"))
			.andExpect(content().string(containsString("value=\"maria\"")))
			.andExpect(content().string(not(containsString("value=\"alice\""))));
	}

	@Test
	void aLinkFromARequestFillsInThePersonAndTheRequest() throws Exception {
		this.mvc.perform(get("/thanks").param("to", "maria").param("request", "7"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"maria\" selected=\"selected\">")))
			.andExpect(content().string(containsString("value=\"7\"")));
	}

	@Test
	void sendingThanksRedirectsToTheWallWithAFlash() throws Exception {
		this.mvc
			.perform(post("/thanks").with(csrf())
				.param("to", "maria")
				.param("message", "Thank you!")
				.param("requestId", "7")
				.param("publicNote", "true")
				.param("_publicNote", "on"))
			.andExpect(redirectedUrl("/thanks"))
			.andExpect(flash().attribute("flashSuccess", "flash.thanks.sent"));
		verify(this.thanks).send("alice", new ThanksDraft("maria", "Thank you!", 7L, true));
	}

	@Test
	void uncheckingShowOnTheWallSendsAPrivateNote() throws Exception {
		this.mvc
			.perform(post("/thanks").with(csrf())
				.param("to", "maria")
				.param("message", "Thank you!")
				.param("requestId", "")
				.param("_publicNote", "on"))
			.andExpect(redirectedUrl("/thanks"));
		ArgumentCaptor<ThanksDraft> draft = ArgumentCaptor.forClass(ThanksDraft.class);
		verify(this.thanks).send(eq("alice"), draft.capture());
		assertThat(draft.getValue().publicNote()).isFalse();
		assertThat(draft.getValue().requestId()).isNull();
	}

	@Test
	void thankingMyselfReRendersTheWallWithTheFieldMessageAndKeepsTheInput() throws Exception {
		given(this.thanks.send(eq("alice"), any(ThanksDraft.class)))
			.willThrow(InvalidInputException.of("to", ThanksMessages.THANK_YOURSELF.with()));
		this.mvc.perform(post("/thanks").with(csrf()).param("to", "alice").param("message", "Go me, really"))
			.andExpect(status().isOk())
			.andExpect(view().name("thanks/wall"))
			.andExpect(model().attributeHasFieldErrors("form", "to"))
			.andExpect(content().string(containsString("You cannot thank yourself.")))
			.andExpect(content().string(containsString("Go me, really")));
	}

	@Test
	void thanksForSomeoneElsesRequestShowsTheForbiddenPage() throws Exception {
		given(this.thanks.send(eq("alice"), any(ThanksDraft.class)))
			.willThrow(new ForbiddenException(ThanksMessages.NOT_THE_AUTHOR.with()));
		this.mvc.perform(
				post("/thanks").with(csrf()).param("to", "maria").param("message", "Thanks").param("requestId", "8"))
			.andExpect(status().isForbidden())
			.andExpect(view().name("error/403"))
			.andExpect(content().string(containsString("Only the person who asked can send thanks")));
	}

	@Test
	void sendingThanksWithoutACsrfTokenIsForbidden() throws Exception {
		this.mvc.perform(post("/thanks").param("to", "maria").param("message", "Thanks"))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.thanks);
	}

	@Test
	@WithAnonymousUser
	void signedOutVisitorsAreSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/thanks"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login")));
	}

	@SafeVarargs
	private static <T> Page<T> page(T... items) {
		return new PageImpl<>(List.of(items), PageRequest.of(0, 20), items.length);
	}

	private static PersonView person(String username, String displayName, boolean mentor) {
		return new PersonView(username, displayName, "Platform",
				mentor ? List.of("EMPLOYEE", "MENTOR") : List.of("EMPLOYEE"), List.of(), null, mentor, true, 0);
	}

}
