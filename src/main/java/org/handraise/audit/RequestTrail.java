package org.handraise.audit;

/**
 * The lifecycle transitions of help requests, as the audit log merges them with its own
 * events. The requests feature owns them and provides this (it depends on audit, never
 * the other way round), so the audit log names no table of theirs.
 */
public interface RequestTrail {

	/**
	 * An SQL query of every transition, one row each, with the columns {@code id},
	 * {@code occurred_at} (a timestamp with time zone), {@code actor_id} (a person's id,
	 * as {@link ActorNames#namesQuery()} has it), {@code author_hidden} (true when the
	 * actor is the author of an anonymous request, who the log does not name),
	 * {@code request_id}, {@code kind}, {@code from_status} (null for a new request),
	 * {@code to_status} and {@code reason} (or null). It takes no parameters, so it can
	 * stand as a subquery in the log's own.
	 */
	String transitionsQuery();

	/**
	 * Whether {@code username} is the author of the anonymous request {@code requestId},
	 * whom the log then does not name for that request.
	 */
	boolean isAnonymousAuthor(long requestId, String username);

}
