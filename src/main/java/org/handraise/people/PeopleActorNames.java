package org.handraise.people;

import org.handraise.audit.ActorNames;

import org.springframework.stereotype.Component;

/**
 * People as the audit log names them: by username, as its own events do.
 */
@Component
class PeopleActorNames implements ActorNames {

	@Override
	public String namesQuery() {
		return "select id, username as name from people";
	}

}
