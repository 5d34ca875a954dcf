package org.handraise.requests;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.handraise.people.PersonRef;

import org.springframework.stereotype.Component;

/**
 * The home page's "since your last visit" for the requests feature, read in one
 * statement: offers by others on the person's requests, their claims resolved, and the
 * headlines of requests the caller names (the requests of thank-you notes, so that they
 * need no statement of their own). Each kind is capped; the offers are read newest first
 * from {@code ix_offers_created_request} (V20), which also holds the offer's request and
 * helper.
 */
@Component
class HomeNews {

	private static final String OFFER = "O";

	private static final String CLAIM_RESOLVED = "R";

	private static final String HEADLINE = "H";

	private static final Comparator<RequestNews> NEWEST_FIRST = Comparator.comparing(RequestNews::at).reversed();

	/**
	 * One row per item: its kind, the request's id, title and anonymity, the helper who
	 * offered (offers only) and when it happened. A request with no headline asked for
	 * takes id -1, which no request has, so that the statement keeps one shape.
	 */
	private static final String NEWS = """
			(select 'O' as kind, r.id as request_id, r.title as title, r.anonymous as anonymous,
			        h.username as username, h.display_name as display_name, o.created_at as at, o.id as tie
			   from offers o
			   join help_requests r on r.id = o.request_id
			   join people h on h.id = o.helper_id
			  where r.author_id = :me and o.helper_id <> :me and o.created_at > :since
			  order by o.created_at desc, o.id desc
			  limit :n)
			union all
			(select 'R', r.id, r.title, r.anonymous, null, null, r.resolved_at, r.id
			   from help_requests r
			  where r.claimed_by_id = :me and r.status = 'RESOLVED' and r.resolved_at > :since
			  order by r.resolved_at desc, r.id desc
			  limit :n)
			union all
			(select 'H', r.id, r.title, r.anonymous, null, null, null, r.id
			   from help_requests r
			  where r.id in (:ids))""";

	private final EntityManager entityManager;

	HomeNews(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * What happened since {@code since} to {@code me}'s requests and claims, newest
	 * first, at most {@code limit} of each kind, and the headlines of
	 * {@code headlineIds}.
	 */
	Found find(long me, Instant since, int limit, Collection<Long> headlineIds) {
		List<Long> ids = headlineIds.isEmpty() ? List.of(-1L) : List.copyOf(headlineIds);
		@SuppressWarnings("unchecked")
		List<Tuple> rows = this.entityManager.createNativeQuery(NEWS, Tuple.class)
			.setParameter("me", me)
			.setParameter("since", since)
			.setParameter("n", limit)
			.setParameter("ids", ids)
			.getResultList();
		List<RequestNews> news = new ArrayList<>();
		Map<Long, RequestHeadline> headlines = new HashMap<>();
		for (Tuple row : rows) {
			long requestId = ((Number) row.get(1)).longValue();
			String title = (String) row.get(2);
			// H2 reads a one-letter literal as a character, PostgreSQL as text
			switch (String.valueOf(row.get(0))) {
				case OFFER -> news.add(new RequestNews(RequestNews.Kind.OFFER, requestId, title,
						new PersonRef((String) row.get(4), (String) row.get(5)), instant(row.get(6))));
				case CLAIM_RESOLVED -> news
					.add(new RequestNews(RequestNews.Kind.CLAIM_RESOLVED, requestId, title, null, instant(row.get(6))));
				case HEADLINE -> headlines.put(requestId, new RequestHeadline(requestId, title, (Boolean) row.get(3)));
				default -> throw new IllegalStateException("unknown kind of news: " + row.get(0));
			}
		}
		news.sort(NEWEST_FIRST);
		return new Found(List.copyOf(news), Map.copyOf(headlines));
	}

	private static Instant instant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof OffsetDateTime time) {
			return time.toInstant();
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		throw new IllegalStateException("not a time: " + value);
	}

	/**
	 * The news, newest first, and the headlines asked for, by request id.
	 */
	record Found(List<RequestNews> news, Map<Long, RequestHeadline> headlines) {
	}

}
