package org.handraise.requests.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.handraise.requests.OfferDraft;
import org.handraise.requests.OfferView;
import org.handraise.requests.ReopenDraft;
import org.handraise.requests.RequestCoach;
import org.handraise.requests.RequestCommands;
import org.handraise.requests.RequestDraft;
import org.handraise.requests.RequestFilter;
import org.handraise.requests.RequestNote;
import org.handraise.requests.RequestQueries;
import org.handraise.requests.RequestStatus;
import org.handraise.requests.RequestThanks;
import org.handraise.requests.RequestView;
import org.handraise.requests.Urgency;
import org.handraise.shared.ConflictException;
import org.handraise.shared.InvalidInputException;
import org.handraise.web.Texts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The request pages: list, mentor queue, ask, edit, detail and every action on a request.
 */
@Controller
class RequestController {

	private final RequestCommands commands;

	private final RequestQueries queries;

	private final RequestThanks thanks;

	private final Texts texts;

	private final int pageSize;

	RequestController(RequestCommands commands, RequestQueries queries, RequestThanks thanks, Texts texts,
			@Value("${handraise.page-size:20}") int pageSize) {
		this.commands = commands;
		this.queries = queries;
		this.thanks = thanks;
		this.texts = texts;
		this.pageSize = pageSize;
	}

	@GetMapping("/requests")
	String list(@RequestParam(required = false) RequestStatus status, @RequestParam(required = false) String topic,
			@RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "false") boolean claimedByMe,
			@RequestParam(defaultValue = "false") boolean unanswered, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "NEWEST") RequestFilter.Sort sort, @RequestParam(defaultValue = "0") int page,
			Principal me, Model model) {
		RequestFilter filter = new RequestFilter(status, topic, mine, claimedByMe, unanswered, q, sort);
		model.addAttribute("filter", filter);
		model.addAttribute("page", this.queries.search(me.getName(), filter, page, this.pageSize));
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("sorts", RequestFilter.Sort.values());
		model.addAttribute("topics", this.queries.topicNames());
		return "requests/list";
	}

	@GetMapping("/mentor")
	String mentorQueue(@RequestParam(defaultValue = "0") int page, Principal me, Model model) {
		model.addAttribute("page", this.queries.mentorQueue(me.getName(), page, this.pageSize));
		model.addAttribute("claims", this.queries.claims(me.getName()));
		return "requests/mentor";
	}

	@GetMapping("/requests/new")
	String newRequest(Model model) {
		model.addAttribute("form", new RequestForm());
		return formView(model);
	}

	@PostMapping("/requests")
	String post(@ModelAttribute("form") RequestForm form, BindingResult result, Principal me, Model model,
			RedirectAttributes redirect) {
		RequestDraft draft = form.toDraft();
		// The coach reviews every draft it has not reviewed yet, also one that comes back
		// with a field error; only the very draft it last spoke about may be posted as it
		// is. For an anonymous draft it also looks for words that would name the author.
		List<String> identifying = draft.anonymous() ? this.queries.identifyingWords(me.getName()) : List.of();
		RequestCoach.Advice advice = RequestCoach.advise(draft, form.getReviewed(), identifying);
		try {
			this.commands.validate(draft);
		}
		catch (InvalidInputException ex) {
			reject(result, ex);
			coach(form, advice, model);
			return formView(model);
		}
		if (advice.holdsBack()) {
			coach(form, advice, model);
			model.addAttribute("reviewing", true);
			return formView(model);
		}
		RequestView created = this.commands.post(me.getName(), draft);
		redirect.addFlashAttribute("flashSuccess",
				created.topics().isEmpty() ? "flash.request.posted.no-topics" : "flash.request.posted");
		return "redirect:/requests/" + created.id();
	}

	/**
	 * The ask form filled in with the author's request, to edit it. The coach does not
	 * review edits: the author edits most often to follow advice they already have.
	 */
	@GetMapping("/requests/{id}/edit")
	String editForm(@PathVariable long id, Principal me, Model model, RedirectAttributes redirect) {
		RequestView request;
		try {
			request = this.queries.forEditing(me.getName(), id);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flashError", this.texts.of(ex.reason()));
			return "redirect:/requests/" + id;
		}
		model.addAttribute("form", RequestForm.of(request));
		return editView(id, model);
	}

	@PostMapping("/requests/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute("form") RequestForm form, BindingResult result, Principal me,
			Model model, RedirectAttributes redirect) {
		try {
			this.commands.edit(me.getName(), id, form.toDraft());
		}
		catch (InvalidInputException ex) {
			reject(result, ex);
			return editView(id, model);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flashError", this.texts.of(ex.reason()));
			return "redirect:/requests/" + id;
		}
		redirect.addFlashAttribute("flashSuccess", "flash.request.edited");
		return "redirect:/requests/" + id;
	}

	/**
	 * A request's page. {@code thank}, the username of one of its helpers, opens the "say
	 * thanks" form for them (as after accepting their answer); the notes about the
	 * request show to the people who took part in it.
	 */
	@GetMapping("/requests/{id}")
	String detail(@PathVariable long id, @RequestParam(required = false) String thank, Principal me, Model model) {
		RequestView request = this.queries.view(me.getName(), id);
		model.addAttribute("request", request);
		if (!model.containsAttribute("offerForm")) {
			model.addAttribute("offerForm", new OfferForm());
		}
		if (!model.containsAttribute("reopenForm")) {
			model.addAttribute("reopenForm", new ReopenForm());
		}
		boolean tookPart = request.mine()
				|| request.helpers().stream().anyMatch((h) -> h.username().equals(me.getName()));
		List<RequestNote> notes = tookPart ? this.thanks.notes(me.getName(), id) : List.of();
		model.addAttribute("notes", notes);
		model.addAttribute("thanked",
				notes.stream().filter(RequestNote::mine).map((n) -> n.to().username()).collect(Collectors.toSet()));
		if (!model.containsAttribute("thanksForm")) {
			RequestThanksForm form = new RequestThanksForm();
			boolean helper = thank != null && request.helpers().stream().anyMatch((h) -> h.username().equals(thank));
			form.setTo(helper ? thank : null);
			model.addAttribute("thanksForm", form);
			model.addAttribute("thanking", request.mine() && helper);
		}
		return "requests/detail";
	}

	@PostMapping("/requests/{id}/thanks")
	String thank(@PathVariable long id, @ModelAttribute("thanksForm") RequestThanksForm form, BindingResult result,
			Principal me, Model model, RedirectAttributes redirect) {
		try {
			this.thanks.send(me.getName(), id, form.getTo(), form.getMessage(), form.isPublicNote());
		}
		catch (InvalidInputException ex) {
			reject(result, ex);
			model.addAttribute("thanking", true);
			return detail(id, null, me, model);
		}
		redirect.addFlashAttribute("flashSuccess", "flash.thanks.sent");
		return "redirect:/requests/" + id + "#thanks-h";
	}

	@PostMapping("/requests/{id}/offers")
	String offer(@PathVariable long id, @ModelAttribute("offerForm") OfferForm form, BindingResult result, Principal me,
			Model model, RedirectAttributes redirect) {
		try {
			this.commands.offer(me.getName(), id, new OfferDraft(form.getMessage()));
		}
		catch (InvalidInputException ex) {
			reject(result, ex);
			return detail(id, null, me, model);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flashError", this.texts.of(ex.reason()));
			return "redirect:/requests/" + id;
		}
		redirect.addFlashAttribute("flashSuccess", "flash.request.offered");
		return "redirect:/requests/" + id;
	}

	@PostMapping("/requests/{id}/claim")
	String claim(@PathVariable long id, Principal me, RedirectAttributes redirect) {
		return act(id, redirect, "flash.request.claimed", () -> this.commands.claim(me.getName(), id));
	}

	@PostMapping("/requests/{id}/release")
	String release(@PathVariable long id, Principal me, RedirectAttributes redirect) {
		return act(id, redirect, "flash.request.released", () -> this.commands.release(me.getName(), id));
	}

	/**
	 * Resolves; having accepted an answer, the author lands on the "say thanks" form for
	 * its helper, right on the request's page.
	 */
	@PostMapping("/requests/{id}/resolve")
	String resolve(@PathVariable long id, @RequestParam(required = false) Long acceptedOfferId, Principal me,
			RedirectAttributes redirect) {
		RequestView[] resolved = new RequestView[1];
		String next = act(id, redirect, "flash.request.resolved",
				() -> resolved[0] = this.commands.resolve(me.getName(), id, acceptedOfferId));
		if (resolved[0] == null || acceptedOfferId == null) {
			return next;
		}
		return resolved[0].offers()
			.stream()
			.filter(OfferView::accepted)
			.findFirst()
			.map((o) -> UriComponentsBuilder.fromPath("/requests/{id}")
				.queryParam("thank", o.helper().username())
				.fragment("message")
				.buildAndExpand(id)
				.encode()
				.toUriString())
			.map((path) -> "redirect:" + path)
			.orElse(next);
	}

	@PostMapping("/requests/{id}/cancel")
	String cancel(@PathVariable long id, Principal me, RedirectAttributes redirect) {
		return act(id, redirect, "flash.request.cancelled", () -> this.commands.cancel(me.getName(), id));
	}

	@PostMapping("/requests/{id}/reopen")
	String reopen(@PathVariable long id, @ModelAttribute("reopenForm") ReopenForm form, BindingResult result,
			Principal me, Model model, RedirectAttributes redirect) {
		try {
			this.commands.reopen(me.getName(), id, new ReopenDraft(form.getReason()));
		}
		catch (InvalidInputException ex) {
			reject(result, ex);
			model.addAttribute("reopening", true);
			return detail(id, null, me, model);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flashError", this.texts.of(ex.reason()));
			return "redirect:/requests/" + id;
		}
		redirect.addFlashAttribute("flashSuccess", "flash.request.reopened");
		return "redirect:/requests/" + id;
	}

	@PostMapping("/requests/{id}/offers/{offerId}")
	String editOffer(@PathVariable long id, @PathVariable long offerId, @RequestParam(required = false) String message,
			Principal me, RedirectAttributes redirect) {
		return act(id, redirect, "flash.request.offer-edited",
				() -> this.commands.editOffer(me.getName(), id, offerId, new OfferDraft(message)));
	}

	@PostMapping("/requests/{id}/offers/{offerId}/withdraw")
	String withdrawOffer(@PathVariable long id, @PathVariable long offerId, Principal me, RedirectAttributes redirect) {
		return act(id, redirect, "flash.request.offer-withdrawn",
				() -> this.commands.withdrawOffer(me.getName(), id, offerId));
	}

	/**
	 * Runs an action; a conflict (wrong state) or bad input comes back as a message on
	 * the request's page, in the viewer's language.
	 */
	private String act(long id, RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flashSuccess", success);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flashError", this.texts.of(ex.reason()));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", this.texts.of(ex.errors().get(0).message()));
		}
		return "redirect:/requests/" + id;
	}

	/**
	 * Shows the coach's tips, in a summary and each next to the field it is about, and
	 * has the form carry the fingerprint of the draft they are about.
	 */
	private static void coach(RequestForm form, RequestCoach.Advice advice, Model model) {
		if (!advice.tips().isEmpty()) {
			form.setReviewed(advice.fingerprint());
			Map<String, String> fieldTips = new LinkedHashMap<>();
			advice.tips().forEach((tip) -> fieldTips.put(RequestCoach.field(tip), tip));
			model.addAttribute("tips", advice.tips());
			model.addAttribute("fieldTips", fieldTips);
		}
	}

	private String formView(Model model) {
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("knownTopics", this.queries.topicNames());
		return "requests/form";
	}

	private String editView(long id, Model model) {
		model.addAttribute("editing", id);
		return formView(model);
	}

	private void reject(BindingResult result, InvalidInputException ex) {
		this.texts.reject(result, ex);
	}

}
