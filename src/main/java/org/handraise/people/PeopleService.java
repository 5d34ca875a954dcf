package org.handraise.people;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.handraise.audit.AuditAction;
import org.handraise.audit.AuditLog;
import org.handraise.shared.ConflictException;
import org.handraise.shared.InvalidInputException;
import org.handraise.shared.Labels;
import org.handraise.shared.NotFoundException;
import org.handraise.shared.Validation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * People, their teams, roles and skills: the directory, sign-in look-ups and
 * administration.
 */
@Service
@Transactional(readOnly = true)
public class PeopleService {

	static final int CONTACTS_PER_QUERY = 10_000;

	private final People people;

	private final Teams teams;

	private final PasswordEncoder passwordEncoder;

	private final Validation validation;

	private final EntityManager entityManager;

	private final Clock clock;

	private final PasswordPolicy passwordPolicy;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final OpenClaims openClaims;

	PeopleService(People people, Teams teams, PasswordEncoder passwordEncoder, Validation validation,
			EntityManager entityManager, Clock clock, PasswordPolicy passwordPolicy, AuditLog audit,
			ApplicationEventPublisher events, OpenClaims openClaims) {
		this.people = people;
		this.teams = teams;
		this.passwordEncoder = passwordEncoder;
		this.validation = validation;
		this.entityManager = entityManager;
		this.clock = clock;
		this.passwordPolicy = passwordPolicy;
		this.audit = audit;
		this.events = events;
		this.openClaims = openClaims;
	}

	/** The person with this username, for other features to refer to. */
	public Person byUsername(String username) {
		return findByUsername(username)
			.orElseThrow(() -> new NotFoundException(PeopleMessages.NOT_FOUND.with(username)));
	}

	public Optional<Credentials> credentials(String username) {
		return findByUsername(username).map((p) -> new Credentials(p.getUsername(), p.getPasswordHash(), p.isActive(),
				p.getRoles(), p.mustChangePassword()));
	}

	/**
	 * No username has control characters (nor could PostgreSQL compare one that had):
	 * such a name is nobody.
	 */
	private Optional<Person> findByUsername(String username) {
		if (username == null || username.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
			return Optional.empty();
		}
		return this.people.findByUsername(username);
	}

	public Me me(String username) {
		return Me.of(byUsername(username));
	}

	public PersonView view(String username) {
		Person person = byUsername(username);
		return PersonView.of(person,
				this.openClaims.countByPerson(List.of(person.getId())).getOrDefault(person.getId(), 0L));
	}

	public Page<PersonView> directory(int page, int size) {
		Page<Person> found = this.people.findDirectory(false,
				PageRequest.of(Math.max(page, 0), size, Sort.by("displayName", "username")));
		Map<Long, Long> loads = this.openClaims.countByPerson(found.getContent().stream().map(Person::getId).toList());
		return found.map((p) -> PersonView.of(p, loads.getOrDefault(p.getId(), 0L)));
	}

	@PreAuthorize("hasRole('ADMIN')")
	public Page<AdminPersonView> adminDirectory(int page, int size) {
		return this.people.findDirectory(true, PageRequest.of(Math.max(page, 0), size, Sort.by("username")))
			.map(AdminPersonView::of);
	}

	@PreAuthorize("hasRole('ADMIN')")
	public AdminPersonView adminView(String username) {
		return AdminPersonView.of(byUsername(username));
	}

	public List<String> teamNames() {
		return this.teams.findAll(Sort.by("name")).stream().map(Team::getName).toList();
	}

	/**
	 * The active people among {@code usernames}, to tell them something: one query per
	 * {@value #CONTACTS_PER_QUERY} names (PostgreSQL takes at most 32,767 parameters in a
	 * statement; a digest can reach more people than that).
	 */
	public List<Contact> contacts(Collection<String> usernames) {
		List<String> distinct = List.copyOf(Set.copyOf(usernames));
		if (distinct.size() <= CONTACTS_PER_QUERY) {
			return distinct.isEmpty() ? List.of() : this.people.findContacts(distinct);
		}
		List<Contact> contacts = new ArrayList<>();
		for (int from = 0; from < distinct.size(); from += CONTACTS_PER_QUERY) {
			contacts.addAll(this.people
				.findContacts(distinct.subList(from, Math.min(from + CONTACTS_PER_QUERY, distinct.size()))));
		}
		return contacts;
	}

	/**
	 * The active mentors with at least one of {@code skills} (lower case, as topics are),
	 * in one query.
	 */
	public List<Contact> mentorsWithSkills(Collection<String> skills) {
		return skills.isEmpty() ? List.of() : this.people.findMentorsWithSkills(Set.copyOf(skills));
	}

	/** Skills of the given person, lower case, for matching against request topics. */
	public List<String> skillsOf(String username) {
		return List.copyOf(byUsername(username).getSkills());
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public AdminPersonView add(PersonCommand command) {
		this.validation.check(command);
		String username = command.username();
		this.passwordPolicy.enforce("password", command.password(), username);
		if (findByUsername(username).isPresent()) {
			throw InvalidInputException.of("username", PeopleMessages.USERNAME_TAKEN.with());
		}
		String encoded = this.passwordEncoder.encode(command.password());
		Person person = new Person(username, command.displayName().strip(), command.email().strip(), encoded,
				this.clock.instant());
		// the administrator knows this password: the person chooses their own at their
		// first sign-in
		person.assignPasswordHash(encoded);
		apply(person, command);
		Person saved = this.people.save(person);
		this.audit.record(AuditAction.PERSON_ADDED, username, "roles " + rolesOf(saved));
		changed(saved, false);
		return AdminPersonView.of(saved);
	}

	/**
	 * Changes a person's name, email, team, roles, skills and availability, and says
	 * which of them changed (none: nothing is saved nor recorded). The username never
	 * changes after the person is added, and a password is set only by
	 * {@link #resetPassword}: a command that tries either is refused, never silently
	 * ignored.
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public PersonUpdate update(String username, PersonCommand command) {
		Person person = byUsername(username);
		if (command.username() != null && !command.username().equals(person.getUsername())) {
			throw InvalidInputException.of("username", PeopleMessages.USERNAME_FIXED.with());
		}
		if (StringUtils.hasLength(command.password())) {
			throw InvalidInputException.of("password", PeopleMessages.PASSWORD_NOT_HERE.with());
		}
		this.validation.check(new PersonCommand(person.getUsername(), command.displayName(), command.email(),
				command.team(), command.availability(), command.roles(), command.skills(), null));
		if (!command.roles().contains(Role.ADMIN) && isLastActiveAdministrator(person)) {
			throw InvalidInputException.of("roles", PeopleMessages.LAST_ADMIN_ROLE.with());
		}
		AdminPersonView before = AdminPersonView.of(person);
		person.rename(command.displayName().strip(), command.email().strip());
		String rolesBefore = rolesOf(person);
		apply(person, command);
		String rolesAfter = rolesOf(person);
		AdminPersonView after = AdminPersonView.of(person);
		List<PersonField> changed = PersonField.changed(before, after);
		if (changed.isEmpty()) {
			return new PersonUpdate(after, changed);
		}
		this.audit.record(AuditAction.PERSON_UPDATED, person.getUsername(),
				changed.stream().map(PersonField::name).map((f) -> f.toLowerCase(Locale.ROOT)).toList().toString());
		if (!rolesBefore.equals(rolesAfter)) {
			this.audit.record(AuditAction.ROLES_CHANGED, person.getUsername(), rolesBefore + " -> " + rolesAfter);
			this.events.publishEvent(new AccessRevoked(person.getUsername(), AccessRevoked.Cause.ROLES_CHANGED));
		}
		changed(person, false);
		return new PersonUpdate(after, changed);
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public void resetPassword(String username, String newPassword) {
		Person person = byUsername(username);
		this.passwordPolicy.enforce("password", newPassword, person.getUsername());
		// the administrator knows this password too: the person chooses their own at
		// their next sign-in
		person.assignPasswordHash(this.passwordEncoder.encode(newPassword));
		this.audit.record(AuditAction.PASSWORD_RESET, person.getUsername(), null);
		this.events.publishEvent(new AccessRevoked(person.getUsername(), AccessRevoked.Cause.PASSWORD_RESET));
	}

	/**
	 * A person changes their own password: the current one must be right and the new one
	 * must follow the {@link PasswordPolicy}. Their other sessions end.
	 */
	@Transactional(noRollbackFor = InvalidInputException.class)
	public void changeOwnPassword(String username, String currentPassword, String newPassword) {
		Person person = byUsername(username);
		if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, person.getPasswordHash())) {
			this.audit.record(AuditAction.PASSWORD_CHANGE_FAILED, person.getUsername(), "wrong current password");
			throw InvalidInputException.of("currentPassword", PeopleMessages.WRONG_CURRENT_PASSWORD.with());
		}
		this.passwordPolicy.enforce("newPassword", newPassword, person.getUsername());
		if (newPassword.equals(currentPassword)) {
			throw InvalidInputException.of("newPassword", PeopleMessages.SAME_PASSWORD.with());
		}
		person.changePasswordHash(this.passwordEncoder.encode(newPassword));
		this.audit.record(AuditAction.PASSWORD_CHANGED, person.getUsername(), null);
		this.events.publishEvent(new AccessRevoked(person.getUsername(), AccessRevoked.Cause.PASSWORD_CHANGED));
	}

	/**
	 * A person describes their own skills (lower case, as an administrator's are): what
	 * mentors' queues and the directory match against request topics.
	 */
	@Transactional
	public Me changeOwnSkills(String username, List<String> skills) {
		Person person = byUsername(username);
		List<String> checked = this.validation.check(new OwnSkills(skills)).skills();
		person.replaceSkills(normalizeSkills(checked));
		return Me.of(person);
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public void deactivate(String actor, String username) {
		if (actor.equals(username)) {
			throw new ConflictException(PeopleMessages.DEACTIVATE_YOURSELF.with());
		}
		Person person = byUsername(username);
		if (isLastActiveAdministrator(person)) {
			throw new ConflictException(PeopleMessages.LAST_ADMIN.with());
		}
		person.deactivate();
		this.audit.record(AuditAction.PERSON_DEACTIVATED, person.getUsername(), null);
		this.events.publishEvent(new PersonDeactivated(person.getUsername(), actor));
		this.events.publishEvent(new AccessRevoked(person.getUsername(), AccessRevoked.Cause.DEACTIVATED));
		changed(person, false);
	}

	/**
	 * Clears the failed sign-ins of this person's account name, and with them any lock,
	 * so that they can sign in at once (locks on client addresses stay).
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public void unlock(String username) {
		Person person = byUsername(username);
		this.audit.record(AuditAction.ACCOUNT_UNLOCKED, person.getUsername(), null);
		this.events.publishEvent(new SignInUnlocked(person.getUsername()));
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public void activate(String username) {
		Person person = byUsername(username);
		person.activate();
		this.audit.record(AuditAction.PERSON_ACTIVATED, person.getUsername(), null);
		changed(person, false);
	}

	/**
	 * Adds a person with an already encoded password; for seeding data, not for people.
	 */
	@Transactional
	public Person seed(String username, String displayName, String team, Collection<Role> roles,
			Collection<String> skills, String encodedPassword, String availability) {
		Person person = new Person(username, displayName, username + "@handraise.example", encodedPassword,
				this.clock.instant());
		person.grantRoles(roles);
		person.replaceSkills(skills);
		person.describeAvailability(availability);
		if (team != null) {
			person.joinTeam(teamNamed(team));
		}
		Person saved = this.people.save(person);
		changed(saved, true);
		return saved;
	}

	public long count() {
		return this.people.count();
	}

	/** When the person last opened their home page, or empty before their first visit. */
	public Optional<Instant> lastSeen(String username) {
		return this.people.findLastSeenAt(username);
	}

	/**
	 * Notes that the person opens their home page now. Callers note a visit at most every
	 * few minutes, not on every page, so that browsing writes (nearly) nothing.
	 */
	@Transactional
	public void markSeen(String username, Instant at) {
		this.people.updateLastSeenAt(username, at);
	}

	/**
	 * Whether this person is an active administrator and no other active person is one.
	 * The active administrators' rows are locked first (until the transaction ends), and
	 * counted by a second statement that sees what the transactions it waited for
	 * committed: two administrators demoting each other at once cannot both succeed.
	 */
	private boolean isLastActiveAdministrator(Person person) {
		if (!person.isActive() || !person.hasRole(Role.ADMIN)) {
			return false;
		}
		this.entityManager.createNativeQuery("""
				select p.id from people p
				where p.active = true
				  and exists (select 1 from person_roles r where r.person_id = p.id and r.role = 'ADMIN')
				order by p.id
				for update""").getResultList();
		Number others = (Number) this.entityManager.createNativeQuery("""
				select count(*) from people p
				where p.active = true and p.id <> :id
				  and exists (select 1 from person_roles r where r.person_id = p.id and r.role = 'ADMIN')""")
			.setParameter("id", person.getId())
			.getSingleResult();
		return others.longValue() == 0;
	}

	/**
	 * Tells the statistics that a person's team, roles or state changed, once the change
	 * is flushed, so that what listens in this transaction reads it from the tables.
	 */
	private void changed(Person person, boolean seeded) {
		this.entityManager.flush();
		this.events.publishEvent(new PersonChanged(person.getUsername(), seeded));
	}

	private void apply(Person person, PersonCommand command) {
		person.joinTeam(StringUtils.hasText(command.team()) ? teamNamed(command.team().strip()) : null);
		person.grantRoles(command.roles());
		person.replaceSkills(normalizeSkills(command.skills()));
		person
			.describeAvailability(StringUtils.hasText(command.availability()) ? command.availability().strip() : null);
	}

	private Team teamNamed(String name) {
		return this.teams.findByNameIgnoreCase(name).orElseGet(() -> this.teams.save(new Team(name)));
	}

	private static String rolesOf(Person person) {
		return person.getRoles().stream().map(Enum::name).sorted().toList().toString();
	}

	/**
	 * The skills in the form topics are compared in ({@link Labels}), without blanks or
	 * repeats.
	 */
	static List<String> normalizeSkills(Collection<String> skills) {
		return skills.stream().filter(StringUtils::hasText).map(Labels::normalize).distinct().toList();
	}

}
