package org.handraise.requests.web;

import java.util.List;

import jakarta.validation.Validator;

import org.handraise.requests.RequestThanks;
import org.handraise.requests.RequestCommands;
import org.handraise.requests.RequestDraft;
import org.handraise.requests.RequestMessages;
import org.handraise.requests.RequestQueries;
import org.handraise.security.WebSliceConfiguration;
import org.handraise.shared.ConflictException;
import org.handraise.shared.ForbiddenException;
import org.handraise.shared.Validation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The domain's sentences are resolved in the viewer's locale wherever they are shown: the
 * API's problem {@code detail} and field {@code message}s, the 401 written by the
 * security chain, the 403 page, flash messages and field errors on pages. The locale
 * comes from {@code Accept-Language}; {@code xx} is a pseudo-locale whose texts live in
 * the test resources ({@code messages_xx.properties}), and without the header the texts
 * are the English ones of {@code messages.properties}.
 */
@WebMvcTest({ RequestApiController.class, RequestController.class })
@Import(WebSliceConfiguration.class)
@WithMockUser(username = "alice", roles = "EMPLOYEE")
class LocalisedMessagesTests {

	private static final String PSEUDO = "xx";

	@Autowired
	MockMvc mvc;

	@Autowired
	Validator validator;

	@MockitoBean
	RequestCommands requests;

	@MockitoBean
	RequestQueries queries;

	@MockitoBean
	RequestThanks thanks;

	@BeforeEach
	void realValidationRules() {
		Validation validation = new Validation(this.validator);
		willAnswer((call) -> validation.check(call.getArgument(0))).given(this.requests).validate(any());
		given(this.requests.post(eq("alice"), any(RequestDraft.class)))
			.willAnswer((call) -> validation.check(call.getArgument(1, RequestDraft.class)));
		given(this.queries.topicNames()).willReturn(List.of("java"));
	}

	@Test
	void anApiRefusalIsInTheCallersLanguage() throws Exception {
		given(this.requests.cancel("alice", 7L))
			.willThrow(new ForbiddenException(RequestMessages.CANCEL_NOT_AUTHOR.with()));

		this.mvc.perform(post("/api/requests/7/cancel").header(HttpHeaders.ACCEPT_LANGUAGE, PSEUDO))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("\u00abxx\u00bb ONLY THE ASKER CAN CANCEL THIS."));
		this.mvc.perform(post("/api/requests/7/cancel"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Only the person who asked can cancel this request."));
	}

	@Test
	void theWordsInsideASentenceAreInTheCallersLanguageToo() throws Exception {
		given(this.requests.claim("alice", 7L)).willThrow(
				new ConflictException(RequestMessages.CLAIM_NOT_OPEN.with(RequestMessages.STATE_RESOLVED.with())));

		this.mvc.perform(post("/api/requests/7/claim").header(HttpHeaders.ACCEPT_LANGUAGE, PSEUDO))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail")
				.value("\u00abxx\u00bb ONLY OPEN REQUESTS CAN BE CLAIMED; THIS ONE IS \u00abxx\u00bb r\u00e9solu."));
	}

	@Test
	void fieldMessagesAndTheProblemDetailAreInTheCallersLanguage() throws Exception {
		this.mvc
			.perform(post("/api/requests").header(HttpHeaders.ACCEPT_LANGUAGE, PSEUDO)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": \"" + "x".repeat(121) + "\", \"details\": \" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("\u00abxx\u00bb SOME FIELDS ARE NOT VALID."))
			.andExpect(jsonPath("$.errors[0].field").value("details"))
			.andExpect(jsonPath("$.errors[0].message").value("\u00abxx\u00bb REQUIRED"))
			.andExpect(jsonPath("$.errors[1].field").value("title"))
			.andExpect(jsonPath("$.errors[1].message").value("\u00abxx\u00bb AT MOST 120 CHARACTERS"));
	}

	@Test
	@WithAnonymousUser
	void theSecurityChains401IsInTheCallersLanguage() throws Exception {
		this.mvc.perform(get("/api/requests").header(HttpHeaders.ACCEPT_LANGUAGE, PSEUDO))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("\u00abxx\u00bb SIGN IN FIRST."));
	}

	@Test
	void theForbiddenPageGivesTheReasonInTheViewersLanguage() throws Exception {
		given(this.requests.claim("alice", 7L))
			.willThrow(new ForbiddenException(RequestMessages.CLAIM_NOT_MENTOR.with()));

		this.mvc.perform(post("/requests/7/claim").with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, PSEUDO))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("\u00abxx\u00bb ONLY MENTORS CAN CLAIM.")))
			.andExpect(content().string(not(containsString("Only mentors can claim requests."))));
	}

	@Test
	void aFlashErrorIsInTheViewersLanguage() throws Exception {
		given(this.requests.claim("alice", 7L))
			.willThrow(new ConflictException(RequestMessages.CLAIM_CLAIMED_BY.with("Maria Rossi")));

		this.mvc.perform(post("/requests/7/claim").with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, PSEUDO))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "\u00abxx\u00bb ALREADY CLAIMED BY Maria Rossi."));
	}

	@Test
	void fieldErrorsOnAFormAreInTheViewersLanguage() throws Exception {
		this.mvc
			.perform(post("/requests").with(csrf())
				.header(HttpHeaders.ACCEPT_LANGUAGE, PSEUDO)
				.param("title", " ")
				.param("details", "Since Monday our V7 migration fails on PostgreSQL 17 with a duplicate index."))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\u00abxx\u00bb REQUIRED")))
			.andExpect(content().string(not(containsString("must not be blank"))));
	}

}
