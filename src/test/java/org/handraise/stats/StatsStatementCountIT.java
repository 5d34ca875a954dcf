package org.handraise.stats;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.handraise.requests.RequestSeeding;
import org.handraise.support.PostgresIntegrationTest;
import org.handraise.thanks.ThanksService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statistics report issues a fixed number of SQL statements for each kind of scope,
 * whatever the data: counted as the statements the report's own thread and its side task
 * prepare or create on their connections, over the {@link StatsFixture}.
 */
class StatsStatementCountIT extends PostgresIntegrationTest {

	private static final AtomicInteger STATEMENTS = new AtomicInteger();

	private static volatile Thread counted;

	@Autowired
	RequestSeeding requests;

	@Autowired
	ThanksService thanks;

	@Autowired
	StatsReporter reporter;

	@TestConfiguration(proxyBeanMethods = false)
	static class Counting {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(StatsFixture.NOW, ZoneOffset.UTC);
		}

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource) ? counting(dataSource) : bean;
				}

			};
		}

	}

	/**
	 * Each kind of scope with the statements its report takes, as measured before the
	 * report's sections became query classes: a name look-up per filter, the plan
	 * setting, the snapshot export, the cohort, the statements of each section, and the
	 * side task's snapshot statement. A floored team takes fewer (its suppressed sections
	 * read nothing more).
	 */
	enum Scope {

		ORGANISATION(null, null, 18), TEAM("Platform", null, 19), FLOORED_TEAM("Mobile", null, 17),
		TOPIC(null, "java", 19), TEAM_AND_TOPIC("Platform", "java", 20);

		final String team;

		final String topic;

		final int statements;

		Scope(String team, String topic, int statements) {
			this.team = team;
			this.topic = topic;
			this.statements = statements;
		}

	}

	@BeforeEach
	void fixture() {
		StatsFixture.load((username, team, roles) -> person(username, team, List.of(), roles), this.requests,
				this.thanks);
	}

	@ParameterizedTest
	@EnumSource(Scope.class)
	void aReportTakesAFixedNumberOfStatements(Scope scope) {
		StatsQuery query = new StatsQuery(LocalDate.parse("2026-02-02"), LocalDate.parse("2026-03-01"), scope.team,
				scope.topic);
		this.reporter.report(query);
		counted = Thread.currentThread();
		STATEMENTS.set(0);
		this.reporter.report(query);
		int statements = STATEMENTS.get();
		counted = null;
		assertThat(statements).as("statements for a report of %s", scope).isEqualTo(scope.statements);
	}

	private static DataSource counting(DataSource dataSource) {
		return (DataSource) Proxy.newProxyInstance(StatsStatementCountIT.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, new Counter(dataSource, true));
	}

	/**
	 * Passes every call on, counting the statements made on connections of the counted
	 * thread and of the statistics' side task.
	 */
	private record Counter(Object target, boolean dataSource) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			Object result;
			try {
				result = method.invoke(this.target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			if (this.dataSource && method.getName().equals("getConnection")) {
				return Proxy.newProxyInstance(StatsStatementCountIT.class.getClassLoader(),
						new Class<?>[] { Connection.class }, new Counter(result, false));
			}
			if (!this.dataSource
					&& (method.getName().equals("prepareStatement") || method.getName().equals("createStatement"))
					&& isCounted()) {
				STATEMENTS.incrementAndGet();
			}
			return result;
		}

		private static boolean isCounted() {
			Thread thread = Thread.currentThread();
			return thread == counted || (counted != null && thread.getName().startsWith("stats-side-"));
		}

	}

}
