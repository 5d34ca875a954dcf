package org.handraise.requests;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.handraise.people.Person;

import org.springframework.data.jpa.domain.Specification;

/**
 * The request list's filters and sort orders, as criteria the database evaluates.
 */
final class RequestSpecifications {

	private RequestSpecifications() {
	}

	static Specification<HelpRequest> matching(RequestFilter filter, Person viewer) {
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			if (filter.status() != null) {
				where.add(cb.equal(root.get("status"), filter.status()));
			}
			if (filter.topic() != null) {
				where.add(hasTopicIn(root, query, cb, List.of(filter.topic())));
			}
			if (filter.mine()) {
				where.add(cb.equal(root.get("author"), viewer));
			}
			if (filter.claimedByMe()) {
				where.add(cb.equal(root.get("claimedBy"), viewer));
			}
			if (filter.unanswered()) {
				where.add(cb.isNull(root.get("firstResponseAt")));
				where.add(root.get("status").in(RequestStatus.OPEN, RequestStatus.CLAIMED));
			}
			if (filter.query() != null) {
				String like = "%" + escapeLike(filter.query().toLowerCase(java.util.Locale.ROOT)) + "%";
				where.add(cb.or(cb.like(cb.lower(root.get("title")), like, '\\'),
						cb.like(cb.lower(root.get("details")), like, '\\')));
			}
			if (isRowQuery(query)) {
				query.orderBy(order(filter.sort(), root, cb));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}

	/**
	 * Open, unclaimed requests; those on the mentor's skills first, then the most urgent,
	 * then the oldest.
	 */
	static Specification<HelpRequest> mentorQueue(Person mentor, Collection<String> skills) {
		return (root, query, cb) -> {
			Predicate open = cb.equal(root.get("status"), RequestStatus.OPEN);
			Predicate notMine = cb.notEqual(root.get("author"), mentor);
			if (isRowQuery(query)) {
				List<Order> orders = new ArrayList<>();
				if (!skills.isEmpty()) {
					orders.add(cb.asc(cb.selectCase().when(hasTopicIn(root, query, cb, skills), 0).otherwise(1)));
				}
				orders.add(cb.asc(urgencyRank(root, cb)));
				orders.add(cb.asc(root.get("createdAt")));
				orders.add(cb.asc(root.get("id")));
				query.orderBy(orders);
			}
			return cb.and(open, notMine);
		};
	}

	static Predicate hasTopicIn(Root<HelpRequest> root, CriteriaQuery<?> query, CriteriaBuilder cb,
			Collection<String> names) {
		Subquery<Long> sub = query.subquery(Long.class);
		Root<HelpRequest> inner = sub.from(HelpRequest.class);
		Join<HelpRequest, Topic> topic = inner.join("topics");
		sub.select(inner.get("id")).where(cb.equal(inner, root), topic.get("name").in(names));
		return cb.exists(sub);
	}

	private static List<Order> order(RequestFilter.Sort sort, Root<HelpRequest> root, CriteriaBuilder cb) {
		return switch (sort) {
			case NEWEST -> List.of(cb.desc(root.get("createdAt")), cb.desc(root.get("id")));
			case OLDEST -> List.of(cb.asc(root.get("createdAt")), cb.asc(root.get("id")));
			case UPDATED -> List.of(cb.desc(root.get("updatedAt")), cb.desc(root.get("id")));
			case URGENCY ->
				List.of(cb.asc(urgencyRank(root, cb)), cb.desc(root.get("createdAt")), cb.desc(root.get("id")));
		};
	}

	private static Expression<Integer> urgencyRank(Root<HelpRequest> root, CriteriaBuilder cb) {
		return cb.<Integer>selectCase()
			.when(cb.equal(root.get("urgency"), Urgency.HIGH), 0)
			.when(cb.equal(root.get("urgency"), Urgency.NORMAL), 1)
			.otherwise(2);
	}

	private static boolean isRowQuery(CriteriaQuery<?> query) {
		Class<?> type = query.getResultType();
		return type != Long.class && type != long.class;
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
