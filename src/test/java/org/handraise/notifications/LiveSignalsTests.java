package org.handraise.notifications;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payloads of the live updates' notifications: the sending instance's origin and
 * usernames, or request ids, one a line, each payload under PostgreSQL's 8,000 bytes,
 * none lost or repeated.
 */
class LiveSignalsTests {

	@Test
	void smallChangesFitOnePayloadPerKind() {
		assertThat(LiveSignals.payloads("a1", List.of("alice", "maria"), List.of(42L)))
			.containsExactly("u:a1\nalice\nmaria", "r:42");
		assertThat(LiveSignals.payloads("a1", List.of(), List.of(7L, 8L))).containsExactly("r:7\n8");
		assertThat(LiveSignals.payloads("a1", List.of(), List.of())).isEmpty();
	}

	@Test
	void aThousandRecipientsAreSplitUnderTheLimitAndEveryOneIsKept() {
		List<String> recipients = IntStream.range(0, 1000)
			.mapToObj((i) -> "mentor-with-a-long-username-" + i + "-\u00e9")
			.toList();
		List<String> payloads = LiveSignals.payloads("a1", recipients, List.of(1L));
		assertThat(payloads).hasSizeGreaterThan(2);
		List<String> back = new ArrayList<>();
		for (String payload : payloads) {
			assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000);
			if (payload.startsWith("u:a1\n")) {
				back.addAll(List.of(payload.substring(5).split("\n")));
			}
		}
		assertThat(back).isEqualTo(recipients);
		assertThat(payloads.get(payloads.size() - 1)).isEqualTo("r:1");
	}

}
