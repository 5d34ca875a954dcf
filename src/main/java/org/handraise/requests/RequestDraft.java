package org.handraise.requests;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.handraise.shared.Labels;
import org.handraise.shared.PlainText;
import org.handraise.shared.VisibleText;

/**
 * A new help request as someone typed it, from the page form or the API. Validated in the
 * service, so both apply the same rules. Text is kept exactly as typed; topics are
 * compared in one form ({@link Labels}).
 */
public record RequestDraft(
		@NotBlank(message = "{handraise.validation.title.required}") @Size(max = 120,
				message = "{handraise.validation.max-length}") @PlainText @VisibleText String title,
		@NotBlank(message = "{handraise.validation.details.required}") @Size(max = 5000,
				message = "{handraise.validation.max-length}") @PlainText String details,
		@Size(max = 2000, message = "{handraise.validation.max-length}") @PlainText String triedSoFar,
		@Size(max = 5,
				message = "{handraise.validation.topics.count}") List<@NotBlank(
						message = "{handraise.validation.topics.blank}") @Size(max = 30,
								message = "{handraise.validation.topics.length}") @PlainText @VisibleText(
										joiners = false) String> topics,
		@Pattern(regexp = "LOW|NORMAL|HIGH", message = "{handraise.validation.urgency}") String urgency,
		boolean anonymous) {

	public RequestDraft {
		topics = Labels.normalize(topics);
	}

	Urgency urgencyOrDefault() {
		return (this.urgency != null) ? Urgency.valueOf(this.urgency) : Urgency.NORMAL;
	}

}
