package org.handraise.audit;

/**
 * The names the audit log shows for the actors of the request transitions
 * ({@link RequestTrail}). The people feature owns them and provides this (it depends on
 * audit, never the other way round).
 */
public interface ActorNames {

	/**
	 * An SQL query of every person's name as the log shows it, with the columns
	 * {@code id} and {@code name}; no parameters, so it can stand as a subquery in the
	 * log's own.
	 */
	String namesQuery();

}
