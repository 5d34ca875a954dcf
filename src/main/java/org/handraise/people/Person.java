package org.handraise.people;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Someone who works here: asks for help, helps, and maybe mentors, manages or
 * administers.
 */
@Entity
@Table(name = "people")
public class Person {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 40, updatable = false)
	private String username;

	@Column(name = "display_name", nullable = false, length = 80)
	private String displayName;

	@Column(nullable = false, length = 120)
	private String email;

	@Column(name = "password_hash", nullable = false, length = 200)
	private String passwordHash;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "team_id")
	private Team team;

	@Column(length = 200)
	private String availability;

	@Column(nullable = false)
	private boolean active = true;

	/**
	 * Whether the person signs in with a password somebody else chose (an administrator
	 * added them or reset it): they must choose their own before they use anything else.
	 */
	@Column(name = "must_change_password", nullable = false)
	private boolean mustChangePassword;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	// written only by PeopleService.markSeen, never with the entity, so that a visit
	// never bumps the version
	@Column(name = "last_seen_at", insertable = false, updatable = false)
	private Instant lastSeenAt;

	// lazy: a person shown on a page (author, helper) needs no roles; the one signed in
	// is read with them (People.findByUsername)
	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "person_roles", joinColumns = @JoinColumn(name = "person_id"))
	@Column(name = "role", length = 20)
	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "person_skills", joinColumns = @JoinColumn(name = "person_id"))
	@Column(name = "skill", length = 30)
	private Set<String> skills = new LinkedHashSet<>();

	@Version
	private long version;

	protected Person() {
	}

	Person(String username, String displayName, String email, String passwordHash, Instant createdAt) {
		this.username = username;
		this.displayName = displayName;
		this.email = email;
		this.passwordHash = passwordHash;
		this.createdAt = createdAt;
		this.roles.add(Role.EMPLOYEE);
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public String getEmail() {
		return this.email;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public Team getTeam() {
		return this.team;
	}

	public String getAvailability() {
		return this.availability;
	}

	public boolean isActive() {
		return this.active;
	}

	public boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * When the person last opened their home page (noted at most every few minutes), or
	 * null before that.
	 */
	public Instant getLastSeenAt() {
		return this.lastSeenAt;
	}

	public Set<Role> getRoles() {
		return Set.copyOf(this.roles);
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	public Set<String> getSkills() {
		return new TreeSet<>(this.skills);
	}

	void rename(String displayName, String email) {
		this.displayName = displayName;
		this.email = email;
	}

	/** A password the person chose themselves. */
	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
		this.mustChangePassword = false;
	}

	/**
	 * A password somebody else chose (an administrator): the person must replace it at
	 * their next sign-in.
	 */
	void assignPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
		this.mustChangePassword = true;
	}

	void joinTeam(Team team) {
		this.team = team;
	}

	void describeAvailability(String availability) {
		this.availability = availability;
	}

	/**
	 * Everyone is an employee; these roles come on top. The same roles again change
	 * nothing (nor the version).
	 */
	void grantRoles(Collection<Role> roles) {
		Set<Role> granted = EnumSet.of(Role.EMPLOYEE);
		granted.addAll(roles);
		if (!granted.equals(this.roles)) {
			this.roles.clear();
			this.roles.addAll(granted);
		}
	}

	/** The same skills again change nothing (nor the version). */
	void replaceSkills(Collection<String> skills) {
		if (!new LinkedHashSet<>(skills).equals(this.skills)) {
			this.skills.clear();
			this.skills.addAll(skills);
		}
	}

	void deactivate() {
		this.active = false;
	}

	void activate() {
		this.active = true;
	}

	@Override
	public String toString() {
		return "Person[" + this.username + "]";
	}

}
