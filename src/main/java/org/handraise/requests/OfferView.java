package org.handraise.requests;

import java.time.Instant;

import org.handraise.people.Person;
import org.handraise.people.PersonRef;

/**
 * An offer of help as shown to a viewer: {@code mine} when the viewer offered it,
 * {@code changeable} when they may still change or withdraw it (their own, not accepted,
 * on a request that is not closed); {@code editedAt} when its helper last changed it, or
 * null.
 */
public record OfferView(Long id, PersonRef helper, String message, Instant createdAt, Instant editedAt,
		boolean accepted, boolean mine, boolean changeable) {

	static OfferView of(Offer offer, Person viewer, boolean changeable) {
		return new OfferView(offer.getId(), PersonRef.of(offer.getHelper()), offer.getMessage(), offer.getCreatedAt(),
				offer.getEditedAt(), offer.isAccepted(), offer.isBy(viewer), changeable);
	}

}
