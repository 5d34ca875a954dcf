package org.handraise.thanks.web;

import java.time.Instant;
import java.util.List;

import org.handraise.security.WebSliceConfiguration;
import org.handraise.shared.ForbiddenException;
import org.handraise.shared.InvalidInputException;
import org.handraise.thanks.ThanksDraft;
import org.handraise.thanks.ThanksMessages;
import org.handraise.thanks.ThanksService;
import org.handraise.thanks.ThanksView;
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

import static org.hamcrest.Matchers.endsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The thanks API with the real stateless Basic chain and the real problem handling, over
 * a mocked service.
 */
@WebMvcTest(ThanksApiController.class)
@Import(WebSliceConfiguration.class)
@WithMockUser(username = "alice", roles = "EMPLOYEE")
class ThanksApiControllerTests {

	private static final Instant SENT = Instant.parse("2026-03-01T09:30:00Z");

	private static final ThanksView NOTE = new ThanksView(5L, "alice", "Alice", "maria", "Maria", "Thank you!", 7L,
			"Flyway fails", true, SENT, true);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ThanksService thanks;

	@Test
	void sendingThanksAnswers201WithTheNote() throws Exception {
		given(this.thanks.send(eq("alice"), any(ThanksDraft.class))).willReturn(NOTE);
		this.mvc
			.perform(post("/api/thanks").contentType(MediaType.APPLICATION_JSON)
				.content("{\"to\": \"maria\", \"message\": \"Thank you!\", \"requestId\": 7, \"public\": true}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", endsWith("/api/thanks/5")))
			.andExpect(jsonPath("$.id").value(5))
			.andExpect(jsonPath("$.from").value("alice"))
			.andExpect(jsonPath("$.to").value("maria"))
			.andExpect(jsonPath("$.message").value("Thank you!"))
			.andExpect(jsonPath("$.requestId").value(7))
			.andExpect(jsonPath("$.public").value(true))
			.andExpect(jsonPath("$.createdAt").value("2026-03-01T09:30:00Z"));
		verify(this.thanks).send("alice", new ThanksDraft("maria", "Thank you!", 7L, true));
	}

	@Test
	void aNoteIsPublicUnlessSaidOtherwise() throws Exception {
		given(this.thanks.send(eq("alice"), any(ThanksDraft.class))).willReturn(NOTE);
		this.mvc
			.perform(post("/api/thanks").contentType(MediaType.APPLICATION_JSON)
				.content("{\"to\": \"maria\", \"message\": \"Thanks\"}"))
			.andExpect(status().isCreated());
		verify(this.thanks).send("alice", new ThanksDraft("maria", "Thanks", null, true));
	}

	@Test
	void publicFalseSendsAPrivateNote() throws Exception {
		given(this.thanks.send(eq("alice"), any(ThanksDraft.class))).willReturn(NOTE);
		this.mvc
			.perform(post("/api/thanks").contentType(MediaType.APPLICATION_JSON)
				.content("{\"to\": \"maria\", \"message\": \"Thanks\", \"public\": false}"))
			.andExpect(status().isCreated());
		verify(this.thanks).send("alice", new ThanksDraft("maria", "Thanks", null, false));
	}

	@Test
	void thankingMyselfIsA400ProblemOnTheToField() throws Exception {
		given(this.thanks.send(eq("alice"), any(ThanksDraft.class)))
			.willThrow(InvalidInputException.of("to", ThanksMessages.THANK_YOURSELF.with()));
		this.mvc
			.perform(post("/api/thanks").contentType(MediaType.APPLICATION_JSON)
				.content("{\"to\": \"alice\", \"message\": \"Go me\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].message").value("You cannot thank yourself."));
	}

	@Test
	void thanksForSomeoneElsesRequestIsA403Problem() throws Exception {
		given(this.thanks.send(eq("alice"), any(ThanksDraft.class)))
			.willThrow(new ForbiddenException(ThanksMessages.NOT_THE_AUTHOR.with()));
		this.mvc
			.perform(post("/api/thanks").contentType(MediaType.APPLICATION_JSON)
				.content("{\"to\": \"maria\", \"message\": \"Thanks\", \"requestId\": 8}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Only the person who asked can send thanks for this request."));
	}

	@Test
	void theListIsAPageOfTheNotesIMaySee() throws Exception {
		given(this.thanks.visibleTo("alice", 0, 20))
			.willReturn(new PageImpl<>(List.of(NOTE), PageRequest.of(0, 20), 1));
		this.mvc.perform(get("/api/thanks"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].id").value(5))
			.andExpect(jsonPath("$.content[0].public").value(true))
			.andExpect(jsonPath("$.totalElements").value(1));
	}

	@Test
	@WithAnonymousUser
	void withoutCredentialsItIsA401Problem() throws Exception {
		this.mvc.perform(get("/api/thanks"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verifyNoInteractions(this.thanks);
	}

}
