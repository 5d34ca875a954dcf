package org.handraise.requests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.handraise.people.Person;
import org.handraise.people.PersonRef;

/**
 * The mapper from requests to their views, and the one place that says how a request's
 * author appears to a viewer: the author of an anonymous request is hidden from everyone
 * but themselves, in the request's views, its history, the thank-you notes they send
 * about it and the audit log. Every view of a request, in this module or another, asks
 * this class ({@link #hidesAuthor}, or {@link #authorHiddenSql} in SQL) rather than
 * writing the rule again.
 */
public final class RequestViews {

	private RequestViews() {
	}

	/**
	 * Whether the author of a request is hidden from a viewer: when the request is
	 * anonymous and the viewer is not its author.
	 */
	public static boolean hidesAuthor(boolean anonymous, boolean viewerIsAuthor) {
		return anonymous && !viewerIsAuthor;
	}

	/**
	 * {@link #hidesAuthor} as an SQL condition on a row of {@code help_requests} aliased
	 * {@code request}, for the person whose id is in the column {@code personId}: true
	 * when that person is the hidden author of an anonymous request, to a viewer who is
	 * not them (the audit log is nobody's own view).
	 */
	public static String authorHiddenSql(String request, String personId) {
		return "(" + request + ".anonymous and " + personId + " = " + request + ".author_id)";
	}

	static RequestView toView(HelpRequest request, Person viewer) {
		boolean mine = request.isAuthor(viewer);
		boolean hideAuthor = hidesAuthor(request.isAnonymous(), mine);
		List<EventView> history = request.getEvents().stream().map((e) -> {
			boolean byAuthor = request.isAuthor(e.getActor());
			PersonRef actor = (byAuthor && hideAuthor) ? null : PersonRef.of(e.getActor());
			boolean yours = viewer.getId().equals(e.getActor().getId());
			return new EventView(actor, byAuthor, yours, e.getKind(), e.getFromStatus(), e.getToStatus(), e.getNote(),
					e.getOccurredAt(), e.getReason());
		}).toList();
		return new RequestView(request.getId(), request.getTitle(), request.getDetails(), request.getTriedSoFar(),
				topicNames(request), request.getUrgency(), request.isAnonymous(), request.getStatus(),
				hideAuthor ? null : PersonRef.of(request.getAuthor()), PersonRef.of(request.getClaimedBy()),
				request.getCreatedAt(), request.getClaimedAt(), request.getFirstResponseAt(), request.getResolvedAt(),
				request.getUpdatedAt(), mine, request.actionsFor(viewer), request.nextStepFor(viewer),
				request.getOffers().stream().map((o) -> OfferView.of(o, viewer, request.mayChange(o, viewer))).toList(),
				history, helpers(request));
	}

	static RequestSummary toSummary(HelpRequest request, Person viewer, Set<String> skills) {
		boolean mine = request.isAuthor(viewer);
		List<String> names = topicNames(request);
		boolean matches = !skills.isEmpty() && names.stream().anyMatch(skills::contains);
		return new RequestSummary(request.getId(), request.getTitle(), request.getDetails(), request.getTriedSoFar(),
				names, request.getUrgency(), request.isAnonymous(), request.getStatus(),
				hidesAuthor(request.isAnonymous(), mine) ? null : PersonRef.of(request.getAuthor()),
				PersonRef.of(request.getClaimedBy()), request.getCreatedAt(), request.getClaimedAt(),
				request.getFirstResponseAt(), request.getResolvedAt(), request.getUpdatedAt(), request.getOfferCount(),
				mine, matches);
	}

	static List<RequestSummary> summaries(List<HelpRequest> requests, Person viewer, Set<String> skills) {
		return requests.stream().map((r) -> toSummary(r, viewer, skills)).toList();
	}

	/**
	 * Everyone who claimed the request or offered help on it, once each, in order of
	 * their first help.
	 */
	static List<PersonRef> helpers(HelpRequest request) {
		Map<Long, PersonRef> helpers = new LinkedHashMap<>();
		request.getEvents()
			.stream()
			.filter((e) -> e.getToStatus() == RequestStatus.CLAIMED)
			.forEach((e) -> helpers.putIfAbsent(e.getActor().getId(), PersonRef.of(e.getActor())));
		request.getOffers().forEach((o) -> helpers.putIfAbsent(o.getHelper().getId(), PersonRef.of(o.getHelper())));
		helpers.remove(request.getAuthor().getId());
		return List.copyOf(helpers.values());
	}

	private static List<String> topicNames(HelpRequest request) {
		return request.getTopics().stream().map(Topic::getName).sorted().toList();
	}

}
