package org.handraise.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.handraise.shared.PlainText;

/**
 * Why the person who asked reopens a resolved request, as typed; it goes into the
 * request's history.
 */
public record ReopenDraft(@NotBlank(message = "{handraise.validation.reopen.reason.required}") @Size(max = 500,
		message = "{handraise.validation.max-length}") @PlainText String reason) {
}
