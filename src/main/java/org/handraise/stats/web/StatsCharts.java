package org.handraise.stats.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.handraise.stats.StatsReport;
import org.handraise.stats.StatsReport.AgeBucket;
import org.handraise.stats.StatsReport.Helper;
import org.handraise.stats.StatsReport.TeamRow;
import org.handraise.stats.StatsReport.Week;

import org.springframework.context.MessageSource;

/**
 * What each chart on the dashboard draws, as JSON for a {@code data-chart} attribute that
 * {@code /js/stats.js} reads: data, not script. A suppressed figure is {@code null},
 * which the chart leaves out (its table says "fewer than 3").
 */
final class StatsCharts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The most helpers the helper-load chart shows (the table lists them all). */
	static final int HELPERS_IN_CHART = 10;

	private final MessageSource messages;

	private final Locale locale;

	private StatsCharts(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/**
	 * Chart id to its JSON spec: {@code weekly}, {@code response}, {@code backlog},
	 * {@code teams}, {@code helpers}.
	 */
	static Map<String, String> of(StatsReport report, MessageSource messages, Locale locale) {
		StatsCharts charts = new StatsCharts(messages, locale);
		Map<String, String> specs = new LinkedHashMap<>();
		specs.put("weekly", JSON.writeValueAsString(charts.weekly(report.weekly())));
		specs.put("response", JSON.writeValueAsString(charts.response(report)));
		specs.put("backlog", JSON.writeValueAsString(charts.backlog(report.backlog())));
		specs.put("teams", JSON.writeValueAsString(charts.teams(report.teams().rows())));
		specs.put("helpers", JSON.writeValueAsString(charts.helpers(report.helpers())));
		return specs;
	}

	private Map<String, Object> weekly(List<Week> weeks) {
		return spec("bar", false, weekLabels(weeks), msg("stats.chart.requests"), null,
				dataset(msg("stats.weekly.posted"), "bar", weeks.stream().map(Week::posted).toList()),
				dataset(msg("stats.weekly.resolved"), "line", weeks.stream().map(Week::resolved).toList()));
	}

	private Map<String, Object> response(StatsReport report) {
		List<Week> weeks = report.weekly();
		List<Double> hours = weeks.stream()
			.map((w) -> (w.medianFirstResponseMinutes() == null) ? null
					: Math.round(w.medianFirstResponseMinutes() / 6.0) / 10.0)
			.toList();
		List<Long> target = weeks.stream().map((w) -> report.period().firstResponseTargetHours()).toList();
		Map<String, Object> targetLine = dataset(msg("stats.chart.target"), "line", target);
		targetLine.put("dashed", true);
		return spec("line", false, weekLabels(weeks), msg("stats.chart.hours"), null,
				dataset(msg("stats.weekly.median"), "line", hours), targetLine);
	}

	private Map<String, Object> backlog(StatsReport.Backlog backlog) {
		List<String> labels = backlog.ageBuckets().stream().map((b) -> msg("stats.backlog." + b.bucket())).toList();
		return spec("bar", false, labels, msg("stats.chart.requests"), null, dataset(msg("stats.backlog.unclaimed"),
				"bar", backlog.ageBuckets().stream().map(AgeBucket::count).toList()));
	}

	private Map<String, Object> teams(List<TeamRow> rows) {
		List<String> labels = rows.stream().map(TeamRow::team).toList();
		List<Double> percent = rows.stream()
			.map((r) -> (r.askedShare() == null) ? null : Math.round(r.askedShare() * 1000) / 10.0)
			.toList();
		return spec("bar", false, labels, msg("stats.chart.percent"), 100,
				dataset(msg("stats.teams.askedShare"), "bar", percent));
	}

	private Map<String, Object> helpers(List<Helper> helpers) {
		List<Helper> top = helpers.subList(0, Math.min(HELPERS_IN_CHART, helpers.size()));
		return spec("bar", true, top.stream().map(Helper::displayName).toList(), msg("stats.chart.count"), null,
				dataset(msg("stats.helpers.offers"), "bar", top.stream().map(Helper::offers).toList()),
				dataset(msg("stats.helpers.claims"), "bar", top.stream().map(Helper::claims).toList()),
				dataset(msg("stats.helpers.openClaims"), "bar", top.stream().map(Helper::openClaims).toList()));
	}

	@SafeVarargs
	private static Map<String, Object> spec(String type, boolean horizontal, List<String> labels, String axis,
			Integer max, Map<String, Object>... datasets) {
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("type", type);
		spec.put("horizontal", horizontal);
		spec.put("labels", labels);
		spec.put("axis", axis);
		spec.put("max", max);
		spec.put("integer", max == null && !"line".equals(type));
		spec.put("datasets", List.of(datasets));
		return spec;
	}

	private static Map<String, Object> dataset(String label, String type, List<?> data) {
		Map<String, Object> dataset = new LinkedHashMap<>();
		dataset.put("label", label);
		dataset.put("type", type);
		dataset.put("data", new ArrayList<>(data));
		return dataset;
	}

	private List<String> weekLabels(List<Week> weeks) {
		return weeks.stream().map((w) -> StatsFormat.dates(this.locale).format(w.weekStart())).toList();
	}

	private String msg(String code) {
		return this.messages.getMessage(code, null, this.locale);
	}

}
