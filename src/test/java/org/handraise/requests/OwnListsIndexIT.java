package org.handraise.requests;

import java.util.List;

import org.handraise.support.PostgresIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "My requests" and "claimed by me" read only the rows they show, in the order they show
 * them, whatever the data size: an index gives each of these orders for one person (V12).
 * Checked on PostgreSQL's plan with sequential scans, bitmap scans and sorts priced out,
 * so the answer does not depend on how few rows a test has: a plan that still needs a
 * Sort has no index for that order. (At 1 M requests the home page's own list read all
 * 1,000 of its author's requests and the list page filtered to "mine" walked the whole
 * creation-time index before V12.)
 */
class OwnListsIndexIT extends PostgresIntegrationTest {

	@Autowired
	private TransactionTemplate transactions;

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			author_id | status in ('OPEN', 'CLAIMED', 'ANSWERED') | updated_at desc, id desc | author_updated
			author_id | true | created_at desc, id desc | author_created
			author_id | true | created_at asc, id asc | author_created
			author_id | true | updated_at desc, id desc | author_updated
			claimed_by_id | status in ('CLAIMED', 'ANSWERED') | updated_at desc, id desc | claimer_updated
			claimed_by_id | true | created_at desc, id desc | claimer_created
			claimed_by_id | true | updated_at desc, id desc | claimer_updated
			""")
	void aPersonsListIsReadInItsOrderFromAnIndex(String person, String condition, String order, String index) {
		List<String> plan = this.transactions.execute((status) -> {
			this.jdbc.execute("set local enable_seqscan = off");
			this.jdbc.execute("set local enable_bitmapscan = off");
			this.jdbc.execute("set local enable_sort = off");
			this.jdbc.execute("set local enable_incremental_sort = off");
			String query = """
					explain select r.id, r.title from help_requests r where r.%s = 42 and %s
					order by r.%s fetch first 20 rows only""".formatted(person, condition, order.replace(", ", ", r."));
			return this.jdbc.queryForList(query, String.class);
		});
		String text = String.join("\n", plan);
		assertThat(text).as(text).contains("Index Scan", "ix_help_requests_" + index).doesNotContain("Sort");
	}

}
