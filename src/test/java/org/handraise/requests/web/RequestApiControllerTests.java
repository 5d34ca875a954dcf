package org.handraise.requests.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import jakarta.validation.Validator;

import org.handraise.shared.CountedPage;
import org.handraise.people.PersonRef;
import org.handraise.requests.Action;
import org.handraise.requests.EventKind;
import org.handraise.requests.EventView;
import org.handraise.requests.NextStep;
import org.handraise.requests.OfferDraft;
import org.handraise.requests.OfferView;
import org.handraise.requests.RequestCommands;
import org.handraise.requests.RequestDraft;
import org.handraise.requests.RequestFilter;
import org.handraise.requests.RequestMessages;
import org.handraise.requests.RequestQueries;
import org.handraise.requests.RequestStatus;
import org.handraise.requests.RequestSummary;
import org.handraise.requests.RequestView;
import org.handraise.requests.Urgency;
import org.handraise.security.WebSliceConfiguration;
import org.handraise.shared.ConflictException;
import org.handraise.shared.ForbiddenException;
import org.handraise.shared.NotFoundException;
import org.handraise.shared.Validation;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The requests API with the real stateless Basic chain and the real problem handling,
 * over a mocked service.
 */
@WebMvcTest(RequestApiController.class)
@Import(WebSliceConfiguration.class)
@WithMockUser(username = "alice", roles = "EMPLOYEE")
class RequestApiControllerTests {

	private static final Instant POSTED = Instant.parse("2026-03-02T07:00:00Z");

	private static final String NEW_REQUEST = """
			{"title": "Flyway fails on a duplicate index", "details": "V7 fails on PostgreSQL.",
			 "triedSoFar": "Dropped the index", "topics": ["sql", "flyway"], "urgency": "HIGH", "anonymous": true}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Validator validator;

	@MockitoBean
	RequestCommands requests;

	@MockitoBean
	RequestQueries queries;

	@Test
	void postingARequestAnswers201WithItsLocationAndTheRequest() throws Exception {
		given(this.requests.post(eq("alice"), any(RequestDraft.class))).willReturn(request(42L, RequestStatus.OPEN));
		this.mvc.perform(json(post("/api/requests"), NEW_REQUEST))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", endsWith("/api/requests/42")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.id").value(42))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.author.username").value("alice"))
			.andExpect(jsonPath("$.offers", hasSize(1)))
			.andExpect(jsonPath("$.history", hasSize(1)));
		ArgumentCaptor<RequestDraft> draft = ArgumentCaptor.forClass(RequestDraft.class);
		verify(this.requests).post(eq("alice"), draft.capture());
		assertThat(draft.getValue()).isEqualTo(new RequestDraft("Flyway fails on a duplicate index",
				"V7 fails on PostgreSQL.", "Dropped the index", List.of("sql", "flyway"), "HIGH", true));
	}

	@Test
	void invalidInputIsA400ProblemListingEveryField() throws Exception {
		// the real rules and messages answer, as in the service
		Validation validation = new Validation(this.validator);
		given(this.requests.post(eq("alice"), any(RequestDraft.class)))
			.willAnswer((call) -> validation.check(call.getArgument(1, RequestDraft.class)));
		this.mvc.perform(json(post("/api/requests"), "{\"title\": \" \", \"details\": \"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.title").value("Bad Request"))
			.andExpect(jsonPath("$.detail").isNotEmpty())
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[0].field").value("details"))
			.andExpect(jsonPath("$.errors[0].message").value("Say what you need help with."))
			.andExpect(jsonPath("$.errors[1].field").value("title"))
			.andExpect(jsonPath("$.errors[1].message").value("Give your request a title."));
	}

	@Test
	void aConflictIsA409ProblemWithTheSentenceAsDetail() throws Exception {
		given(this.requests.claim("alice", 7L)).willThrow(
				new ConflictException(RequestMessages.CLAIM_NOT_OPEN.with(RequestMessages.STATE_RESOLVED.with())));
		this.mvc.perform(post("/api/requests/7/claim"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.title").value("Conflict"))
			.andExpect(jsonPath("$.detail").value("Only open requests can be claimed; this one is resolved."));
	}

	@Test
	void aRefusalIsA403Problem() throws Exception {
		given(this.requests.cancel("alice", 7L))
			.willThrow(new ForbiddenException(RequestMessages.CANCEL_NOT_AUTHOR.with()));
		this.mvc.perform(post("/api/requests/7/cancel"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.detail").value("Only the person who asked can cancel this request."));
	}

	@Test
	void anUnknownIdIsA404Problem() throws Exception {
		given(this.queries.view("alice", 99L)).willThrow(new NotFoundException(RequestMessages.NOT_FOUND.with(99L)));
		this.mvc.perform(get("/api/requests/99"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("Request #99 does not exist."));
	}

	@Test
	void anIdThatIsNotANumberIsA400Problem() throws Exception {
		this.mvc.perform(get("/api/requests/abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		verifyNoInteractions(this.requests);
	}

	@Test
	void anUnknownStatusFilterIsA400Problem() throws Exception {
		this.mvc.perform(get("/api/requests").param("status", "SLEEPING"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		verifyNoInteractions(this.requests);
	}

	@Test
	void anUnknownApiPathIsA404Problem() throws Exception {
		this.mvc.perform(get("/api/nothing-here").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aBodyThatIsNotJsonIsA415Problem() throws Exception {
		this.mvc.perform(post("/api/requests").contentType(MediaType.TEXT_PLAIN).content("title=Help"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verifyNoInteractions(this.requests);
	}

	@Test
	void theWrongMethodIsA405Problem() throws Exception {
		this.mvc.perform(get("/api/requests/7/claim"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verifyNoInteractions(this.requests);
	}

	@Test
	void aListTooLongToCountSaysItsTotalIsALowerBound() throws Exception {
		RequestSummary summary = new RequestSummary(7L, "Flyway fails", "V7 fails.", null, List.of("sql"),
				Urgency.NORMAL, false, RequestStatus.OPEN, new PersonRef("bob", "Bob"), null, POSTED, null, null, null,
				POSTED, 0, false, false);
		given(this.queries.search(eq("alice"), any(RequestFilter.class), eq(0), eq(20)))
			.willReturn(new CountedPage<>(List.of(summary), PageRequest.of(0, 20), 1000, false));
		this.mvc.perform(get("/api/requests"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(1000))
			.andExpect(jsonPath("$.totalPages").value(50))
			.andExpect(jsonPath("$.totalExact").value(false));
	}

	@Test
	void theListIsAPageWithItsTotals() throws Exception {
		RequestSummary summary = new RequestSummary(7L, "Flyway fails", "V7 fails.", null, List.of("sql"),
				Urgency.NORMAL, false, RequestStatus.OPEN, new PersonRef("bob", "Bob"), null, POSTED, null, null, null,
				POSTED, 0, false, false);
		given(this.queries.search(eq("alice"), any(RequestFilter.class), eq(2), eq(5)))
			.willReturn(new CountedPage<>(List.of(summary), PageRequest.of(2, 5), 11, true));
		this.mvc.perform(get("/api/requests").param("mine", "true").param("page", "2").param("size", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].id").value(7))
			.andExpect(jsonPath("$.page").value(2))
			.andExpect(jsonPath("$.size").value(5))
			.andExpect(jsonPath("$.totalElements").value(11))
			.andExpect(jsonPath("$.totalPages").value(3))
			.andExpect(jsonPath("$.totalExact").value(true));
		ArgumentCaptor<RequestFilter> filter = ArgumentCaptor.forClass(RequestFilter.class);
		verify(this.queries).search(eq("alice"), filter.capture(), eq(2), eq(5));
		assertThat(filter.getValue().mine()).isTrue();
		assertThat(filter.getValue().claimedByMe()).isFalse();
	}

	@Test
	void offeringHelpAnswers201WithTheOffer() throws Exception {
		given(this.requests.offer("alice", 7L, new OfferDraft("Try create index if not exists.")))
			.willReturn(new OfferView(3L, new PersonRef("alice", "Alice"), "Try create index if not exists.", POSTED,
					null, false, false, false));
		this.mvc.perform(json(post("/api/requests/7/offers"), "{\"message\": \"Try create index if not exists.\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith("/api/requests/7")))
			.andExpect(jsonPath("$.id").value(3))
			.andExpect(jsonPath("$.helper.username").value("alice"))
			.andExpect(jsonPath("$.accepted").value(false));
	}

	@Test
	void resolvingWithoutABodyAcceptsNoOffer() throws Exception {
		given(this.requests.resolve("alice", 7L, null)).willReturn(request(7L, RequestStatus.RESOLVED));
		this.mvc.perform(post("/api/requests/7/resolve"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RESOLVED"));
		verify(this.requests).resolve("alice", 7L, null);
	}

	@Test
	void resolvingCanAcceptAnOffer() throws Exception {
		given(this.requests.resolve("alice", 7L, 3L)).willReturn(request(7L, RequestStatus.RESOLVED));
		this.mvc.perform(json(post("/api/requests/7/resolve"), "{\"acceptedOfferId\": 3}")).andExpect(status().isOk());
		verify(this.requests).resolve("alice", 7L, 3L);
	}

	// signing in

	@Test
	@WithAnonymousUser
	void withoutCredentialsTheApiAnswers401ProblemAndAsksForBasic() throws Exception {
		this.mvc.perform(json(post("/api/requests"), NEW_REQUEST))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", startsWith("Basic")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.title").value("Unauthorized"))
			.andExpect(jsonPath("$.detail").isNotEmpty());
		verifyNoInteractions(this.requests);
	}

	@Test
	@WithAnonymousUser
	void withoutCredentialsTheApiNeverRedirectsToTheLoginPage() throws Exception {
		this.mvc.perform(get("/api/requests").accept(MediaType.TEXT_HTML))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("Location"));
	}

	@Test
	@WithAnonymousUser
	void wrongCredentialsAreA401Problem() throws Exception {
		this.mvc.perform(get("/api/requests/7").with(httpBasic("alice", "not-her-password")))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		verifyNoInteractions(this.requests);
	}

	@Test
	void theApiNeedsNoCsrfTokenAndCreatesNoSession() throws Exception {
		given(this.requests.claim(anyString(), eq(7L))).willReturn(request(7L, RequestStatus.CLAIMED));
		this.mvc.perform(post("/api/requests/7/claim"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andExpect((result) -> assertThat(result.getRequest().getSession(false)).isNull());
	}

	@Test
	@WithAnonymousUser
	void aPageWithoutSignInRedirectsToTheLoginPage() throws Exception {
		this.mvc.perform(get("/requests/7"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login")));
		verifyNoInteractions(this.requests);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(body);
	}

	private static RequestView request(long id, RequestStatus status) {
		PersonRef alice = new PersonRef("alice", "Alice");
		return new RequestView(id, "Flyway fails on a duplicate index", "V7 fails on PostgreSQL.", "Dropped the index",
				List.of("flyway", "sql"), Urgency.HIGH, true, status, alice, null, POSTED, null, null, null, POSTED,
				true, EnumSet.of(Action.CANCEL, Action.RESOLVE), NextStep.CHOOSE_OFFER,
				List.of(new OfferView(3L, new PersonRef("maria", "Maria"), "Use create index if not exists.", POSTED,
						null, false, false, false)),
				List.of(new EventView(alice, true, false, EventKind.POSTED, null, RequestStatus.OPEN, null, POSTED,
						null)),
				List.of(new PersonRef("maria", "Maria")));
	}

}
