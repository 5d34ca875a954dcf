package org.handraise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.persistence.Entity;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.handraise.requests.RequestSeeding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boundaries of the house style, checked on the compiled main code: features without
 * cycles, controllers that see neither repositories nor entities, and a {@code shared}
 * package that knows no feature.
 */
class ArchitectureTests {

	private static final DescribedPredicate<JavaClass> ENTITIES = annotatedWith(Entity.class).<JavaClass>forSubtype()
		.as("JPA entities");

	private static final DescribedPredicate<JavaClass> REPOSITORIES = assignableTo(Repository.class)
		.as("Spring Data repositories");

	private static final DescribedPredicate<JavaClass> CONTROLLERS = resideInAPackage("..web..")
		.and(metaAnnotatedWith(Controller.class).<JavaClass>forSubtype())
		.as("controllers");

	private static JavaClasses classes;

	@BeforeAll
	static void importMainClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages("org.handraise");
	}

	@Test
	void theRulesSeeTheControllersEntitiesAndRepositories() {
		// Guards against rules that pass because they match nothing.
		assertThat(classes.that(ENTITIES)).extracting(JavaClass::getSimpleName).contains("HelpRequest", "Person");
		assertThat(classes.that(REPOSITORIES)).extracting(JavaClass::getSimpleName).contains("HelpRequests", "People");
		assertThat(classes.that(CONTROLLERS)).extracting(JavaClass::getSimpleName)
			.contains("RequestController", "RequestApiController", "ThanksController", "PeopleApiController");
	}

	@Test
	void featurePackagesAreFreeOfCycles() {
		slices().matching("org.handraise.(*)..")
			.namingSlices("$1")
			.should()
			.beFreeOfCycles()
			.because("features talk to each other in one direction, through services and ids")
			.check(classes);
	}

	@Test
	void controllersNeverDependOnRepositories() {
		noClasses().that()
			.resideInAPackage("..web..")
			.and()
			.areMetaAnnotatedWith(Controller.class)
			.should()
			.dependOnClassesThat(REPOSITORIES)
			.because("page and API controllers call the same service, so they can never disagree")
			.check(classes);
	}

	@Test
	void controllersNeverDependOnEntities() {
		noClasses().that()
			.resideInAPackage("..web..")
			.and()
			.areMetaAnnotatedWith(Controller.class)
			.should()
			.dependOnClassesThat(ENTITIES)
			.because("an entity never reaches a template, JSON or a @ModelAttribute")
			.check(classes);
	}

	@Test
	void theSharedPackageDependsOnNoFeature() {
		noClasses().that()
			.resideInAPackage("org.handraise.shared..")
			.should()
			.dependOnClassesThat(resideInAPackage("org.handraise..")
				.and(DescribedPredicate.not(resideInAPackage("org.handraise.shared..")))
				.as("classes of Handraise outside org.handraise.shared"))
			.check(classes);
	}

	@Test
	void onlyTheDemoDataSeedsRequestHistory() {
		assertThat(classes.get("org.handraise.demo.DemoData").getDirectDependenciesFromSelf())
			.as("the rule below sees the demo data seeding requests")
			.anyMatch((dependency) -> dependency.getTargetClass().isEquivalentTo(RequestSeeding.class));
		noClasses().that()
			.resideOutsideOfPackages("org.handraise.requests", "org.handraise.demo")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(RequestSeeding.class)
			.because("requests are posted and changed at the present time through RequestCommands; only the demo"
					+ " data writes a history at explicit times")
			.check(classes);
	}

	/**
	 * The tables of each feature that another reads through its API: requests (their
	 * history, offers and topics) and people (teams, roles, skills).
	 */
	private static final Map<String, List<String>> TABLES = Map.of("requests",
			List.of("help_requests", "request_events", "offers", "request_topics", "topics"), "people",
			List.of("people", "teams", "person_roles", "person_skills"));

	/**
	 * SQL and JPQL of the people and audit features read no other feature's tables: the
	 * mentor load comes from requests ({@code OpenClaims}), the audit log's transitions
	 * and names from requests and people ({@code RequestTrail}, {@code ActorNames}).
	 * Searched in the sources, where a table name in SQL follows {@code from} or
	 * {@code join}.
	 */
	@ParameterizedTest
	@CsvSource({ "people, requests", "audit, requests", "audit, people" })
	void aFeaturesSqlReadsNoOtherFeaturesTables(String feature, String owner) throws IOException {
		Pattern read = Pattern.compile("\\b(from|join)\\s+(" + String.join("|", TABLES.get(owner)) + ")\\b",
				Pattern.CASE_INSENSITIVE);
		List<String> found = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/handraise", feature))) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher matcher = read.matcher(Files.readString(source));
				while (matcher.find()) {
					found.add(source.getFileName() + ": " + matcher.group());
				}
			}
		}
		assertThat(found).as("%s reading tables of %s", feature, owner).isEmpty();
	}

	@Test
	void repositoriesFetchWithJoinsNotEntityGraphs() {
		noMethods().that()
			.areDeclaredInClassesThat(REPOSITORIES)
			.should()
			.beAnnotatedWith(EntityGraph.class)
			.because("Hibernate translates a query with an entity graph to SQL again on every call and keeps no plan"
					+ " (20-30 % of an API call's CPU); fetch with join fetch in the query instead")
			.check(classes);
	}

	@Test
	void controllerMethodsNeverReturnEntities() {
		methods().that()
			.areDeclaredInClassesThat()
			.areMetaAnnotatedWith(Controller.class)
			.should(returnNoEntity())
			.because("outbound data is *View records or projections")
			.check(classes);
	}

	@Test
	void controllerMethodsNeverTakeEntities() {
		methods().that()
			.areDeclaredInClassesThat()
			.areMetaAnnotatedWith(Controller.class)
			.should(takeNoEntity())
			.because("inbound data is *Form classes and *Request records, never an entity")
			.check(classes);
	}

	/**
	 * The return type and every type in its generics ({@code ResponseEntity<Person>},
	 * {@code List<Person>}).
	 */
	private static ArchCondition<JavaMethod> returnNoEntity() {
		return new ArchCondition<>("return no JPA entity, not even inside a generic type") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				for (JavaClass type : method.getReturnType().getAllInvolvedRawTypes()) {
					if (ENTITIES.test(type)) {
						events.add(SimpleConditionEvent.violated(method,
								method.getFullName() + " returns entity " + type.getName()));
					}
				}
			}
		};
	}

	private static ArchCondition<JavaMethod> takeNoEntity() {
		return new ArchCondition<>("take no JPA entity as a parameter") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				method.getParameterTypes()
					.stream()
					.flatMap((parameter) -> parameter.getAllInvolvedRawTypes().stream())
					.filter(ENTITIES)
					.forEach((type) -> events.add(SimpleConditionEvent.violated(method,
							method.getFullName() + " takes entity " + type.getName())));
			}
		};
	}

}
