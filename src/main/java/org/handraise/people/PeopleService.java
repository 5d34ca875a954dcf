package org.handraise.people;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.handraise.shared.ConflictException;
import org.handraise.shared.InvalidInputException;
import org.handraise.shared.NotFoundException;
import org.handraise.shared.Validation;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * People, their teams, roles and skills: the directory, sign-in look-ups and administration.
 */
@Service
@Transactional(readOnly = true)
public class PeopleService {

	private final People people;

	private final Teams teams;

	private final PasswordEncoder passwordEncoder;

	private final Validation validation;

	private final EntityManager entityManager;

	private final Clock clock;

	PeopleService(People people, Teams teams, PasswordEncoder passwordEncoder, Validation validation,
			EntityManager entityManager, Clock clock) {
		this.people = people;
		this.teams = teams;
		this.passwordEncoder = passwordEncoder;
		this.validation = validation;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/** The person with this username, for other features to refer to. */
	public Person byUsername(String username) {
		return findByUsername(username).orElseThrow(() -> NotFoundException.of("Person", username));
	}

	public Optional<Credentials> credentials(String username) {
		return findByUsername(username)
			.map((p) -> new Credentials(p.getUsername(), p.getPasswordHash(), p.isActive(), p.getRoles()));
	}

	/** No username has control characters (nor could PostgreSQL compare one that had): such a name is nobody. */
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
		return PersonView.of(person, openClaims(List.of(person.getId())).getOrDefault(person.getId(), 0L));
	}

	public Page<PersonView> directory(int page, int size) {
		Page<Person> found = this.people.findDirectory(false,
				PageRequest.of(Math.max(page, 0), size, Sort.by("displayName", "username")));
		Map<Long, Long> loads = openClaims(found.getContent().stream().map(Person::getId).toList());
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

	/** Skills of the given person, lower case, for matching against request topics. */
	public List<String> skillsOf(String username) {
		return List.copyOf(byUsername(username).getSkills());
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public AdminPersonView add(PersonCommand command) {
		this.validation.check(command);
		if (command.password() == null) {
			throw InvalidInputException.of("password", "must be between 12 and 128 characters");
		}
		String username = command.username();
		if (findByUsername(username).isPresent()) {
			throw InvalidInputException.of("username", "is already taken");
		}
		Person person = new Person(username, command.displayName().strip(), command.email().strip(),
				this.passwordEncoder.encode(command.password()), this.clock.instant());
		apply(person, command);
		return AdminPersonView.of(this.people.save(person));
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public AdminPersonView update(String username, PersonCommand command) {
		Person person = byUsername(username);
		this.validation.check(new PersonCommand(person.getUsername(), command.displayName(), command.email(),
				command.team(), command.availability(), command.roles(), command.skills(), null));
		person.rename(command.displayName().strip(), command.email().strip());
		apply(person, command);
		return AdminPersonView.of(person);
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public void resetPassword(String username, String newPassword) {
		if (newPassword == null || newPassword.length() < 12 || newPassword.length() > 128) {
			throw InvalidInputException.of("password", "must be between 12 and 128 characters");
		}
		byUsername(username).changePasswordHash(this.passwordEncoder.encode(newPassword));
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public void deactivate(String actor, String username) {
		if (actor.equals(username)) {
			throw new ConflictException("You cannot deactivate yourself; ask another administrator.");
		}
		byUsername(username).deactivate();
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public void activate(String username) {
		byUsername(username).activate();
	}

	/** Adds a person with an already encoded password; for seeding data, not for people. */
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
		return this.people.save(person);
	}

	public long count() {
		return this.people.count();
	}

	private void apply(Person person, PersonCommand command) {
		person.joinTeam(StringUtils.hasText(command.team()) ? teamNamed(command.team().strip()) : null);
		person.grantRoles(command.roles());
		person.replaceSkills(normalizeSkills(command.skills()));
		person.describeAvailability(StringUtils.hasText(command.availability()) ? command.availability().strip() : null);
	}

	private Team teamNamed(String name) {
		return this.teams.findByNameIgnoreCase(name).orElseGet(() -> this.teams.save(new Team(name)));
	}

	static List<String> normalizeSkills(Collection<String> skills) {
		return skills.stream()
			.filter(StringUtils::hasText)
			.map((s) -> s.strip().toLowerCase(Locale.ROOT))
			.distinct()
			.toList();
	}

	private Map<Long, Long> openClaims(Collection<Long> personIds) {
		Map<Long, Long> loads = new HashMap<>();
		if (personIds.isEmpty()) {
			return loads;
		}
		List<?> rows = this.entityManager
			.createNativeQuery("select claimed_by_id, count(*) from help_requests"
					+ " where status = 'CLAIMED' and claimed_by_id in (:ids) group by claimed_by_id")
			.setParameter("ids", personIds)
			.getResultList();
		for (Object row : rows) {
			Object[] cells = (Object[]) row;
			loads.put(((Number) cells[0]).longValue(), ((Number) cells[1]).longValue());
		}
		return loads;
	}

}
