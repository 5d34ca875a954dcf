package org.handraise.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.ArgumentMatchers;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * A page of the audit log is two statements, a count and the page, whatever it holds: the
 * request transitions and their actors' names come into them as subqueries of the
 * requests' and people's own ({@link RequestTrail}, {@link ActorNames}), not as further
 * queries.
 */
class AuditPageStatementsTests {

	@Test
	void aPageIsACountAndAQueryThatMergeTheTrailAndTheNames() {
		NamedParameterJdbcTemplate jdbc = mock(NamedParameterJdbcTemplate.class);
		given(jdbc.queryForObject(ArgumentMatchers.anyString(), ArgumentMatchers.<Map<String, Object>>any(),
				eq(Long.class)))
			.willReturn(0L);
		RequestTrail trail = mock(RequestTrail.class);
		given(trail.transitionsQuery()).willReturn("select 'the trail'");
		ActorNames names = () -> "select 'the names'";

		new AuditLog(jdbc, Clock.systemUTC(), trail, names).events(AuditAction.REQUEST_CLAIMED, "bob", 3, 20);

		ArgumentCaptor<String> count = ArgumentCaptor.forClass(String.class);
		ArgumentCaptor<String> page = ArgumentCaptor.forClass(String.class);
		verify(jdbc).queryForObject(count.capture(), ArgumentMatchers.<Map<String, Object>>any(), eq(Long.class));
		verify(jdbc).query(page.capture(), ArgumentMatchers.<Map<String, Object>>any(),
				ArgumentMatchers.<RowMapper<AuditEventView>>any());
		verifyNoMoreInteractions(jdbc);
		verify(trail).transitionsQuery();
		verifyNoMoreInteractions(trail);
		assertThat(count.getValue()).startsWith("select count(*)");
		assertThat(page.getValue()).contains("limit :limit offset :offset");
		assertThat(List.of(count.getValue(), page.getValue()))
			.allSatisfy((sql) -> assertThat(sql).contains("(select 'the trail') t")
				.contains("(select 'the names') n")
				.contains("from audit_events"));
	}

}
