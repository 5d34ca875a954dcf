package org.handraise.notifications.mail;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email settings ({@code handraise.mail.*}). Whether mail is sent at all is
 * {@code spring.mail.host}'s: without it nothing is sent and the mail is logged instead.
 *
 * @param from the From address ({@code Handraise <handraise@example.org>})
 * @param locale the language of the mails (people have no language of their own yet)
 * @param sendInterval how often due mail is looked for
 * @param batchSize how many mails are sent over one SMTP connection
 * @param maxAttempts how many times a mail is tried before it is given up (its row stays
 * {@code FAILED} with the last error)
 * @param backoff how long the first failed attempt waits; each further one waits twice as
 * long
 * @param maxBackoff the longest wait between two attempts
 * @param digestHour the hour (0-23, the server's time zone) at which digests go out
 * @param digestDay the day on which weekly digests go out
 * @param unsubscribeSecret the key that signs unsubscribe links; when empty, a random key
 * is made once and kept in the database ({@code mail_secrets}), shared by every instance
 */
@ConfigurationProperties("handraise.mail")
public record MailProperties(@DefaultValue("Handraise <handraise@localhost>") String from,
		@DefaultValue("en") Locale locale, @DefaultValue("10s") Duration sendInterval,
		@DefaultValue("50") int batchSize, @DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration backoff,
		@DefaultValue("1h") Duration maxBackoff, @DefaultValue("7") int digestHour,
		@DefaultValue("MONDAY") DayOfWeek digestDay, @DefaultValue("") String unsubscribeSecret) {

	/** How long to wait after the {@code attempts}-th failed attempt. */
	Duration backoffAfter(int attempts) {
		Duration wait = this.backoff;
		for (int i = 1; i < attempts && wait.compareTo(this.maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

}
