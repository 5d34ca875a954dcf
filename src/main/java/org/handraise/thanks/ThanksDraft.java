package org.handraise.thanks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.handraise.shared.PlainText;

/**
 * A thank-you note as typed: to whom (a username), what, for which request if any, public
 * or private.
 */
public record ThanksDraft(
		@NotBlank(message = "{handraise.validation.thanks.to.required}") @Size(max = 40,
				message = "{handraise.validation.max-length}") @PlainText String to,
		@NotBlank(message = "{handraise.validation.thanks.message.required}") @Size(max = 2000,
				message = "{handraise.validation.max-length}") @PlainText String message,
		Long requestId, boolean publicNote) {
}
