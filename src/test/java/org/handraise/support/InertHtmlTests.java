package org.handraise.support;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker the escaping tests rely on: it must see each way user text could become
 * live markup, in text and in attributes, and must not complain about the application's
 * own page.
 */
class InertHtmlTests {

	private static final String PAGE = """
			<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Handraise</title>
			<link rel="stylesheet" href="/css/handraise.css"></head><body><main id="main">
			<h1>%s</h1><form method="post" action="/thanks"><input type="text" name="q" value="%s">
			<textarea name="message">%s</textarea></form>
			<script src="/webjars/bootstrap/dist/js/bootstrap.bundle.min.js"></script>
			<script src="/js/handraise.js"></script>
			</main></body></html>""";

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			// where the text went unescaped | the payload
			"h1 | <script>alert(1)</script>", "h1 | <img src=x onerror=alert(1)>", "h1 | <b>bold</b>",
			"h1 | <a href=//ev.il/x>x</a>", "h1 | <a href=\"javascript:alert(1)\">x</a>",
			"h1 | <meta http-equiv=refresh content=0>", "value | `\" onfocus=\"alert(1)`",
			"value | `\"><svg onload=alert(1)>`", "textarea | </textarea><script>alert(1)</script>" })
	void unescapedTextIsCaughtWhereverItLands(String where, String payload) {
		String html = switch (where) {
			case "h1" -> PAGE.formatted(payload, "", "");
			case "value" -> PAGE.formatted("", payload, "");
			default -> PAGE.formatted("", "", payload);
		};
		assertThat(InertHtml.problems(html, List.of(payload))).as(html).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "\" onfocus=\"alert(1)", "</textarea><b>x</b>",
			"&lt;b&gt; already escaped" })
	void escapedTextIsInertAndShownAsTyped(String payload) {
		String escaped = payload.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
		for (String html : List.of(PAGE.formatted(escaped, "", ""), PAGE.formatted("", escaped, ""),
				PAGE.formatted("", "", escaped))) {
			assertThat(InertHtml.problems(html, List.of(payload))).as(html).isEmpty();
			assertThat(InertHtml.showsAsText(html, payload)).as(html).isTrue();
		}
	}

}
