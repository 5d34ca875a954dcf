package org.handraise.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text whose every character can be seen: no Unicode format characters (category Cf),
 * which show nothing or reorder what is shown: zero-width spaces, direction overrides and
 * isolates (the "Trojan Source" trick), soft hyphens, byte order marks. Two topics or
 * titles that look the same then are the same text. Where {@link #joiners()} is true
 * (titles), the zero-width joiner and non-joiner stay allowed: emoji sequences (👩‍💻)
 * and several scripts (Persian, Indic) need them. Labels such as topics and skills allow
 * none.
 */
@Documented
@Constraint(validatedBy = VisibleText.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface VisibleText {

	String message() default "{handraise.validation.visible-text}";

	/** Whether the zero-width joiner (U+200D) and non-joiner (U+200C) are allowed. */
	boolean joiners() default true;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<VisibleText, CharSequence> {

		private boolean joiners;

		@Override
		public void initialize(VisibleText annotation) {
			this.joiners = annotation.joiners();
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || isVisible(value, this.joiners);
		}

		/**
		 * Whether {@code text} has no format character (but the joiners, if
		 * {@code joiners}).
		 */
		public static boolean isVisible(CharSequence text, boolean joiners) {
			return text.codePoints()
				.noneMatch(
						(c) -> Character.getType(c) == Character.FORMAT && !(joiners && (c == 0x200C || c == 0x200D)));
		}

	}

}
