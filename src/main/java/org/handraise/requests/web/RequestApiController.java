package org.handraise.requests.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.handraise.requests.OfferDraft;
import org.handraise.requests.OfferView;
import org.handraise.requests.ReopenDraft;
import org.handraise.requests.RequestCommands;
import org.handraise.requests.RequestDraft;
import org.handraise.requests.RequestFilter;
import org.handraise.requests.RequestQueries;
import org.handraise.requests.RequestStatus;
import org.handraise.requests.RequestSummary;
import org.handraise.requests.RequestView;
import org.handraise.web.PageResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The help loop over JSON. Same services, same rules as the pages.
 */
@RestController
@RequestMapping("/api/requests")
@Tag(name = "Requests", description = "Post, find, claim, answer and resolve help requests")
class RequestApiController {

	private final RequestCommands commands;

	private final RequestQueries queries;

	RequestApiController(RequestCommands commands, RequestQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	@PostMapping
	@Operation(summary = "Post a help request")
	ResponseEntity<RequestView> post(@RequestBody NewRequest body, Principal me) {
		RequestView created = this.commands.post(me.getName(), body.toDraft());
		return ResponseEntity.created(URI.create("/api/requests/" + created.id())).body(created);
	}

	@GetMapping
	@Operation(summary = "List requests, filtered, sorted and paged")
	PageResponse<RequestSummary> list(@RequestParam(required = false) RequestStatus status,
			@RequestParam(required = false) String topic, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "false") boolean claimedByMe,
			@RequestParam(defaultValue = "false") boolean unanswered, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "NEWEST") RequestFilter.Sort sort, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Principal me) {
		RequestFilter filter = new RequestFilter(status, topic, mine, claimedByMe, unanswered, q, sort);
		return PageResponse.of(this.queries.search(me.getName(), filter, page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A request with its offers and history")
	RequestView get(@PathVariable long id, Principal me) {
		return this.queries.view(me.getName(), id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Edit your own request's text, topics and urgency while it is not closed (the author)")
	RequestView edit(@PathVariable long id, @RequestBody EditedRequest body, Principal me) {
		return this.commands.edit(me.getName(), id, body.toDraft());
	}

	@PostMapping("/{id}/claim")
	@Operation(summary = "Claim an open request (mentors)")
	RequestView claim(@PathVariable long id, Principal me) {
		return this.commands.claim(me.getName(), id);
	}

	@PostMapping("/{id}/release")
	@Operation(summary = "Give a claimed request back (the claimer)")
	RequestView release(@PathVariable long id, Principal me) {
		return this.commands.release(me.getName(), id);
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel a request (the author)")
	RequestView cancel(@PathVariable long id, Principal me) {
		return this.commands.cancel(me.getName(), id);
	}

	@PostMapping("/{id}/reopen")
	@Operation(summary = "Reopen a resolved request, saying why (the author); the reason goes into the history")
	RequestView reopen(@PathVariable long id, @RequestBody(required = false) ReopenRequest body, Principal me) {
		return this.commands.reopen(me.getName(), id, new ReopenDraft((body != null) ? body.reason() : null));
	}

	@PostMapping("/{id}/resolve")
	@Operation(summary = "Resolve a request, optionally accepting one offer (the author)")
	RequestView resolve(@PathVariable long id, @RequestBody(required = false) ResolveRequest body, Principal me) {
		return this.commands.resolve(me.getName(), id, (body != null) ? body.acceptedOfferId() : null);
	}

	@PostMapping("/{id}/offers")
	@Operation(summary = "Offer help on a request (anyone but the author)")
	ResponseEntity<OfferView> offer(@PathVariable long id, @RequestBody OfferRequest body, Principal me) {
		OfferView offer = this.commands.offer(me.getName(), id, new OfferDraft(body.message()));
		return ResponseEntity.created(URI.create("/api/requests/" + id + "#offer-" + offer.id())).body(offer);
	}

	@PutMapping("/{id}/offers/{offerId}")
	@Operation(summary = "Change your own offer's text, until it is accepted (its helper)")
	OfferView editOffer(@PathVariable long id, @PathVariable long offerId, @RequestBody OfferRequest body,
			Principal me) {
		return this.commands.editOffer(me.getName(), id, offerId, new OfferDraft(body.message()));
	}

	@DeleteMapping("/{id}/offers/{offerId}")
	@Operation(summary = "Withdraw your own offer, until it is accepted (its helper); a request left without offers"
			+ " is claimed or open again")
	RequestView withdrawOffer(@PathVariable long id, @PathVariable long offerId, Principal me) {
		return this.commands.withdrawOffer(me.getName(), id, offerId);
	}

	record NewRequest(String title, String details, String triedSoFar, List<String> topics, String urgency,
			Boolean anonymous) {

		RequestDraft toDraft() {
			return new RequestDraft(this.title, this.details, this.triedSoFar, this.topics, this.urgency,
					Boolean.TRUE.equals(this.anonymous));
		}

	}

	/**
	 * A request's new text, topics and urgency; whether it is anonymous stays as posted.
	 */
	record EditedRequest(String title, String details, String triedSoFar, List<String> topics, String urgency) {

		RequestDraft toDraft() {
			return new RequestDraft(this.title, this.details, this.triedSoFar, this.topics, this.urgency, false);
		}

	}

	record OfferRequest(String message) {
	}

	record ResolveRequest(Long acceptedOfferId) {
	}

	record ReopenRequest(String reason) {
	}

}
