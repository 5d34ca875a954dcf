package org.handraise.thanks.web;

import java.net.URI;
import java.security.Principal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.handraise.thanks.ThanksDraft;
import org.handraise.thanks.ThanksService;
import org.handraise.thanks.ThanksView;
import org.handraise.web.PageResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/thanks")
@Tag(name = "Thanks", description = "Thank-you notes, public or private")
class ThanksApiController {

	private final ThanksService thanks;

	ThanksApiController(ThanksService thanks) {
		this.thanks = thanks;
	}

	@PostMapping
	@Operation(summary = "Thank someone, for a request or in general")
	ResponseEntity<ThanksView> send(@RequestBody NewThanks body, Principal me) {
		ThanksView sent = this.thanks.send(me.getName(), body.toDraft());
		return ResponseEntity.created(URI.create("/api/thanks/" + sent.id())).body(sent);
	}

	@GetMapping
	@Operation(summary = "Notes visible to me: public ones, and private ones I sent or received")
	PageResponse<ThanksView> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Principal me) {
		return PageResponse.of(this.thanks.visibleTo(me.getName(), page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One note, if it is public or mine")
	ThanksView get(@PathVariable long id, Principal me) {
		return this.thanks.note(me.getName(), id);
	}

	record NewThanks(String to, String message, Long requestId, @JsonProperty("public") Boolean isPublic) {

		ThanksDraft toDraft() {
			return new ThanksDraft(this.to, this.message, this.requestId, !Boolean.FALSE.equals(this.isPublic));
		}

	}

}
