package org.handraise.security;

import org.handraise.people.PeopleService;
import org.handraise.shared.InvalidInputException;
import org.handraise.web.Texts;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * A signed-in person choosing a new password, from the profile page or the Welcome page:
 * refused while their name is locked, the new one typed twice, the current one required;
 * a wrong current password counts towards the sign-in lockout, so neither form is a way
 * around it. What happens after a change (the session, the next page) is the page's.
 */
@Component
class OwnPasswordChange {

	private final PeopleService people;

	private final LoginThrottle throttle;

	private final Texts texts;

	OwnPasswordChange(PeopleService people, LoginThrottle throttle, Texts texts) {
		this.people = people;
		this.throttle = throttle;
		this.texts = texts;
	}

	/**
	 * Changes {@code username}'s password as the form asks; whether it did. When it did
	 * not, {@code result} holds the field errors and the form has forgotten the passwords
	 * typed.
	 */
	boolean change(String username, PasswordChangeForm form, BindingResult result) {
		if (this.throttle.state(username) == LoginThrottle.State.LOCKED) {
			result.rejectValue("currentPassword", "locked", this.texts.of(SecurityMessages.LOCKED));
		}
		else if (form.getNewPassword() == null || !form.getNewPassword().equals(form.getConfirmPassword())) {
			result.rejectValue("confirmPassword", "mismatch", this.texts.of(SecurityMessages.PASSWORD_MISMATCH));
		}
		else {
			try {
				this.people.changeOwnPassword(username, form.getCurrentPassword(), form.getNewPassword());
				return true;
			}
			catch (InvalidInputException ex) {
				this.texts.reject(result, ex);
				if (ex.errors().stream().anyMatch((e) -> e.field().equals("currentPassword"))) {
					this.throttle.recordFailure(username);
				}
			}
		}
		form.forget();
		return false;
	}

}
