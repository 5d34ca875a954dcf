package org.handraise.shared;

/**
 * The {@link Code} of each constant of a {@link MessageKey} enum, read once per enum and
 * then looked up by the constant's ordinal.
 */
final class MessageCodes {

	private static final ClassValue<Code[]> CODES = new ClassValue<>() {

		@Override
		protected Code[] computeValue(Class<?> type) {
			Object[] constants = type.getEnumConstants();
			Code[] codes = new Code[constants.length];
			for (Object constant : constants) {
				Enum<?> key = (Enum<?>) constant;
				Code code;
				try {
					code = type.getField(key.name()).getAnnotation(Code.class);
				}
				catch (NoSuchFieldException ex) {
					throw new IllegalStateException(ex);
				}
				if (code == null) {
					throw new IllegalStateException(
							type.getSimpleName() + "." + key.name() + " has no @" + Code.class.getSimpleName());
				}
				codes[key.ordinal()] = code;
			}
			return codes;
		}

	};

	private MessageCodes() {
	}

	static Code of(MessageKey key) {
		if (!(key instanceof Enum<?> constant)) {
			throw new IllegalStateException(key.getClass().getName()
					+ " is not an enum: a MessageKey that is not one implements code() and arity() itself");
		}
		return CODES.get(constant.getDeclaringClass())[constant.ordinal()];
	}

}
