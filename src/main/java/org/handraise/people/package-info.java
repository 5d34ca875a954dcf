/**
 * People and teams: accounts, roles, skills, credentials, the directory and the
 * administrators' pages ({@code people}, {@code teams}, {@code person_roles},
 * {@code person_skills}); {@code PeopleService} is its API, and it publishes
 * {@code PersonChanged}, {@code PersonDeactivated}, {@code AccessRevoked} and
 * {@code SignInUnlocked}.
 * <p>
 * {@link org.handraise.people.Person} and {@link org.handraise.people.Team} are the
 * shared reference entities: other modules may hold a {@code Person} (a request's author,
 * a note's sender) and read it, but change people only through this module's API. Every
 * other entity is referred to by id across modules. It may use audit (to record changes),
 * shared and web.
 */
@ApplicationModule(displayName = "People and teams", allowedDependencies = { "audit", "shared", "web" })
package org.handraise.people;

import org.springframework.modulith.ApplicationModule;
