package org.handraise.requests;

import java.time.Instant;
import java.util.Set;

/**
 * Something happened to a request: a line was added to its history (posted, claimed,
 * released, offered, resolved, cancelled, reopened, edited, an offer withdrawn), or an
 * offer was made on a request that already had one (which adds no line). Published in the
 * transaction that made it, after the flush, one event per line or offer. It carries what
 * a listener needs to tell people about it without reading the request again, as the
 * request was at that moment. Listeners that tell people run after the commit through the
 * event publication registry, so a line that rolls back is never announced and one that
 * commits always is.
 *
 * @param requestId the request
 * @param cause what it is, the same whenever it is announced: {@code history:<line id>},
 * or {@code offer:<offer id>} for an offer
 * @param kind what happened
 * @param reason why, where it was not the actor's own choice, or null
 * @param actor the username of who did it (for a release because the helper left: the
 * administrator who deactivated them)
 * @param at when it happened
 * @param title the request's title
 * @param author the author's username, also for an anonymous request: a listener must not
 * show it to anyone else ({@code anonymous})
 * @param anonymous whether the request is anonymous
 * @param helpers the usernames of everyone who claimed it or offered help
 * @param acceptedHelper for a resolution: whose offer was accepted, or null
 * @param topics the request's topics
 * @param detail the reopening's reason or the offer's text (at most 200 characters), or
 * null
 */
public record RequestActivity(long requestId, String cause, EventKind kind, EventReason reason, String actor,
		Instant at, String title, String author, boolean anonymous, Set<String> helpers, String acceptedHelper,
		Set<String> topics, String detail) {

	static final int DETAIL_LENGTH = 200;

	/** Whether {@code username} is this request's author. */
	public boolean isAuthor(String username) {
		return this.author.equals(username);
	}

	/** Whether the author did this on their own anonymous request. */
	public boolean actorIsHiddenAuthor() {
		return this.anonymous && isAuthor(this.actor);
	}

}
