package org.handraise.shared.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.EventPublication.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which incomplete publications the resubmission hands over again: failed ones, ones
 * whose listener never started, and ones in flight only once their instance is taken for
 * dead; never one past its attempts.
 */
class OutboxResubmissionTests {

	private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

	private final OutboxResubmission resubmission = new OutboxResubmission(null, null,
			new OutboxProperties(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(10), 5,
					Duration.ofDays(7)),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@ParameterizedTest(name = "{0}, published {1} s ago, resubmitted {2} s ago, {3} attempts: {4}")
	@CsvSource(nullValues = "-", textBlock = """
			FAILED,      5,    -,   1, true
			FAILED,      5,    -,   5, false
			PUBLISHED,   30,   -,   0, false
			PUBLISHED,   61,   -,   0, true
			PROCESSING,  3600, -,   0, true
			PROCESSING,  30,   -,   0, false
			RESUBMITTED, 3600, 5,   1, false
			PROCESSING,  3600, 5,   1, false
			PROCESSING,  3600, 601, 1, true
			RESUBMITTED, 3600, 601, 4, true
			RESUBMITTED, 3600, 601, 5, false
			COMPLETED,   3600, -,   1, false
			""")
	void handsOverWhatFailedOrWasLostNeverWhatIsInFlight(Status status, long publishedAgo, Long resubmittedAgo,
			int attempts, boolean due) {
		EventPublication publication = publication(status, NOW.minusSeconds(publishedAgo),
				(resubmittedAgo != null) ? NOW.minusSeconds(resubmittedAgo) : null, attempts);
		assertThat(this.resubmission.due(publication, NOW)).isEqualTo(due);
	}

	private static EventPublication publication(Status status, Instant published, Instant resubmitted, int attempts) {
		return new EventPublication() {

			@Override
			public UUID getIdentifier() {
				return UUID.randomUUID();
			}

			@Override
			public Object getEvent() {
				return "event";
			}

			@Override
			public Instant getPublicationDate() {
				return published;
			}

			@Override
			public Optional<Instant> getCompletionDate() {
				return Optional.empty();
			}

			@Override
			public Status getStatus() {
				return status;
			}

			@Override
			public Instant getLastResubmissionDate() {
				return resubmitted;
			}

			@Override
			public int getCompletionAttempts() {
				return attempts;
			}

		};
	}

}
