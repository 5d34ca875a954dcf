package org.handraise.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The markup that must look and read the same on every page is written once, in a
 * fragment: the fields of a form object and their errors ({@code fragments/forms.html}),
 * and the status, urgency and time badges ({@code fragments/badges.html}). A page that
 * writes one of them by hand fails this test.
 */
class TemplateFragmentsTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** What only a fragment writes, and the fragment files allowed to write it. */
	private static final Map<Pattern, List<String>> ONLY_IN = Map.of(
			// a visible field of a form object (hidden ones carry no label or errors)
			Pattern.compile("<(input|select|textarea)(?![^>]*type=\"hidden\")[^>]*th:field="),
			List.of("fragments/forms.html"),
			// a field's error list
			Pattern.compile("#fields\\.errors\\("), List.of("fragments/forms.html"),
			// a status or urgency badge
			Pattern.compile("'(status|urgency)-' \\+"), List.of("fragments/badges.html"),
			// a machine-readable time
			Pattern.compile("<time[^>]*th:datetime="), List.of("fragments/badges.html"));

	@Test
	void fieldsErrorsAndBadgesAreWrittenOnlyByTheirFragments() throws IOException {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).sorted().toList()) {
				String name = TEMPLATES.relativize(file).toString().replace('\\', '/');
				String html = Files.readString(file);
				ONLY_IN.forEach((pattern, allowed) -> {
					if (!allowed.contains(name) && pattern.matcher(html).find()) {
						problems.add(name + " writes by hand what " + allowed + " writes: " + pattern);
					}
				});
			}
		}
		assertThat(problems).isEmpty();
	}

}
