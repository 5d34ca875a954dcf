package org.handraise.requests;

import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import jakarta.persistence.EntityManagerFactory;
import org.handraise.support.PostgresIntegrationTest;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handraise.support.DemoCast.ALICE;

/**
 * Settings and query shapes that each took a measured share of every request's CPU
 * (docs/performance.md) stay as set: the lists' Criteria queries keep their translation
 * to SQL, keyed by shape and not by value; so does the query that reads the signed-in
 * person on every call; and no metrics filter sits in front of every log-level check.
 */
class RequestCostSettingsIT extends PostgresIntegrationTest {

	@Autowired
	private RequestSeeding seeding;

	@Autowired
	private RequestQueries queries;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@BeforeEach
	void requests() {
		seed(ALICE);
		for (int k = 1; k <= 25; k++) {
			this.seeding.post("alice",
					new RequestDraft("Request number " + k + " needs a hand",
							"Details of request " + k + ", long enough to be a real question.", null, List.of("java"),
							null, false),
					Instant.parse("2026-05-04T09:00:00Z").plusSeconds(60L * k));
		}
	}

	@Test
	void aListQueryIsTranslatedOncePerShapeNotPerValue() {
		QueryInterpretationCache plans = keptPlans();
		// every other query the list runs is translated and kept by now
		this.queries.search("alice", RequestFilter.none(), 1, 10);
		int before = plans.getNumberOfCachedQueryPlans();

		RequestFilter text = new RequestFilter(null, "java", false, false, false, "number 1",
				RequestFilter.Sort.OLDEST);
		assertThat(this.queries.search("alice", text, 0, 5).getContent()).isNotEmpty();
		int afterNewShape = plans.getNumberOfCachedQueryPlans();
		assertThat(afterNewShape).as("a new filter's page and count queries are kept").isGreaterThan(before);

		RequestFilter otherText = new RequestFilter(null, "java", false, false, false, "number 2",
				RequestFilter.Sort.OLDEST);
		assertThat(this.queries.search("alice", otherText, 0, 5).getContent()).isNotEmpty();
		assertThat(plans.getNumberOfCachedQueryPlans()).as("other values, same shape: nothing new")
			.isEqualTo(afterNewShape);
		// and the kept translation still binds the new values
		assertThat(this.queries.search("alice", otherText, 0, 5).getContent())
			.allMatch((r) -> r.title().contains("number 2"));
	}

	@Test
	void theSignedInPersonsQueryIsTranslatedOnceAndKept() {
		QueryInterpretationCache plans = keptPlans();
		plans.close(); // empties the kept translations, so that the next query's own can
						// be seen
		assertThat(plans.getNumberOfCachedQueryPlans()).isZero();

		assertThat(this.people.byUsername("alice").getSkills()).isEmpty();
		assertThat(plans.getNumberOfCachedQueryPlans())
			.as("kept (a query with an entity graph is translated again on every call and never kept)")
			.isEqualTo(1);
		assertThat(this.people.byUsername("alice").getUsername()).isEqualTo("alice");
		assertThat(plans.getNumberOfCachedQueryPlans()).isEqualTo(1);
	}

	@Test
	void noMetricsFilterRunsOnEveryLogLevelCheck() {
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		assertThat(logging.getTurboFilterList()).noneMatch((f) -> f.getClass().getName().contains("Metrics"));
	}

	/** Hibernate's kept translations of queries to SQL. */
	private QueryInterpretationCache keptPlans() {
		return this.entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getQueryEngine()
			.getInterpretationCache();
	}

}
