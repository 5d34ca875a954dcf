package org.handraise.notifications;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's email settings ({@code notification_settings}): a row per category they
 * chose; a category without a row has its default.
 */
@Service
@Transactional(readOnly = true)
public class NotificationPreferences {

	private final JdbcClient jdbc;

	NotificationPreferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public NotificationSettings of(String username) {
		Map<NotificationCategory, Delivery> chosen = new EnumMap<>(NotificationCategory.class);
		this.jdbc.sql("select category, delivery from notification_settings where person = ?")
			.param(username)
			.query((rs) -> {
				chosen.put(NotificationCategory.valueOf(rs.getString(1)), Delivery.valueOf(rs.getString(2)));
			});
		return NotificationSettings.of(chosen);
	}

	/**
	 * The settings of each of {@code usernames} in one statement; everyone asked for is
	 * in the map (with the defaults when they chose nothing).
	 */
	public Map<String, NotificationSettings> of(Collection<String> usernames) {
		Map<String, Map<NotificationCategory, Delivery>> chosen = new HashMap<>();
		usernames.forEach((username) -> chosen.put(username, new EnumMap<>(NotificationCategory.class)));
		if (!usernames.isEmpty()) {
			this.jdbc.sql("select person, category, delivery from notification_settings where person in (:people)")
				.param("people", Set.copyOf(usernames))
				.query((rs) -> {
					chosen.get(rs.getString(1))
						.put(NotificationCategory.valueOf(rs.getString(2)), Delivery.valueOf(rs.getString(3)));
				});
		}
		Map<String, NotificationSettings> settings = new HashMap<>();
		chosen.forEach((username, deliveries) -> settings.put(username, NotificationSettings.of(deliveries)));
		return settings;
	}

	/**
	 * Turns these categories of {@code username}'s email off, keeping the others as they
	 * are (an unsubscribe link). Doing it twice changes nothing more.
	 */
	@Transactional
	public void turnOff(String username, Collection<NotificationCategory> categories) {
		for (NotificationCategory category : categories) {
			this.jdbc.sql("delete from notification_settings where person = ? and category = ?")
				.params(username, category.name())
				.update();
			this.jdbc.sql("insert into notification_settings (person, category, delivery) values (?, ?, ?)")
				.params(username, category.name(), Delivery.OFF.name())
				.update();
		}
	}

	/** Replaces {@code username}'s settings with these, every category stored. */
	@Transactional
	public NotificationSettings change(String username, NotificationSettings settings) {
		this.jdbc.sql("delete from notification_settings where person = ?").param(username).update();
		for (NotificationCategory category : NotificationCategory.values()) {
			this.jdbc.sql("insert into notification_settings (person, category, delivery) values (?, ?, ?)")
				.params(username, category.name(), settings.of(category).name())
				.update();
		}
		return settings;
	}

}
