package org.handraise.people;

import java.util.ArrayList;
import java.util.List;

import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;
import static org.handraise.support.DemoCast.MARIA;

/**
 * Whom to tell: any number of names, more than PostgreSQL takes as parameters of one
 * statement (a digest for a whole company), finds the active people among them.
 */
class ContactsIT extends PostgresIntegrationTest {

	@Autowired
	private PeopleService people;

	@Test
	void moreNamesThanOneStatementTakes() {
		seed(ALICE, MARIA);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 40_000; i++) {
			names.add("nobody" + i);
		}
		names.add("maria");
		names.add(20_000, "alice");
		names.add("alice");
		assertThat(this.people.contacts(names)).extracting(Contact::username)
			.containsExactlyInAnyOrder("alice", "maria");
	}

}
