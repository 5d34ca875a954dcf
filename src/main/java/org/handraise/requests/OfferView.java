package org.handraise.requests;

import java.time.Instant;

import org.handraise.people.PersonRef;

/**
 * An offer of help as shown to people.
 */
public record OfferView(Long id, PersonRef helper, String message, Instant createdAt, boolean accepted) {

	static OfferView of(Offer offer) {
		return new OfferView(offer.getId(), PersonRef.of(offer.getHelper()), offer.getMessage(), offer.getCreatedAt(),
				offer.isAccepted());
	}

}
