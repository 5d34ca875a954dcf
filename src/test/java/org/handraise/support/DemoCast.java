package org.handraise.support;

import java.util.List;

import org.handraise.people.Role;

/**
 * The people the integration tests meet again and again, each the same person in every
 * test: a test seeds the ones it needs with
 * {@link PostgresIntegrationTest#seed(DemoCast.Member...)}, in the order given, and signs
 * in as their {@link Member#username()} with {@link PostgresIntegrationTest#PASSWORD}.
 * Where a test needs one of them different it says how ({@code MARIA.withSkills("sql")},
 * {@code CAROL.inTeam("Payments")}, {@code BOB.withRoles(Role.MENTOR)}), so the
 * difference shows where it matters.
 */
public final class DemoCast {

	/** An employee on Platform, usually the one asking. */
	public static final Member ALICE = new Member("alice", "Platform", List.of());

	/** An employee on Mobile, a peer from another team. */
	public static final Member BOB = new Member("bob", "Mobile", List.of());

	/** An employee on Alice's team. */
	public static final Member CAROL = new Member("carol", "Platform", List.of());

	/** An employee on Data. */
	public static final Member DAVE = new Member("dave", "Data", List.of());

	/** Another employee on Alice's team. */
	public static final Member ERIN = new Member("erin", "Platform", List.of());

	/** A mentor on Platform who knows Java. */
	public static final Member MARIA = new Member("maria", "Platform", List.of("java"), Role.MENTOR);

	/** A mentor on Data who knows SQL. */
	public static final Member MARCO = new Member("marco", "Data", List.of("sql"), Role.MENTOR);

	/** A mentor on Data who knows git. */
	public static final Member GINA = new Member("gina", "Data", List.of("git"), Role.MENTOR);

	/** A manager without a team. */
	public static final Member GRACE = new Member("grace", null, List.of(), Role.MANAGER);

	/** An administrator without a team. */
	public static final Member OLGA = new Member("olga", null, List.of(), Role.ADMIN);

	private DemoCast() {
	}

	/**
	 * One person of the cast: username, team (or none), skills and roles besides
	 * {@link Role#EMPLOYEE}.
	 */
	public record Member(String username, String team, List<String> skills, List<Role> roles) {

		Member(String username, String team, List<String> skills, Role... roles) {
			this(username, team, skills, List.of(roles));
		}

		/** The same person in another team ({@code null}: none). */
		public Member inTeam(String team) {
			return new Member(this.username, team, this.skills, this.roles);
		}

		/** The same person with these skills instead. */
		public Member withSkills(String... skills) {
			return new Member(this.username, this.team, List.of(skills), this.roles);
		}

		/** The same person with these roles instead. */
		public Member withRoles(Role... roles) {
			return new Member(this.username, this.team, this.skills, List.of(roles));
		}

	}

}
