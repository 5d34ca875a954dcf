package org.handraise;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.handraise.shared.MessageKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message code the Java code uses exists in {@code messages.properties}, with the
 * arguments it is given, so no page or API answer can meet a missing message. Three ways
 * codes appear in Java, three checks:
 * <ul>
 * <li>the domain's sentences (refusals, bad input, not found, API errors) are
 * {@link MessageKey} enums: each constant's code exists and its text takes exactly
 * {@link MessageKey#arity()} arguments;</li>
 * <li>Bean Validation messages are {@code {code}} templates on the constraints: each
 * constraint of each constrained class names a code that exists (none falls back to
 * Hibernate Validator's own English);</li>
 * <li>codes written as string literals (flash messages, the coach's tips, relative times,
 * the statistics' labels): each literal shaped like a code of one of the families of
 * {@code messages.properties} exists.</li>
 * </ul>
 * (Templates are checked by {@code TemplateTextTests}.)
 */
class MessageCodesTests {

	private static final Path MAIN_JAVA = Path.of("src/main/java");

	private static final Path MESSAGES = Path.of("src/main/resources/messages.properties");

	/**
	 * A string literal that looks like a message code: two or more dot-separated
	 * segments.
	 */
	private static final Pattern CODE_LITERAL = Pattern.compile("\"([a-z][a-zA-Z0-9-]*(?:\\.[a-zA-Z0-9-]+)+)\"");

	/**
	 * Configuration properties and metric names share the "handraise." prefix; they are
	 * not messages.
	 */
	private static final Set<String> NOT_MESSAGE_FAMILIES = Set.of("handraise");

	private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

	private static final Pattern TEMPLATE_CODE = Pattern.compile("\\{([A-Za-z0-9_.\\-]+)}");

	private static Properties messages;

	private static JavaClasses classes;

	private static ValidatorFactory validation;

	@BeforeAll
	static void load() throws IOException {
		messages = new Properties();
		try (InputStream in = Files.newInputStream(MESSAGES)) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages("org.handraise");
		validation = jakarta.validation.Validation.buildDefaultValidatorFactory();
	}

	@AfterAll
	static void close() {
		validation.close();
	}

	@Test
	void everyMessageKeyExistsWithTheArgumentsItIsGiven() {
		List<Class<?>> keyTypes = classes.stream()
			.filter((c) -> c.isAssignableTo(MessageKey.class) && !c.isEquivalentTo(MessageKey.class))
			.map(JavaClass::reflect)
			.collect(Collectors.toList());
		assertThat(keyTypes).as("every MessageKey is an enum, so its codes can be listed").allMatch(Class::isEnum);
		assertThat(keyTypes).extracting(Class::getSimpleName)
			.as("guards against a check that passes because it finds nothing")
			.contains("RequestMessages", "ThanksMessages", "PeopleMessages", "TokenMessages", "StatsMessages",
					"SecurityMessages", "WebMessages");

		List<String> problems = new ArrayList<>();
		for (Class<?> type : keyTypes) {
			for (Object constant : type.getEnumConstants()) {
				MessageKey key = (MessageKey) constant;
				String where = type.getSimpleName() + "." + constant + " (" + key.code() + ")";
				String text = messages.getProperty(key.code());
				if (text == null) {
					problems.add(where + ": missing from messages.properties");
				}
				else if (key.arity() == 0) {
					// Spring returns a text without arguments as it is, without
					// MessageFormat
					if (text.contains("''") || TEMPLATE_CODE.matcher(text).find()) {
						problems.add(where + ": takes no arguments, but its text is written for MessageFormat");
					}
				}
				else if (LONE_APOSTROPHE.matcher(text).find()) {
					problems.add(where + ": MessageFormat drops a single apostrophe; write ''");
				}
				else {
					int arguments = new MessageFormat(text).getFormatsByArgumentIndex().length;
					if (arguments != key.arity()) {
						problems.add(where + ": the text takes " + arguments + " argument(s), the key " + key.arity());
					}
				}
			}
		}
		assertThat(problems).as("message keys that do not match messages.properties").isEmpty();
	}

	@Test
	void everyBeanValidationConstraintNamesAMessageCodeThatExists() {
		Validator validator = validation.getValidator();
		Set<String> constrained = new TreeSet<>();
		List<String> problems = new ArrayList<>();
		for (JavaClass type : classes) {
			if (type.isAnnotation() || type.isInterface() || type.isEnum() || type.isAnonymousClass()) {
				continue;
			}
			BeanDescriptor bean = validator.getConstraintsForClass(type.reflect());
			if (!bean.isBeanConstrained()) {
				continue;
			}
			constrained.add(type.getSimpleName());
			for (PropertyDescriptor property : bean.getConstrainedProperties()) {
				String where = type.getSimpleName() + "." + property.getPropertyName();
				property.getConstraintDescriptors().forEach((c) -> check(where, c, problems));
				for (ContainerElementTypeDescriptor element : property.getConstrainedContainerElementTypes()) {
					element.getConstraintDescriptors().forEach((c) -> check(where + "[]", c, problems));
				}
			}
		}
		assertThat(constrained).as("guards against a check that passes because it finds nothing")
			.contains("RequestDraft", "OfferDraft", "ThanksDraft", "PersonCommand");
		assertThat(problems).as("constraints whose message is not a code of messages.properties").isEmpty();
	}

	private static void check(String where, ConstraintDescriptor<?> constraint, List<String> problems) {
		String template = constraint.getMessageTemplate();
		String name = constraint.getAnnotation().annotationType().getSimpleName();
		Matcher code = TEMPLATE_CODE.matcher(template);
		if (!code.matches() || !code.group(1).startsWith("handraise.")) {
			problems.add(where + " @" + name + ": message " + template + " is not one of our codes");
		}
		else if (!messages.containsKey(code.group(1))) {
			problems.add(where + " @" + name + ": " + code.group(1) + " is missing from messages.properties");
		}
	}

	@Test
	void everyMessageCodeWrittenAsALiteralExists() throws IOException {
		Set<String> families = messages.stringPropertyNames()
			.stream()
			.map((key) -> key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.')))
			.filter((family) -> !NOT_MESSAGE_FAMILIES.contains(family))
			.collect(Collectors.toSet());
		Set<String> found = new TreeSet<>();
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
			for (Path file : files.filter((p) -> p.toString().endsWith(".java")).sorted().toList()) {
				Matcher literal = CODE_LITERAL.matcher(Files.readString(file));
				while (literal.find()) {
					String code = literal.group(1);
					if (families.contains(code.substring(0, code.indexOf('.')))) {
						found.add(code);
						if (!messages.containsKey(code)) {
							missing.add(MAIN_JAVA.relativize(file) + ": \"" + code + "\"");
						}
					}
				}
			}
		}
		assertThat(found).as("guards against a check that passes because it finds nothing")
			.contains("flash.request.posted", "coach.title.vague", "time.just-now", "refusal.claim.not-mentor");
		assertThat(missing).as("message codes in Java but missing from messages.properties").isEmpty();
	}

}
