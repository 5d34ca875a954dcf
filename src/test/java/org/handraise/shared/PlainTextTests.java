package org.handraise.shared;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTests {

	private static final char HIGH = '\uD83D';

	private static final char LOW = '\uDE00';

	private final PlainText.Validator validator = new PlainText.Validator();

	private static ValidatorFactory factory;

	@BeforeAll
	static void startBeanValidation() {
		factory = Validation.buildDefaultValidatorFactory();
	}

	@AfterAll
	static void stopBeanValidation() {
		factory.close();
	}

	static Stream<Named<String>> refused() {
		Stream<Named<String>> controls = IntStream.range(0, 0x20)
			.filter((c) -> c != '\t' && c != '\n' && c != '\r')
			.mapToObj((c) -> Named.of(String.format("U+%04X", c), "before" + (char) c + "after"));
		Stream<Named<String>> surrogates = Stream.of(Named.of("NUL alone", String.valueOf((char) 0)),
				Named.of("lone high surrogate", String.valueOf(HIGH)),
				Named.of("lone low surrogate", String.valueOf(LOW)),
				Named.of("high surrogate at the end", "smile " + HIGH),
				Named.of("low surrogate at the start", LOW + " smile"),
				Named.of("high surrogate before a letter", "a" + HIGH + "b"),
				Named.of("surrogates in the wrong order", "" + LOW + HIGH),
				Named.of("a good pair then a lone high surrogate", "" + HIGH + LOW + HIGH));
		return Stream.concat(controls, surrogates);
	}

	static Stream<Named<String>> accepted() {
		return Stream.of(Named.of("plain ASCII", "Why does my build fail?"), Named.of("space", " "),
				Named.of("tab", "col1\tcol2"), Named.of("line feed", "line one\nline two"),
				Named.of("carriage return and line feed", "line one\r\nline two\r"),
				Named.of("emoji", "Deploy is on fire 🔥😀🎉"),
				Named.of("emoji with skin tone and ZWJ", "👩🏽‍💻 and 👨‍👩‍👧"),
				Named.of("surrogate pair as escapes", "" + HIGH + LOW),
				Named.of("Arabic (RTL)", "مرحبا، لدي مشكلة في البناء"), Named.of("Hebrew (RTL)", "שלום עולם"),
				Named.of("RTL marks", "abc\u200F\u202Edef\u202C"), Named.of("Chinese", "构建失败了，怎么办？"),
				Named.of("Japanese", "ビルドが失敗します"), Named.of("Korean", "빌드가 실패합니다"),
				Named.of("HTML-ish", "<script>alert('x')</script> & &amp; <b>bold</b> \"quoted\""),
				Named.of("SQL-ish", "'; DROP TABLE people; --"), Named.of("accents", "Café naïve façade"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void controlCharactersAndLoneSurrogatesAreRefused(String text) {
		assertThat(this.validator.isValid(text, null)).isFalse();
		assertThat(this.validator.isValid(new StringBuilder(text), null)).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("accepted")
	void textPeopleTypeIsAccepted(String text) {
		assertThat(this.validator.isValid(text, null)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	void nullAndEmptyAreLeftToOtherConstraints(String text) {
		assertThat(this.validator.isValid(text, null)).isTrue();
	}

	record Sample(@PlainText String text, List<@PlainText String> tags) {
	}

	@Test
	void beanValidationRefusesANulOnAFieldAndInsideAList() {
		Validator beanValidator = factory.getValidator();

		Set<ConstraintViolation<Sample>> violations = beanValidator
			.validate(new Sample("a\u0000b", List.of("ok", "bad\u0007")));

		assertThat(violations).extracting((v) -> v.getPropertyPath().toString())
			.containsExactlyInAnyOrder("text", "tags[1].<list element>");
		assertThat(violations).extracting(ConstraintViolation::getMessageTemplate)
			.containsOnly("{handraise.validation.plain-text}");
	}

	@Test
	void beanValidationAcceptsUnicodeText() {
		Validator beanValidator = factory.getValidator();

		assertThat(beanValidator.validate(new Sample("你好 👋 مرحبا <b>", List.of("java", "日本語")))).isEmpty();
	}

}
