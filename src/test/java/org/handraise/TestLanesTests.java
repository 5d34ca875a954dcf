package org.handraise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test's name says which lane it runs in. {@code *Tests} run in the fast lane
 * ({@code ./mvnw test}, Surefire): unit, slice ({@code @WebMvcTest}), architecture and
 * template checks, none of which starts the application. {@code *IT} run in the slow lane
 * ({@code ./mvnw verify}, Failsafe): everything that starts the whole application, on H2
 * or the embedded PostgreSQL, one instance or several, with or without a browser. A test
 * class named otherwise would run in neither lane.
 */
class TestLanesTests {

	/**
	 * What starts the whole application or its database by hand, as class files name them
	 * (written with dots here, so that this class's own file does not name them).
	 */
	private static final List<Pattern> STARTERS = Stream
		.of("org.springframework.boot.builder.SpringApplicationBuilder", "org.springframework.boot.SpringApplication",
				"org.handraise.support.EmbeddedPostgres", "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
		.map((name) -> Pattern.compile(Pattern.quote(name.replace('.', '/')) + "(?![A-Za-z0-9_])"))
		.toList();

	private static Path root;

	private static List<Class<?>> tests;

	@BeforeAll
	static void findTestClasses() throws IOException, URISyntaxException {
		root = Path.of(TestLanesTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		try (Stream<Path> files = Files.walk(root)) {
			tests = files.map((f) -> root.relativize(f).toString())
				.filter((f) -> f.endsWith(".class") && !f.contains("$"))
				.<Class<?>>map((f) -> load(f.substring(0, f.length() - ".class".length()).replace('/', '.')))
				.filter((c) -> !Modifier.isAbstract(c.getModifiers())
						&& withNested(c).anyMatch(TestLanesTests::hasTests))
				.toList();
		}
	}

	@Test
	void theRulesSeeBothKindsOfTest() {
		// Guards against rules that pass because they match nothing.
		assertThat(tests.stream().filter(TestLanesTests::startsTheApplication).map(Class::getSimpleName)).contains(
				"AnonymityIT", "DemoDataIT", "MultiInstanceIT", "DatabaseOutageIT", "HelpLoopBrowserIT",
				"RestartOnH2FileIT");
		assertThat(tests.stream().filter((c) -> !startsTheApplication(c)).map(Class::getSimpleName))
			.contains("HelpRequestStateMachineTests", "RequestControllerTests", "ArchitectureTests", "TestLanesTests");
	}

	@Test
	void aTestsClassNeverStartsTheApplication() {
		assertThat(tests.stream()
			.filter((c) -> c.getSimpleName().endsWith("Tests"))
			.filter(TestLanesTests::startsTheApplication)
			.map(Class::getName)).as("*Tests that start the whole application: rename them *IT").isEmpty();
	}

	@Test
	void anItClassStartsTheApplication() {
		assertThat(tests.stream()
			.filter((c) -> c.getSimpleName().endsWith("IT"))
			.filter((c) -> !startsTheApplication(c))
			.map(Class::getName)).as("*IT that start no application: rename them *Tests").isEmpty();
	}

	@Test
	void everyTestClassRunsInALane() {
		assertThat(tests.stream()
			.filter((c) -> !c.getSimpleName().endsWith("Tests") && !c.getSimpleName().endsWith("IT"))
			.map(Class::getName)).as("test classes named neither *Tests nor *IT run in no lane").isEmpty();
	}

	/**
	 * Whether the class is a {@code @SpringBootTest} (also through a superclass or
	 * another annotation), or it, a nested or anonymous class of it, or a superclass
	 * starts the application or the embedded PostgreSQL by hand.
	 */
	private static boolean startsTheApplication(Class<?> test) {
		if (MergedAnnotations.from(test, SearchStrategy.SUPERCLASS).isPresent(SpringBootTest.class)) {
			return true;
		}
		for (Class<?> c = test; c != null && c != Object.class; c = c.getSuperclass()) {
			if (withNested(c).anyMatch(TestLanesTests::namesAStarter)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasTests(Class<?> c) {
		return Arrays.stream(c.getDeclaredMethods())
			.map(Method::getAnnotations)
			.anyMatch((annotations) -> Arrays.stream(annotations)
				.anyMatch((a) -> MergedAnnotations.from(a.annotationType()).isPresent(Testable.class)));
	}

	private static boolean namesAStarter(Class<?> c) {
		String constants = new String(classFile(c), StandardCharsets.ISO_8859_1);
		return STARTERS.stream().anyMatch((starter) -> starter.matcher(constants).find());
	}

	/** The class, its nested classes and the anonymous classes in it. */
	private static Stream<Class<?>> withNested(Class<?> c) {
		Path folder = root.resolve(c.getPackageName().replace('.', '/'));
		if (!Files.isDirectory(folder)) {
			return Stream.of(c);
		}
		try (Stream<Path> files = Files.list(folder)) {
			List<Class<?>> nested = files.map((f) -> f.getFileName().toString())
				.filter((f) -> f.startsWith(c.getSimpleName() + "$") && f.endsWith(".class"))
				.<Class<?>>map((f) -> load(c.getPackageName() + "." + f.substring(0, f.length() - ".class".length())))
				.toList();
			return Stream.concat(Stream.of(c), nested.stream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] classFile(Class<?> c) {
		String name = c.getName().replace('.', '/') + ".class";
		try (InputStream in = c.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name, false, TestLanesTests.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
