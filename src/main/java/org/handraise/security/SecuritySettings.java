package org.handraise.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-in and sessions ({@code handraise.security.*}).
 *
 * @param lockout how many failed sign-ins for one account name within {@code window} lock
 * it, and for how long
 * @param addressLockout how many failed sign-ins from one client address within
 * {@code window} stop every sign-in from it, and for how long
 * @param session the absolute lifetime of a signed-in session (the idle timeout is
 * {@code server.servlet.session.timeout})
 */
@ConfigurationProperties("handraise.security")
public record SecuritySettings(@DefaultValue Lockout lockout, @DefaultValue AddressLockout addressLockout,
		@DefaultValue Session session) {

	/**
	 * @param maxFailures failed sign-ins within {@code window} that lock the account name
	 * (default 5)
	 * @param window how far back failures count (default 15 minutes)
	 * @param duration the cooling-off period during which every attempt is refused
	 * (default 15 minutes)
	 */
	public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration duration) {
	}

	/**
	 * @param maxFailures failed sign-ins from one client address (whatever the account
	 * names) within {@code window} that stop every sign-in from it (default 20: a few
	 * people behind one address who mistype now and then do not reach it, one address
	 * cannot keep more than four accounts locked)
	 * @param window how far back failures count (default 15 minutes)
	 * @param duration how long every sign-in from the address is refused (default 15
	 * minutes)
	 */
	public record AddressLockout(@DefaultValue("20") int maxFailures, @DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration duration) {

		Lockout asLockout() {
			return new Lockout(this.maxFailures, this.window, this.duration);
		}

	}

	/**
	 * @param absoluteTimeout a session older than this ends, however active it is
	 * (default 12 hours)
	 */
	public record Session(@DefaultValue("12h") Duration absoluteTimeout) {
	}

}
