package org.handraise.requests.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.validation.Validator;

import org.handraise.shared.CountedPage;
import org.handraise.people.PersonRef;
import org.handraise.requests.Action;
import org.handraise.requests.EventKind;
import org.handraise.requests.EventView;
import org.handraise.requests.NextStep;
import org.handraise.requests.OfferDraft;
import org.handraise.requests.OfferView;
import org.handraise.requests.RequestCoach;
import org.handraise.requests.RequestCommands;
import org.handraise.requests.RequestDraft;
import org.handraise.requests.RequestFilter;
import org.handraise.requests.RequestMessages;
import org.handraise.requests.RequestQueries;
import org.handraise.requests.RequestStatus;
import org.handraise.requests.RequestThanks;
import org.handraise.requests.RequestSummary;
import org.handraise.requests.RequestView;
import org.handraise.requests.Urgency;
import org.handraise.security.WebSliceConfiguration;
import org.handraise.shared.ConflictException;
import org.handraise.shared.ForbiddenException;
import org.handraise.shared.NotFoundException;
import org.handraise.shared.Validation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;
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
 * The request pages with the real security chains and templates, over a mocked service.
 */
@WebMvcTest(RequestController.class)
@Import(WebSliceConfiguration.class)
@WithMockUser(username = "alice", roles = "EMPLOYEE")
class RequestControllerTests {

	private static final Instant POSTED = WebSliceConfiguration.NOW.minusSeconds(3 * 3600);

	private static final String SPECIFIC_TITLE = "Flyway migration V7 fails on PostgreSQL with a duplicate index";

	private static final String LONG_DETAILS = "Since Monday our V7 migration fails on PostgreSQL 17 with "
			+ "'relation idx_people_team already exists'; on H2 it runs fine.";

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
		// The page asks the service to check a draft; let the real rules (and messages)
		// answer.
		Validation validation = new Validation(this.validator);
		willAnswer((call) -> validation.check(call.getArgument(0))).given(this.requests).validate(any());
		given(this.queries.topicNames()).willReturn(List.of("java", "spring", "sql"));
	}

	// asking for help

	@Test
	void theAskPageShowsAnEmptyForm() throws Exception {
		this.mvc.perform(get("/requests/new"))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andExpect(model().attributeExists("form", "urgencies", "knownTopics"))
			.andExpect(content().string(containsString("name=\"title\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void aBlankTitleReRendersTheFormWithTheFieldMessageAndKeepsTheInput() throws Exception {
		this.mvc
			.perform(post("/requests").with(csrf())
				.param("title", "   ")
				.param("details", LONG_DETAILS)
				.param("triedSoFar", "Dropped the index by hand")
				.param("topics", "sql, flyway")
				.param("urgency", "HIGH"))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andExpect(model().attributeHasFieldErrors("form", "title"))
			.andExpect(content().string(containsString("Give your request a title.")))
			.andExpect(content().string(containsString("id=\"title-errors\"")))
			.andExpect(content().string(containsString("Since Monday our V7 migration fails on PostgreSQL 17")))
			.andExpect(content().string(containsString("value=\"sql, flyway\"")))
			.andExpect(content().string(containsString("Dropped the index by hand")));
		verify(this.requests, never()).post(anyString(), any(RequestDraft.class));
	}

	@Test
	void aTooLongTitleIsRefusedWithItsLimit() throws Exception {
		this.mvc.perform(post("/requests").with(csrf()).param("title", "x".repeat(121)).param("details", LONG_DETAILS))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "title", "invalid"))
			.andExpect(content().string(containsString("Keep this to at most 120 characters.")));
		verify(this.requests, never()).post(anyString(), any(RequestDraft.class));
	}

	@Test
	void anUnknownUrgencyAndTooManyTopicsAreFieldErrorsOnThePage() throws Exception {
		this.mvc
			.perform(post("/requests").with(csrf())
				.param("title", SPECIFIC_TITLE)
				.param("details", LONG_DETAILS)
				.param("topics", "a, b, c, d, e, f")
				.param("urgency", "WHENEVER"))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andExpect(model().attributeHasFieldErrors("form", "urgency", "topics"))
			.andExpect(content().string(containsString("Choose an urgency: LOW, NORMAL or HIGH.")))
			.andExpect(content().string(containsString("Choose at most 5 topics.")));
		verify(this.requests, never()).post(anyString(), any(RequestDraft.class));
	}

	@Test
	void aVagueButValidDraftFirstShowsTheCoachTipsAndPostsNothing() throws Exception {
		this.mvc.perform(post("/requests").with(csrf()).param("title", "Help please").param("details", "It is broken."))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andExpect(model().attribute("reviewing", true))
			.andExpect(model().attribute("tips",
					containsInAnyOrder("coach.title.vague", "coach.details.short", "coach.tried.empty",
							"coach.topics.empty")))
			.andExpect(model().attributeHasNoErrors("form"))
			.andExpect(content().string(containsString("Make the title specific")))
			.andExpect(content().string(containsString("Post it as it is")))
			.andExpect(content().string(containsString("value=\"Help please\"")));
		verify(this.requests, never()).post(anyString(), any(RequestDraft.class));
	}

	@Test
	void theCoachedFormCarriesTheFingerprintOfTheReviewedDraft() throws Exception {
		String page = this.mvc
			.perform(post("/requests").with(csrf()).param("title", "Help please").param("details", "It is broken."))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(hiddenValue(page, "reviewed")).isEqualTo(
				RequestCoach.fingerprint(new RequestDraft("Help please", "It is broken.", null, null, null, false)));
	}

	@Test
	void theCoachsTipsSitNextToTheFieldsTheyConcernAndStayInTheSummary() throws Exception {
		String page = this.mvc
			.perform(post("/requests").with(csrf()).param("title", "Help please").param("details", "It is broken."))
			.andExpect(model().attribute("fieldTips",
					Map.of("title", "coach.title.vague", "details", "coach.details.short", "triedSoFar",
							"coach.tried.empty", "topics", "coach.topics.empty")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).containsPattern("id=\"title-tip\"[^>]*>Make the title specific")
			.containsPattern("id=\"details-tip\"[^>]*>Add a little more detail")
			.containsPattern("id=\"triedSoFar-tip\"[^>]*>Say what you have already tried")
			.containsPattern("id=\"topics-tip\"[^>]*>Add a topic or two")
			.containsPattern("(?s)<ul class=\"visually-hidden\">\\s*<li>Make the title specific");
		assertThat(tagWithId(page, "title")).contains("aria-describedby=\"title-help title-tip\"");
		assertThat(tagWithId(page, "topics")).contains("aria-describedby=\"topics-help topics-tip\"");
	}

	@Test
	void exactlyTheDraftTheCoachReviewedIsPostedAsItIs() throws Exception {
		given(this.requests.post(eq("alice"), any(RequestDraft.class)))
			.willReturn(requestView(42L, RequestStatus.OPEN, Set.of(Action.CANCEL, Action.RESOLVE)));
		String reviewed = RequestCoach
			.fingerprint(new RequestDraft("Help please", "It is broken.", null, null, null, true));
		this.mvc
			.perform(post("/requests").with(csrf())
				.param("title", "Help please")
				.param("details", "It is broken.")
				.param("anonymous", "true")
				.param("reviewed", reviewed))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/requests/42"))
			.andExpect(flash().attribute("flashSuccess", "flash.request.posted"));
		ArgumentCaptor<RequestDraft> draft = ArgumentCaptor.forClass(RequestDraft.class);
		verify(this.requests).post(eq("alice"), draft.capture());
		assertThat(draft.getValue().title()).isEqualTo("Help please");
		assertThat(draft.getValue().details()).isEqualTo("It is broken.");
		assertThat(draft.getValue().anonymous()).isTrue();
	}

	@Test
	void aDraftChangedSinceTheCoachSpokeIsReviewedAgain() throws Exception {
		String reviewed = RequestCoach
			.fingerprint(new RequestDraft("Help please", "It is broken.", null, null, null, false));
		this.mvc
			.perform(post("/requests").with(csrf())
				.param("title", "Help please")
				.param("details", "It is broken. Really.")
				.param("reviewed", reviewed))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andExpect(model().attribute("reviewing", true))
			.andExpect(content().string(containsString("Post it as it is")));
		verify(this.requests, never()).post(anyString(), any(RequestDraft.class));
	}

	@Test
	void aFailedSubmitDoesNotUseUpTheCoach() throws Exception {
		// no title: the field error, and the tips for the rest of the draft
		String firstPage = this.mvc
			.perform(post("/requests").with(csrf()).param("title", "").param("details", "It is broken."))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andExpect(model().attributeHasFieldErrors("form", "title"))
			.andExpect(model().attribute("tips",
					containsInAnyOrder("coach.details.short", "coach.tried.empty", "coach.topics.empty")))
			.andExpect(model().attributeDoesNotExist("reviewing"))
			.andExpect(content().string(containsString("Give your request a title.")))
			.andExpect(content().string(containsString(">Post request<")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		// the title is typed, the details changed, the hidden fields sent back as the
		// form holds them: a changed draft, so the coach speaks again
		MockHttpServletRequestBuilder second = post("/requests").with(csrf())
			.param("title", "help pls")
			.param("details", "it does not work");
		hiddenFields(firstPage).forEach(second::param);
		this.mvc.perform(second)
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andExpect(model().attribute("reviewing", true))
			.andExpect(model().attribute("tips",
					containsInAnyOrder("coach.title.vague", "coach.details.short", "coach.tried.empty",
							"coach.topics.empty")))
			.andExpect(content().string(containsString("Post it as it is")));
		verify(this.requests, never()).post(anyString(), any(RequestDraft.class));
	}

	@Test
	void aFieldErrorWithoutTipsLeavesTheCoachForTheNextSubmit() throws Exception {
		String page = this.mvc
			.perform(post("/requests").with(csrf())
				.param("title", SPECIFIC_TITLE)
				.param("details", LONG_DETAILS)
				.param("triedSoFar", "Dropped the index by hand")
				.param("topics", "sql")
				.param("urgency", "SOON"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "urgency"))
			.andExpect(model().attributeDoesNotExist("tips"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(hiddenValue(page, "reviewed")).as("no tips were shown, so no draft was reviewed").isEmpty();
	}

	@Test
	void anImprovedDraftWithNoTipsLeftIsPostedWithoutAskingAgain() throws Exception {
		given(this.requests.post(eq("alice"), any(RequestDraft.class)))
			.willReturn(requestView(7L, RequestStatus.OPEN, Set.of(Action.CANCEL, Action.RESOLVE)));
		String reviewed = RequestCoach
			.fingerprint(new RequestDraft("Help please", "It is broken.", null, null, null, false));
		this.mvc
			.perform(post("/requests").with(csrf())
				.param("title", SPECIFIC_TITLE)
				.param("details", LONG_DETAILS)
				.param("triedSoFar", "Dropped the index by hand")
				.param("topics", "sql")
				.param("reviewed", reviewed))
			.andExpect(redirectedUrl("/requests/7"));
	}

	@Test
	void anImprovedDraftWithAFieldErrorButNoTipsLeftOffersToPostTheRequestNotToPostItAsItIs() throws Exception {
		String reviewed = RequestCoach
			.fingerprint(new RequestDraft("Help please", "It is broken.", null, null, null, false));
		this.mvc
			.perform(post("/requests").with(csrf())
				.param("title", SPECIFIC_TITLE)
				.param("details", LONG_DETAILS)
				.param("triedSoFar", "Dropped the index by hand")
				.param("topics", "sql")
				.param("urgency", "SOON")
				.param("reviewed", reviewed))
			.andExpect(status().isOk())
			.andExpect(model().attributeDoesNotExist("tips", "reviewing"))
			.andExpect(content().string(containsString(">Post request<")))
			.andExpect(content().string(not(containsString("Post it as it is"))));
	}

	@Test
	void theAskFormMarksTheRequiredFieldsAndFocusesTheTitle() throws Exception {
		String page = this.mvc.perform(get("/requests/new")).andReturn().getResponse().getContentAsString();
		assertThat(tagWithId(page, "title")).contains("required=\"required\"", "aria-required=\"true\"",
				"autofocus=\"autofocus\"");
		assertThat(tagWithId(page, "details")).contains("required=\"required\"", "aria-required=\"true\"")
			.doesNotContain("autofocus");
		assertThat(tagWithId(page, "triedSoFar")).doesNotContain("required");
		assertThat(page).containsPattern("(?s)<label[^>]*for=\"title\">.*?\\(required\\)</span></label>");
	}

	@Test
	void theSuccessMessageMentionsMatchingMentorsOnlyForARequestWithTopics() throws Exception {
		RequestView withTopics = requestView(7L, RequestStatus.OPEN, Set.of(Action.CANCEL));
		RequestView withoutTopics = new RequestView(8L, withTopics.title(), withTopics.details(),
				withTopics.triedSoFar(), List.of(), withTopics.urgency(), false, withTopics.status(),
				withTopics.author(), null, withTopics.createdAt(), null, null, null, withTopics.updatedAt(), true,
				withTopics.actions(), withTopics.next(), List.of(), List.of(), List.of());
		given(this.requests.post(eq("alice"), any(RequestDraft.class))).willReturn(withoutTopics);
		this.mvc
			.perform(post("/requests").with(csrf())
				.param("title", SPECIFIC_TITLE)
				.param("details", LONG_DETAILS)
				.param("triedSoFar", "Dropped the index by hand")
				.param("reviewed",
						RequestCoach.fingerprint(new RequestDraft(SPECIFIC_TITLE, LONG_DETAILS,
								"Dropped the index by hand", null, null, false))))
			.andExpect(redirectedUrl("/requests/8"))
			.andExpect(flash().attribute("flashSuccess", "flash.request.posted.no-topics"));
	}

	@Test
	void aSpecificDraftIsPostedOnTheFirstSubmitWithItsTopicsSplit() throws Exception {
		given(this.requests.post(eq("alice"), any(RequestDraft.class)))
			.willReturn(requestView(7L, RequestStatus.OPEN, Set.of(Action.CANCEL, Action.RESOLVE)));
		this.mvc
			.perform(post("/requests").with(csrf())
				.param("title", SPECIFIC_TITLE)
				.param("details", LONG_DETAILS)
				.param("triedSoFar", "Dropped the index by hand")
				.param("topics", " sql , flyway,,")
				.param("urgency", "HIGH"))
			.andExpect(redirectedUrl("/requests/7"))
			.andExpect(flash().attribute("flashSuccess", "flash.request.posted"));
		ArgumentCaptor<RequestDraft> draft = ArgumentCaptor.forClass(RequestDraft.class);
		verify(this.requests).post(eq("alice"), draft.capture());
		assertThat(draft.getValue().topics()).containsExactly("sql", "flyway");
		assertThat(draft.getValue().urgency()).isEqualTo("HIGH");
		assertThat(draft.getValue().anonymous()).isFalse();
	}

	@Test
	void postingWithoutACsrfTokenIsForbidden() throws Exception {
		this.mvc.perform(post("/requests").param("title", SPECIFIC_TITLE).param("details", LONG_DETAILS))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.requests);
	}

	@Test
	void claimingWithoutACsrfTokenIsForbidden() throws Exception {
		this.mvc.perform(post("/requests/7/claim")).andExpect(status().isForbidden());
		verifyNoInteractions(this.requests);
	}

	@Test
	@WithAnonymousUser
	void signedOutVisitorsAreSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/requests/new"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", endsWith("/login")));
		verifyNoInteractions(this.requests);
	}

	// editing a request

	@Test
	void theEditPageShowsTheAskFormFilledInWithItsOwnHeadingAndNoAnonymousChoice() throws Exception {
		given(this.queries.forEditing("alice", 7L))
			.willReturn(requestView(7L, RequestStatus.OPEN, Set.of(Action.CANCEL, Action.EDIT, Action.RESOLVE)));
		String html = this.mvc.perform(get("/requests/7/edit"))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("<title>Edit your request", ">Edit your request</h1>", ">Save changes</button>",
				"action=\"/requests/7/edit\"", "value=\"" + SPECIFIC_TITLE + "\"", "value=\"flyway, sql\"",
				"Dropped the index by hand", "href=\"/requests/7\"");
		assertThat(html).doesNotContain("name=\"anonymous\"").doesNotContain(">Ask for help</h1>");
		assertThat(postFormsIn(html)).containsExactly("/requests/7/edit");
	}

	@Test
	void savingAnEditRedirectsToTheRequestWithAFlash() throws Exception {
		given(this.requests.edit(eq("alice"), eq(7L), any(RequestDraft.class)))
			.willReturn(requestView(7L, RequestStatus.OPEN, Set.of(Action.CANCEL, Action.EDIT, Action.RESOLVE)));
		this.mvc
			.perform(post("/requests/7/edit").with(csrf())
				.param("title", SPECIFIC_TITLE)
				.param("details", LONG_DETAILS)
				.param("topics", "sql, flyway ,")
				.param("urgency", "LOW"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/requests/7"))
			.andExpect(flash().attribute("flashSuccess", "flash.request.edited"));
		ArgumentCaptor<RequestDraft> draft = ArgumentCaptor.forClass(RequestDraft.class);
		verify(this.requests).edit(eq("alice"), eq(7L), draft.capture());
		assertThat(draft.getValue().title()).isEqualTo(SPECIFIC_TITLE);
		assertThat(draft.getValue().topics()).containsExactly("sql", "flyway");
		assertThat(draft.getValue().urgency()).isEqualTo("LOW");
	}

	@Test
	void anInvalidEditReRendersTheEditFormWithTheFieldMessage() throws Exception {
		Validation validation = new Validation(this.validator);
		given(this.requests.edit(eq("alice"), eq(7L), any(RequestDraft.class))).willAnswer((call) -> {
			validation.check(call.getArgument(2));
			return requestView(7L, RequestStatus.OPEN, Set.of(Action.EDIT));
		});
		this.mvc
			.perform(post("/requests/7/edit").with(csrf())
				.param("title", "  ")
				.param("details", LONG_DETAILS)
				.param("urgency", "NORMAL"))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andExpect(model().attributeHasFieldErrors("form", "title"))
			.andExpect(content().string(containsString("Give your request a title.")))
			.andExpect(content().string(containsString("Edit your request")))
			.andExpect(content().string(containsString("action=\"/requests/7/edit\"")));
	}

	@Test
	void editingSomeoneElsesRequestShowsTheForbiddenPage() throws Exception {
		given(this.queries.forEditing("alice", 7L))
			.willThrow(new ForbiddenException(RequestMessages.EDIT_NOT_AUTHOR.with()));
		this.mvc.perform(get("/requests/7/edit"))
			.andExpect(status().isForbidden())
			.andExpect(view().name("error/403"))
			.andExpect(content().string(containsString("Only the person who asked can edit this request.")));
	}

	@Test
	void editingAClosedRequestGoesBackToItWithTheReason() throws Exception {
		given(this.queries.forEditing("alice", 7L))
			.willThrow(new ConflictException(RequestMessages.ALREADY_CLOSED.with("resolved")));
		this.mvc.perform(get("/requests/7/edit"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/requests/7"))
			.andExpect(flash().attribute("flashError", "This request is already resolved."));
	}

	// a request's page

	static Stream<Set<Action>> actionSets() {
		return Stream.of(EnumSet.noneOf(Action.class), EnumSet.of(Action.CLAIM), EnumSet.of(Action.CLAIM, Action.OFFER),
				EnumSet.of(Action.RELEASE, Action.OFFER), EnumSet.of(Action.OFFER),
				EnumSet.of(Action.RESOLVE, Action.CANCEL), EnumSet.of(Action.CANCEL, Action.EDIT, Action.RESOLVE),
				EnumSet.of(Action.REOPEN), EnumSet.of(Action.RESOLVE, Action.CANCEL, Action.REOPEN),
				EnumSet.allOf(Action.class));
	}

	@ParameterizedTest
	@MethodSource("actionSets")
	void theDetailPageShowsExactlyTheActionsThePersonMayTake(Set<Action> actions) throws Exception {
		given(this.queries.view("alice", 7L)).willReturn(requestView(7L, RequestStatus.OPEN, actions));
		String html = this.mvc.perform(get("/requests/7"))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/detail"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Set<String> expected = new LinkedHashSet<>();
		for (Action action : actions) {
			String form = switch (action) {
				case CLAIM -> "claim";
				case RELEASE -> "release";
				case OFFER -> "offers";
				case RESOLVE -> "resolve";
				case CANCEL -> "cancel";
				case REOPEN -> "reopen";
				// a link to the edit page, not a form
				case EDIT -> null;
			};
			if (form != null) {
				expected.add("/requests/7/" + form);
			}
		}
		assertThat(postFormsIn(html)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(html.contains("Claim this request")).as("claim button").isEqualTo(actions.contains(Action.CLAIM));
		assertThat(html.contains("Release my claim")).as("release button").isEqualTo(actions.contains(Action.RELEASE));
		assertThat(html.contains("Mark as resolved")).as("resolve button").isEqualTo(actions.contains(Action.RESOLVE));
		assertThat(html.contains("Accept this answer and resolve")).as("accept button")
			.isEqualTo(actions.contains(Action.RESOLVE));
		assertThat(html.contains(">Reopen<")).as("reopen button").isEqualTo(actions.contains(Action.REOPEN));
		assertThat(html.contains(">Cancel request<")).as("cancel button").isEqualTo(actions.contains(Action.CANCEL));
		assertThat(html.contains(">Offer help<")).as("offer button").isEqualTo(actions.contains(Action.OFFER));
		assertThat(html.contains("href=\"/requests/7/edit\"")).as("edit link").isEqualTo(actions.contains(Action.EDIT));
		// never an empty card: what happens next is always said
		assertThat(html).contains(actions.isEmpty() ? "You offered help; Bob decides whether it solves their problem."
				: "You can offer help below. Only Bob can resolve or cancel it.");
	}

	@Test
	void anAnonymousRequestShowsNoAuthorName() throws Exception {
		RequestView anonymous = new RequestView(7L, SPECIFIC_TITLE, LONG_DETAILS, null, List.of("sql"), Urgency.HIGH,
				true, RequestStatus.OPEN, null, null, POSTED, null, null, null, POSTED, false, Set.of(Action.OFFER),
				NextStep.OFFER, List.of(), List.of(new EventView(null, true, false, EventKind.POSTED, null,
						RequestStatus.OPEN, null, POSTED, null)),
				List.of());
		given(this.queries.view("alice", 7L)).willReturn(anonymous);
		this.mvc.perform(get("/requests/7"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("asked anonymously")))
			.andExpect(content().string(containsString("The person who asked")));
	}

	@Test
	void anUnknownRequestShowsTheNotFoundPage() throws Exception {
		given(this.queries.view("alice", 99L)).willThrow(new NotFoundException(RequestMessages.NOT_FOUND.with(99L)));
		this.mvc.perform(get("/requests/99")).andExpect(status().isNotFound()).andExpect(view().name("error/404"));
	}

	@Test
	void aRequestIdThatIsNotANumberShowsTheNotFoundPage() throws Exception {
		this.mvc.perform(get("/requests/abc")).andExpect(status().isNotFound()).andExpect(view().name("error/404"));
		verifyNoInteractions(this.requests);
	}

	// actions

	@Test
	@WithMockUser(username = "maria", roles = { "EMPLOYEE", "MENTOR" })
	void claimingRedirectsToTheRequestWithAFlash() throws Exception {
		given(this.requests.claim("maria", 7L))
			.willReturn(requestView(7L, RequestStatus.CLAIMED, Set.of(Action.RELEASE)));
		this.mvc.perform(post("/requests/7/claim").with(csrf()))
			.andExpect(redirectedUrl("/requests/7"))
			.andExpect(flash().attribute("flashSuccess", "flash.request.claimed"));
		verify(this.requests).claim("maria", 7L);
	}

	@Test
	@WithMockUser(username = "maria", roles = { "EMPLOYEE", "MENTOR" })
	void claimingAClaimedRequestRedirectsWithTheReasonAsAFlashError() throws Exception {
		given(this.requests.claim("maria", 7L))
			.willThrow(new ConflictException(RequestMessages.CLAIM_CLAIMED_BY.with("Marco Bianchi")));
		this.mvc.perform(post("/requests/7/claim").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/requests/7"))
			.andExpect(flash().attribute("flashError", "This request is already claimed by Marco Bianchi."))
			.andExpect(flash().attributeCount(1));
	}

	@Test
	void aRefusedActionShowsTheForbiddenPageWithTheReason() throws Exception {
		given(this.requests.claim("alice", 7L))
			.willThrow(new ForbiddenException(RequestMessages.CLAIM_NOT_MENTOR.with()));
		this.mvc.perform(post("/requests/7/claim").with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(view().name("error/403"))
			.andExpect(content().string(containsString("Only mentors can claim requests.")));
	}

	@Test
	void resolvingPassesTheAcceptedOffer() throws Exception {
		given(this.requests.resolve("alice", 7L, 3L)).willReturn(requestView(7L, RequestStatus.RESOLVED, Set.of()));
		this.mvc.perform(post("/requests/7/resolve").with(csrf()).param("acceptedOfferId", "3"))
			.andExpect(redirectedUrl("/requests/7"))
			.andExpect(flash().attribute("flashSuccess", "flash.request.resolved"));
		verify(this.requests).resolve("alice", 7L, 3L);
	}

	@Test
	@WithMockUser(username = "bob", roles = "EMPLOYEE")
	void anInvalidOfferReRendersTheRequestPageWithTheFieldMessage() throws Exception {
		given(this.requests.offer(eq("bob"), eq(7L), any()))
			.willAnswer((call) -> new Validation(this.validator).check(call.getArgument(2, OfferDraft.class)));
		given(this.queries.view("bob", 7L)).willReturn(requestView(7L, RequestStatus.OPEN, Set.of(Action.OFFER)));
		this.mvc.perform(post("/requests/7/offers").with(csrf()).param("message", " "))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/detail"))
			.andExpect(model().attributeHasFieldErrors("offerForm", "message"))
			.andExpect(content().string(containsString("Write how you can help.")));
	}

	// lists

	@Test
	void theListPageRendersAPageOfSummaries() throws Exception {
		RequestSummary summary = new RequestSummary(7L, SPECIFIC_TITLE, LONG_DETAILS, null, List.of("sql"),
				Urgency.HIGH, false, RequestStatus.OPEN, new PersonRef("bob", "Bob"), null, POSTED, null, null, null,
				POSTED, 0, false, false);
		given(this.queries.search(eq("alice"), any(RequestFilter.class), eq(0), anyInt()))
			.willReturn(new CountedPage<>(List.of(summary), PageRequest.of(0, 20), 1, true));
		this.mvc.perform(get("/requests").param("status", "OPEN"))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/list"))
			.andExpect(content().string(containsString(SPECIFIC_TITLE)))
			.andExpect(content().string(containsString("3 hours ago")));
	}

	@Test
	void aListTooLongToCountShowsItsTotalAsALowerBound() throws Exception {
		RequestSummary summary = new RequestSummary(7L, SPECIFIC_TITLE, LONG_DETAILS, null, List.of("sql"),
				Urgency.HIGH, false, RequestStatus.OPEN, new PersonRef("bob", "Bob"), null, POSTED, null, null, null,
				POSTED, 0, false, false);
		given(this.queries.search(eq("alice"), any(RequestFilter.class), eq(0), anyInt()))
			.willReturn(new CountedPage<>(List.of(summary), PageRequest.of(0, 20), 1000, false));
		this.mvc.perform(get("/requests"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1,000+ requests")))
			.andExpect(content().string(containsString("Page 1 of 50+")));
	}

	@Test
	void aTimeIsMachineReadableAndItsExactTimeOnHoverSaysItIsUtc() throws Exception {
		RequestSummary summary = new RequestSummary(7L, SPECIFIC_TITLE, LONG_DETAILS, null, List.of("sql"),
				Urgency.HIGH, false, RequestStatus.OPEN, new PersonRef("bob", "Bob"), null, POSTED, null, null, null,
				POSTED, 0, false, false);
		given(this.queries.search(eq("alice"), any(RequestFilter.class), eq(0), anyInt()))
			.willReturn(new CountedPage<>(List.of(summary), PageRequest.of(0, 20), 1, true));

		String html = this.mvc.perform(get("/requests").header("Accept-Language", "en-GB"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).containsPattern(
				"<time datetime=\"2026-03-02T07:00:00Z\"\\s+title=\"2 Mar 2026, 07:00 UTC\">3 hours ago</time>");
	}

	/** The value of a hidden input of the page, as the browser would send it back. */
	/** The opening tag of the element with this id. */
	private static String tagWithId(String html, String id) {
		Matcher tag = Pattern.compile("<(input|textarea)[^>]*\\sid=\"" + id + "\"[^>]*>").matcher(html);
		assertThat(tag.find()).as("an input or text area with id %s", id).isTrue();
		return tag.group();
	}

	/**
	 * The hidden fields of the page's forms (but the CSRF token, which the test adds), as
	 * the browser sends them.
	 */
	private static Map<String, String> hiddenFields(String html) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		Matcher input = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(html);
		while (input.find()) {
			Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(input.group());
			Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
			if (name.find() && !name.group(1).startsWith("_")) {
				fields.put(name.group(1), value.find() ? value.group(1) : "");
			}
		}
		return fields;
	}

	private static String hiddenValue(String html, String name) {
		Matcher input = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(html);
		while (input.find()) {
			String tag = input.group();
			if (tag.contains("name=\"" + name + "\"")) {
				Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(tag);
				return value.find() ? value.group(1) : "";
			}
		}
		throw new AssertionError("no hidden input " + name);
	}

	private static Set<String> postFormsIn(String html) {
		Set<String> actions = new LinkedHashSet<>();
		Matcher form = Pattern.compile("<form[^>]*>").matcher(html);
		while (form.find()) {
			String tag = form.group();
			if (!tag.contains("method=\"post\"")) {
				continue;
			}
			Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(tag);
			if (action.find() && !action.group(1).equals("/logout")) {
				actions.add(action.group(1));
			}
		}
		return actions;
	}

	static RequestView requestView(long id, RequestStatus status, Set<Action> actions) {
		PersonRef bob = new PersonRef("bob", "Bob");
		PersonRef maria = new PersonRef("maria", "Maria");
		List<OfferView> offers = List.of(new OfferView(3L, maria, "Use create index if not exists.",
				POSTED.plusSeconds(600), null, false, false, false));
		List<EventView> history = List
			.of(new EventView(bob, true, false, EventKind.POSTED, null, RequestStatus.OPEN, null, POSTED, null));
		return new RequestView(id, SPECIFIC_TITLE, LONG_DETAILS, "Dropped the index by hand", List.of("flyway", "sql"),
				Urgency.HIGH, false, status, bob, null, POSTED, null, POSTED.plusSeconds(600), null,
				POSTED.plusSeconds(600), false, actions.isEmpty() ? Set.of() : EnumSet.copyOf(actions),
				actions.isEmpty() ? NextStep.YOU_OFFERED : NextStep.OFFER, offers, history,
				offers.stream().map(OfferView::helper).distinct().toList());
	}

}
