package org.handraise.requests;

/**
 * Just enough of a request to mention it elsewhere: its id, title and whether it was
 * asked anonymously.
 */
public record RequestHeadline(Long id, String title, boolean anonymous) {
}
