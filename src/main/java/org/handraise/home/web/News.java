package org.handraise.home.web;

import java.time.Instant;

import org.handraise.requests.RequestNews;
import org.handraise.thanks.ThanksView;

/**
 * One line of "since your last visit", as the home page shows it.
 *
 * @param kind {@code offer}, {@code claim-resolved} or {@code thanks}
 * @param at when it happened
 * @param requestId the request it is about, or null (thanks for help outside a request)
 * @param title the request's title, or null
 * @param who who offered help or said thanks; null when naming them would name the author
 * of an anonymous request (a resolution names nobody; a thank-you note for an anonymous
 * request hides its sender, as on the wall)
 * @param message the thank-you note's text, or null
 */
record News(String kind, Instant at, Long requestId, String title, String who, String message) {

	static News of(RequestNews news) {
		return switch (news.kind()) {
			case OFFER ->
				new News("offer", news.at(), news.requestId(), news.title(), news.helper().displayName(), null);
			case CLAIM_RESOLVED -> new News("claim-resolved", news.at(), news.requestId(), news.title(), null, null);
		};
	}

	static News of(ThanksView note) {
		return new News("thanks", note.createdAt(), note.requestId(), note.requestTitle(), note.fromDisplayName(),
				note.message());
	}

}
