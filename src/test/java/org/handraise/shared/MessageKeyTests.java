package org.handraise.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MessageKeyTests {

	@Test
	void theCodeAndArityComeFromEachConstantsAnnotation() {
		assertThat(Sample.PLAIN.code()).isEqualTo("sample.plain");
		assertThat(Sample.PLAIN.arity()).isZero();
		assertThat(Sample.TWO.code()).isEqualTo("sample.two");
		assertThat(Sample.TWO.arity()).isEqualTo(2);
	}

	@Test
	void aMessageCarriesTheCodeAndItsArguments() {
		Message message = Sample.TWO.with("a", 1);
		assertThat(message.code()).isEqualTo("sample.two");
		assertThat(message.args()).containsExactly("a", 1);
	}

	@Test
	void aMessageWithTheWrongNumberOfArgumentsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Sample.TWO.with("a"))
			.withMessage("sample.two takes 2 argument(s), not 1");
	}

	@Test
	void aConstantWithoutItsCodeIsRefusedByName() {
		assertThatIllegalStateException().isThrownBy(Unannotated.LOST::code)
			.withMessage("Unannotated.LOST has no @Code");
	}

	@Test
	void aKeyThatIsNotAnEnumMustNameItsOwnCode() {
		MessageKey key = new MessageKey() {
		};
		assertThatIllegalStateException().isThrownBy(key::code).withMessageContaining("is not an enum");
	}

	enum Sample implements MessageKey {

		@Code("sample.plain")
		PLAIN,

		@Code(value = "sample.two", arity = 2)
		TWO

	}

	enum Unannotated implements MessageKey {

		LOST

	}

}
