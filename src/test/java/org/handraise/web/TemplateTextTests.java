package org.handraise.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All user-visible text comes from {@code messages.properties}: a template that shows a
 * hard-coded word fails this test. It reads every template the way Thymeleaf's parser
 * does and looks at
 * <ul>
 * <li>text nodes, unless an enclosing element replaces its body ({@code th:text},
 * {@code th:utext}, {@code th:replace}, {@code th:insert}, {@code th:remove}): that
 * default text is the natural-template preview and never reaches a person;</li>
 * <li>the attributes people read or hear ({@code placeholder}, {@code title},
 * {@code aria-label}, {@code alt}, {@code value} of a visible input, {@code label},
 * {@code data-confirm}, ...), unless Thymeleaf sets them ({@code th:title},
 * {@code th:attr="title=..."}, {@code th:field} for {@code value});</li>
 * <li>quoted literals with letters in the expressions that produce text
 * ({@code th:text="'Save'"}), outside a message key ({@code #{${'status.' + s}}} builds a
 * key, which is fine).</li>
 * </ul>
 * A second check makes sure every message key a template names literally exists.
 */
class TemplateTextTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path MESSAGES = Path.of("src/main/resources/messages.properties");

	/** Attributes whose value a person reads or a screen reader says. */
	private static final Set<String> VISIBLE_ATTRIBUTES = Set.of("placeholder", "title", "aria-label", "alt", "value",
			"label", "aria-description", "aria-roledescription", "aria-valuetext", "aria-placeholder", "data-confirm");

	/** Attributes whose expression becomes visible text. */
	private static final Set<String> TEXT_EXPRESSIONS = Set.of("th:text", "th:utext", "th:title", "th:placeholder",
			"th:alt", "th:value", "th:aria-label", "th:label");

	/**
	 * Elements whose body Thymeleaf replaces (so the body in the file is only a preview).
	 */
	private static final Set<String> BODY_REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert",
			"th:remove", "th:include");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);");

	private static final Pattern LITERAL = Pattern.compile("'[^']*'|\\|[^|]*\\|");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");

	@Test
	void templatesShowNoHardCodedText() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			problems.addAll(hardCodedText(TEMPLATES.relativize(template).toString(), Files.readString(template)));
		}
		assertThat(problems)
			.as("Hard-coded text in templates; move it to messages.properties:%n  %s",
					String.join(System.lineSeparator() + "  ", problems))
			.isEmpty();
	}

	@Test
	void everyMessageKeyATemplateNamesExists() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = Files.newInputStream(MESSAGES)) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher key = MESSAGE_KEY.matcher(Files.readString(template));
			while (key.find()) {
				if (!messages.containsKey(key.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": #{" + key.group(1) + "}");
				}
			}
		}
		assertThat(missing).as("Message keys used in templates but missing from messages.properties").isEmpty();
	}

	@Test
	void theCheckFindsHardCodedTextWhereverItHides() {
		String template = """
				<html xmlns:th="http://www.thymeleaf.org" th:replace="~{fragments/layout :: layout(~{::#c}, 'x')}">
				<body><div id="c">
				  <h1>Hello</h1>
				  <p th:text="#{fine}">Preview text is fine</p>
				  <div th:replace="~{x :: y}"><span>replaced, fine</span></div>
				  <input placeholder="Your name" type="text">
				  <input type="submit" value="Send">
				  <input type="checkbox" value="true">
				  <a title="More" th:attr="aria-label=#{ok}" aria-label="preview">&middot; &#9995;</a>
				  <button th:text="'Save'">Save</button>
				  <span th:text="#{${'status.' + s}}">key built from a literal, fine</span>
				  <img alt="Logo" th:alt="#{logo}">
				  <!-- a comment with words is fine -->
				  <script>var words = 'fine';</script>
				</div></body></html>
				""";
		List<String> problems = hardCodedText("sample.html", template);
		assertThat(problems).hasSize(5);
		assertThat(String.join("\n", problems)).contains("\"Hello\"", "placeholder=\"Your name\"", "value=\"Send\"",
				"title=\"More\"", "th:text=\"'Save'\"");
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			List<Path> found = files.filter((p) -> p.toString().endsWith(".html")).sorted().toList();
			assertThat(found).as("templates under " + TEMPLATES.toAbsolutePath()).isNotEmpty();
			return found;
		}
	}

	static List<String> hardCodedText(String name, String html) {
		Document document;
		try {
			document = new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(name, html);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Cannot parse " + name, ex);
		}
		List<String> problems = new ArrayList<>();
		visit(new Source(name, html), document, false, problems);
		return problems;
	}

	private static void visit(Source name, INestableNode parent, boolean bodyReplaced, List<String> problems) {
		for (INode node : parent.getChildren()) {
			if (node instanceof Text text) {
				String content = ENTITY.matcher(text.getContent()).replaceAll(" ").strip();
				if (!bodyReplaced && LETTER.matcher(content).find()) {
					problems.add(name.at(text.getContent().strip()) + " text \"" + abbreviate(content) + "\"");
				}
			}
			else if (node instanceof Element element) {
				String tag = element.getElementName().toLowerCase();
				boolean replacesItself = !"html".equals(tag) && (element.hasAttribute("th:replace")
						|| element.hasAttribute("th:insert") || element.hasAttribute("th:include"));
				if (!bodyReplaced && !replacesItself) {
					checkAttributes(name, element, tag, problems);
				}
				if ("script".equals(tag) || "style".equals(tag)) {
					continue;
				}
				boolean replacesBody = BODY_REPLACING.stream()
					.anyMatch((a) -> element.hasAttribute(a) && !("html".equals(tag) && !a.equals("th:text"))
							&& !("th:remove".equals(a) && Set.of("tag", "none")
								.contains(String.valueOf(element.getAttributeValue(a)).strip())));
				visit(name, element, bodyReplaced || replacesBody, problems);
			}
		}
	}

	private static void checkAttributes(Source name, Element element, String tag, List<String> problems) {
		Map<String, String> attributes = element.getAttributeMap();
		String thAttr = attributes.getOrDefault("th:attr", "");
		for (Map.Entry<String, String> attribute : attributes.entrySet()) {
			String attr = attribute.getKey().toLowerCase();
			String value = (attribute.getValue() != null) ? attribute.getValue() : "";
			if (VISIBLE_ATTRIBUTES.contains(attr) && LETTER.matcher(value).find() && isShown(tag, attr, attributes)
					&& !setByThymeleaf(attr, attributes, thAttr)) {
				problems
					.add(name.at(attr + "=\"" + value) + " <" + tag + "> " + attr + "=\"" + abbreviate(value) + "\"");
			}
			if (TEXT_EXPRESSIONS.contains(attr)) {
				literalText(value).forEach((literal) -> problems
					.add(name.at(value) + " <" + tag + "> " + attr + "=\"" + abbreviate(value) + "\""));
			}
		}
		for (String assignment : splitTopLevel(thAttr)) {
			int eq = assignment.indexOf('=');
			if (eq > 0 && VISIBLE_ATTRIBUTES.contains(assignment.substring(0, eq).strip().toLowerCase())
					&& !literalText(assignment.substring(eq + 1)).isEmpty()) {
				problems.add(name.at(assignment) + " <" + tag + "> th:attr=\"" + abbreviate(assignment) + "\"");
			}
		}
	}

	/**
	 * Whether a person sees the attribute: a checkbox's or an option's value, for one, is
	 * never shown.
	 */
	private static boolean isShown(String tag, String attr, Map<String, String> attributes) {
		if (!"value".equals(attr)) {
			return true;
		}
		if ("option".equals(tag) || "param".equals(tag) || "li".equals(tag) || "data".equals(tag)) {
			return false;
		}
		String type = attributes.getOrDefault("type", "text").toLowerCase();
		return !Set.of("hidden", "checkbox", "radio").contains(type);
	}

	private static boolean setByThymeleaf(String attr, Map<String, String> attributes, String thAttr) {
		if (attributes.containsKey("th:" + attr)) {
			return true;
		}
		if ("value".equals(attr) && attributes.containsKey("th:field")) {
			return true;
		}
		return splitTopLevel(thAttr).stream()
			.anyMatch((a) -> a.contains("=") && a.substring(0, a.indexOf('=')).strip().equalsIgnoreCase(attr));
	}

	/**
	 * Quoted literals with letters in an expression, leaving out message keys
	 * ({@code #{...}}), method arguments and comparison operands
	 * ({@code errors.get('from')}, {@code menu == 'home'}): those are keys, not text.
	 */
	private static List<String> literalText(String expression) {
		String withoutKeys = removeMessageExpressions(expression);
		List<String> found = new ArrayList<>();
		Matcher literal = LITERAL.matcher(withoutKeys);
		while (literal.find()) {
			String before = withoutKeys.substring(0, literal.start()).stripTrailing();
			String after = withoutKeys.substring(literal.end()).stripLeading();
			boolean key = before.endsWith("(") || before.endsWith(",") || before.endsWith("[") || before.endsWith("==")
					|| before.endsWith("!=") || after.startsWith("==") || after.startsWith("!=");
			if (!key && LETTER.matcher(literal.group()).find()) {
				found.add(literal.group());
			}
		}
		return found;
	}

	private static String removeMessageExpressions(String expression) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < expression.length()) {
			if (expression.startsWith("#{", i)) {
				int depth = 0;
				int j = i + 1;
				for (; j < expression.length(); j++) {
					char c = expression.charAt(j);
					if (c == '{') {
						depth++;
					}
					else if (c == '}' && --depth == 0) {
						break;
					}
				}
				out.append("#{}");
				i = j + 1;
			}
			else {
				out.append(expression.charAt(i++));
			}
		}
		return out.toString();
	}

	/**
	 * Splits {@code th:attr} into its assignments at commas outside braces, brackets and
	 * quotes.
	 */
	private static List<String> splitTopLevel(String thAttr) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i < thAttr.length(); i++) {
			char c = thAttr.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '{' || c == '(' || c == '[')) {
				depth++;
			}
			else if (!quoted && (c == '}' || c == ')' || c == ']')) {
				depth--;
			}
			else if (!quoted && depth == 0 && c == ',') {
				parts.add(thAttr.substring(start, i));
				start = i + 1;
			}
		}
		if (start < thAttr.length()) {
			parts.add(thAttr.substring(start));
		}
		return parts;
	}

	/**
	 * A template's name and text, to say on which line a snippet is (the DOM parser keeps
	 * no line numbers).
	 */
	private record Source(String name, String html) {

		String at(String snippet) {
			int index = this.html.indexOf(snippet);
			long line = (index < 0) ? 0 : this.html.substring(0, index).chars().filter((c) -> c == '\n').count() + 1;
			return this.name + ":" + ((line > 0) ? line : "?");
		}

	}

	private static String abbreviate(String text) {
		String oneLine = text.replaceAll("\\s+", " ");
		return (oneLine.length() > 70) ? oneLine.substring(0, 67) + "..." : oneLine;
	}

}
