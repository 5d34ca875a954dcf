package org.handraise.requests;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.handraise.shared.PlainText;

/**
 * A new help request as someone typed it, from the page form or the API. Validated in the service, so
 * both apply the same rules. Text is kept exactly as typed.
 */
public record RequestDraft(
		@NotBlank(message = "{handraise.validation.required}") @Size(max = 120,
				message = "{handraise.validation.max-length}") @PlainText String title,
		@NotBlank(message = "{handraise.validation.required}") @Size(max = 5000,
				message = "{handraise.validation.max-length}") @PlainText String details,
		@Size(max = 2000, message = "{handraise.validation.max-length}") @PlainText String triedSoFar,
		@Size(max = 5, message = "{handraise.validation.topics.count}") List<@NotBlank(
				message = "{handraise.validation.topics.blank}") @Size(max = 30,
						message = "{handraise.validation.topics.length}") @PlainText String> topics,
		@Pattern(regexp = "LOW|NORMAL|HIGH", message = "{handraise.validation.urgency}") String urgency,
		boolean anonymous) {

	public RequestDraft {
		topics = (topics != null) ? List.copyOf(topics) : List.of();
	}

	Urgency urgencyOrDefault() {
		return (this.urgency != null) ? Urgency.valueOf(this.urgency) : Urgency.NORMAL;
	}

}
