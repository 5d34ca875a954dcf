package org.handraise.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks a rendered page the way a browser would read it, with a real HTML parser
 * (jsoup), for anything that user text could have turned into markup:
 * <ul>
 * <li>an element whose tag no template makes ({@code <svg>}, {@code <iframe>},
 * {@code <b>}, {@code <style>}...);</li>
 * <li>an element that is one of the payload's own elements: the same tag with all the
 * payload's attributes ({@code <img src=x>}, {@code <a href=//elsewhere>},
 * {@code <meta http-equiv=refresh>}: tags the templates do make);</li>
 * <li>an attribute whose name starts with {@code on} (no template has one: CSP forbids
 * inline handlers);</li>
 * <li>a {@code javascript:} (or {@code vbscript:}, {@code data:text/html}) URL;</li>
 * <li>a {@code <script>} that is not the application's own: a {@code src} under
 * {@code /js/} or {@code /webjars/} and nothing inline.</li>
 * </ul>
 * And {@link #showsAsText} says whether the payload reached the page as text (or as a
 * form field's value).
 */
public final class InertHtml {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/**
	 * Every tag that some template makes, as jsoup parses the templates (with the html,
	 * head, body it adds).
	 */
	public static final Set<String> TEMPLATE_TAGS = templateTags();

	private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
			"poster", "background", "data", "srcset", "cite", "ping");

	private InertHtml() {
	}

	/**
	 * What is wrong with the page (empty when nothing user-made is live), for the given
	 * payloads.
	 */
	public static List<String> problems(String html, Collection<String> payloads) {
		Document page = Jsoup.parse(html);
		List<String> problems = new ArrayList<>();
		for (Element element : page.getAllElements()) {
			String tag = element.normalName();
			if (!TEMPLATE_TAGS.contains(tag)) {
				problems.add("an element no template makes: " + shorten(element));
			}
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				if (name.startsWith("on")) {
					problems.add("an event handler attribute " + name + ": " + shorten(element));
				}
				if (URL_ATTRIBUTES.contains(name) && isScriptUrl(attribute.getValue())) {
					problems.add("a script URL in " + name + ": " + shorten(element));
				}
			}
			if (tag.equals("script") && !isOwnScript(element)) {
				problems.add("a script that is not the application's own: " + shorten(element));
			}
		}
		for (String payload : payloads) {
			for (Element injected : Jsoup.parseBodyFragment(payload).body().children().select("*")) {
				if (injected.attributesSize() == 0) {
					continue;
				}
				for (Element element : page.getElementsByTag(injected.normalName())) {
					if (hasAll(element, injected)) {
						problems.add("an element made from user text " + shorten(injected) + ": " + shorten(element));
					}
				}
			}
		}
		return problems;
	}

	/**
	 * Whether {@code text} is on the page as text (one text node, or a run of them,
	 * exactly as typed: jsoup decodes the entities), or as the value of a form field or
	 * option.
	 */
	public static boolean showsAsText(String html, String text) {
		Document page = Jsoup.parse(html);
		if (page.wholeText().contains(text)) {
			return true;
		}
		return page.getElementsByAttribute("value").stream().anyMatch((e) -> e.attr("value").contains(text));
	}

	private static boolean isOwnScript(Element script) {
		String src = script.attr("src");
		return (src.startsWith("/js/") || src.startsWith("/webjars/")) && script.data().isBlank();
	}

	private static boolean isScriptUrl(String value) {
		String url = value.replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
		return url.startsWith("javascript:") || url.startsWith("vbscript:") || url.startsWith("data:text/html");
	}

	private static boolean hasAll(Element element, Element injected) {
		for (Attribute attribute : injected.attributes()) {
			if (!element.hasAttr(attribute.getKey())
					|| !element.attr(attribute.getKey()).equals(attribute.getValue())) {
				return false;
			}
		}
		return true;
	}

	private static String shorten(Element element) {
		String html = element.outerHtml().replaceAll("\\s+", " ");
		return (html.length() > 160) ? html.substring(0, 160) + "..." : html;
	}

	private static Set<String> templateTags() {
		Set<String> tags = new TreeSet<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				Jsoup.parse(Files.readString(template)).getAllElements().forEach((e) -> tags.add(e.normalName()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!tags.containsAll(List.of("html", "body", "main", "form", "input", "script"))) {
			throw new IllegalStateException("The templates were not read: " + tags);
		}
		return Set.copyOf(tags);
	}

}
