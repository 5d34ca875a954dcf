package org.handraise.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.handraise.shared.PlainText;

/**
 * An offer of help as typed.
 */
public record OfferDraft(@NotBlank(message = "{handraise.validation.offer.required}") @Size(max = 2000,
		message = "{handraise.validation.max-length}") @PlainText String message) {
}
