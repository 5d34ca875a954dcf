package org.handraise.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The code in {@code messages.properties} of one constant of a {@link MessageKey} enum,
 * and how many arguments its text takes. Written on the constant, so the enum lists its
 * sentences and nothing else: {@code @Code(value = "refusal.claim.claimed-by", arity = 1)
 * CLAIM_CLAIMED_BY}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Code {

	/** The code in {@code messages.properties}. */
	String value();

	/** How many arguments the text takes ({@code {0}}, {@code {1}}, ...). */
	int arity() default 0;

}
