package org.handraise.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadyMessageTests {

	@Test
	void saysWhereToOpenHandraiseAndHowToSignInWithTheDemoData() {
		assertThat(ReadyMessage.message("", 8080, true))
			.isEqualTo("Handraise is ready at http://localhost:8080 (demo accounts alice, maria, grace and admin,"
					+ " password demo). Stop it with Ctrl-C.");
		assertThat(ReadyMessage.message("https://help.example.com", 8080, false))
			.isEqualTo("Handraise is ready at https://help.example.com. Stop it with Ctrl-C.");
	}

}
