package org.handraise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.Dependency;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application modules (Spring Modulith): every top-level package under
 * {@code org.handraise} is one, with the dependencies its {@code package-info.java}
 * allows, no cycles and no use of another module's internals; the only entities a module
 * uses from another module are the shared reference entities {@code Person} and
 * {@code Team}. Writes the module documentation (C4 component diagram, one diagram and
 * one canvas per module) into {@code docs/modules}.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(HandraiseApplication.class);

	private static final List<String> SHARED_ENTITIES = List.of("org.handraise.people.Person",
			"org.handraise.people.Team");

	private static final Path DOCS = Path.of("docs", "modules");

	@Test
	void modulesKeepTheirAllowedDependencies() {
		MODULES.verify();
	}

	@Test
	void everyTopLevelPackageIsADeclaredModule() throws ClassNotFoundException {
		assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
			.containsExactlyInAnyOrder("audit", "demo", "home", "notifications", "people", "requests", "security",
					"shared", "stats", "thanks", "tokens", "web");
		for (ApplicationModule module : MODULES) {
			String name = module.getBasePackage().getName();
			org.springframework.modulith.ApplicationModule declared = Class.forName(name + ".package-info")
				.getAnnotation(org.springframework.modulith.ApplicationModule.class);
			assertThat(declared).as(name + ": @ApplicationModule in package-info.java").isNotNull();
			assertThat(declared.displayName()).as(name + ": display name").isNotBlank();
			assertThat(declared.allowedDependencies()).as(name + ": allowed dependencies listed")
				.doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
		}
	}

	@Test
	void theOnlyEntitiesUsedAcrossModulesArePersonAndTeam() {
		Set<String> used = new TreeSet<>();
		MODULES.forEach((module) -> module.getBasePackage()
			.stream()
			.flatMap((type) -> type.getDirectDependenciesFromSelf().stream())
			.map(Dependency::getTargetClass)
			.filter((target) -> target.isAnnotatedWith(Entity.class))
			.filter((target) -> !module.contains(target))
			.forEach((entity) -> used.add(module.getIdentifier() + " -> " + entity.getName())));
		// the check sees the uses it allows, so it would see others too
		assertThat(used).contains("requests -> org.handraise.people.Person", "thanks -> org.handraise.people.Person");
		assertThat(used)
			.allSatisfy((use) -> assertThat(SHARED_ENTITIES).contains(use.substring(use.indexOf(" -> ") + 4)));
	}

	@Test
	void writesTheModuleDocumentation() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (Stream<Path> files = Files.list(DOCS)) {
			List<Path> written = files.sorted().toList();
			assertThat(written).extracting((file) -> file.getFileName().toString())
				.contains("components.puml", "module-requests.puml", "module-requests.adoc");
			for (Path file : written) {
				String text = Files.readString(file, StandardCharsets.UTF_8);
				assertThat(text).as(file.toString()).doesNotContain(System.getProperty("user.dir"));
				Files.writeString(file, inStableOrder(text), StandardCharsets.UTF_8);
			}
		}
	}

	/**
	 * The Documenter lists components, relations, beans and events in the order it finds
	 * them, which varies from run to run: each run of such lines is sorted, so that the
	 * committed files change only when the modules do. A list's first item may carry the
	 * table cell's {@code |}, which stays in front.
	 */
	static String inStableOrder(String text) {
		List<String> lines = List.of(text.split("\n", -1));
		List<String> out = new ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			String kind = kind(lines.get(i));
			if (kind == null) {
				out.add(lines.get(i));
				i++;
				continue;
			}
			int end = i + 1;
			while (end < lines.size() && kind.equals(kind(lines.get(end))) && !lines.get(end).startsWith("|")) {
				end++;
			}
			boolean cell = lines.get(i).startsWith("|");
			List<String> run = new ArrayList<>();
			for (int k = i; k < end; k++) {
				run.add(cell && k == i ? lines.get(k).substring(1) : lines.get(k));
			}
			Collections.sort(run);
			if (cell) {
				run.set(0, "|" + run.get(0));
			}
			out.addAll(run);
			i = end;
		}
		return String.join("\n", out);
	}

	private static String kind(String line) {
		String bare = line.startsWith("|") ? line.substring(1) : line;
		for (String prefix : List.of("Component(", "Rel(", "* ")) {
			if (bare.stripLeading().startsWith(prefix)) {
				return prefix;
			}
		}
		return null;
	}

}
