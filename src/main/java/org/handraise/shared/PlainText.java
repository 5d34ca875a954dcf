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
 * Text people type: anything goes (it is stored as typed and escaped on output) except
 * the NUL character and other C0 control characters but tab, line feed and carriage
 * return, which no keyboard produces and which PostgreSQL refuses to store.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "{handraise.validation.plain-text}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PlainText, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
					return false;
				}
				if (Character.isSurrogate(c)) {
					boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
							&& Character.isLowSurrogate(value.charAt(i + 1));
					if (!paired) {
						return false;
					}
					i++;
				}
			}
			return true;
		}

	}

}
