package org.handraise.thanks;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A thank-you note as shown. {@code from} is null when the note was sent for an anonymous
 * request and the viewer is not its sender: thanking would otherwise name the person who
 * asked.
 */
public record ThanksView(Long id, String from, String fromDisplayName, String to, String toDisplayName, String message,
		Long requestId, String requestTitle, @JsonProperty("public") boolean publicNote, Instant createdAt,
		boolean mine) {
}
