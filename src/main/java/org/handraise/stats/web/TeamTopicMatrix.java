package org.handraise.stats.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.handraise.stats.StatsReport.TeamTopicRow;

/**
 * The team x topic cells as a table for the dashboard: one row per topic, one column per
 * team; {@link #cell} is null where nobody in the team asked about the topic.
 */
public final class TeamTopicMatrix {

	private final List<String> teams;

	private final List<String> topics;

	private final Map<String, TeamTopicRow> cells = new LinkedHashMap<>();

	TeamTopicMatrix(List<TeamTopicRow> rows) {
		this.teams = rows.stream().map(TeamTopicRow::team).distinct().sorted().toList();
		this.topics = rows.stream().map(TeamTopicRow::topic).distinct().sorted().toList();
		rows.forEach((row) -> this.cells.put(key(row.team(), row.topic()), row));
	}

	public List<String> getTeams() {
		return this.teams;
	}

	public List<String> getTopics() {
		return this.topics;
	}

	public TeamTopicRow cell(String team, String topic) {
		return this.cells.get(key(team, topic));
	}

	private static String key(String team, String topic) {
		return team + '\u0000' + topic;
	}

}
