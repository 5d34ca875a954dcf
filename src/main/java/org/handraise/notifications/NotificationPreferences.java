package org.handraise.notifications;

import java.util.EnumMap;
import java.util.Map;

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
