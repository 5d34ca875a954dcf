package org.handraise.requests;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds a history of requests at explicit times, through the same rules as
 * {@link RequestCommands}: the entry point of the demo data, and of nothing else in the
 * application (an architecture test keeps it so). People post and act at the present
 * time, through {@link RequestCommands}.
 */
@Component
public class RequestSeeding {

	private final RequestCommands commands;

	RequestSeeding(RequestCommands commands) {
		this.commands = commands;
	}

	/** Posts {@code draft} by {@code username} as if at {@code at}. */
	@Transactional
	public RequestView post(String username, RequestDraft draft, Instant at) {
		return this.commands.post(username, draft, at);
	}

	/**
	 * Runs a transition as if at {@code at}. {@code message} is the offer's text, or the
	 * reason for reopening; {@code acceptedOfferId} the offer a resolution accepts, or
	 * null.
	 */
	@Transactional
	public RequestView act(String username, long id, Action action, Instant at, String message, Long acceptedOfferId) {
		return this.commands.act(username, id, action, at, message, acceptedOfferId);
	}

}
