package org.handraise.requests;

import java.util.Set;

/**
 * Who took part in a request: its author and everyone who claimed it or offered help.
 * Thank-you notes tied to a request are checked against this.
 */
public record RequestParticipants(Long requestId, String title, String author, boolean anonymous, Set<String> helpers) {
}
