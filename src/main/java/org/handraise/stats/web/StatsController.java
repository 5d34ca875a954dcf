package org.handraise.stats.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.handraise.people.PeopleService;
import org.handraise.requests.RequestQueries;
import org.handraise.shared.InvalidInputException;
import org.handraise.stats.StatsQuery;
import org.handraise.stats.StatsReport;
import org.handraise.stats.StatsService;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The statistics dashboard ({@code /stats}) and its CSV download
 * ({@code /stats/export.csv}) for managers and administrators (the page filter chain and
 * the service both check). The filters are a plain GET form; invalid filters re-render
 * the page with their messages.
 */
@Controller
@RequestMapping("/stats")
class StatsController {

	private final StatsService stats;

	private final PeopleService people;

	private final RequestQueries requests;

	private final MessageSource messages;

	StatsController(StatsService stats, PeopleService people, RequestQueries requests, MessageSource messages) {
		this.stats = stats;
		this.people = people;
		this.requests = requests;
		this.messages = messages;
	}

	@GetMapping
	String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String team, @RequestParam(required = false) String topic, Model model,
			Locale locale) {
		model.addAttribute("teams", this.people.teamNames());
		model.addAttribute("topics", this.requests.topicNames());
		model.addAttribute("fmt", new StatsFormat(this.messages));
		try {
			StatsQuery query = StatsQuery.parse(from, to, team, topic, this.stats.today());
			StatsReport report = this.stats.report(query);
			model.addAttribute("filter",
					new StatsFilter(query.from().toString(), query.to().toString(), query.team(), query.topic()));
			model.addAttribute("report", report);
			model.addAttribute("charts", StatsCharts.of(report, this.messages, locale));
			model.addAttribute("teamTopics", new TeamTopicMatrix(report.teams().byTopic()));
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.errors()
				.forEach((e) -> errors.merge(e.field(), this.messages.getMessage(e.message(), locale),
						(a, b) -> a + "; " + b));
			model.addAttribute("filter", new StatsFilter(from, to, team, topic));
			model.addAttribute("errors", errors);
		}
		return "stats/dashboard";
	}

	@GetMapping("/export.csv")
	ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String team, @RequestParam(required = false) String topic, Locale locale) {
		try {
			return StatsApiController
				.csvResponse(this.stats.report(StatsQuery.parse(from, to, team, topic, this.stats.today())));
		}
		catch (InvalidInputException ex) {
			return ResponseEntity.badRequest()
				.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.body(ex.errors()
					.stream()
					.map((e) -> e.field() + ": " + this.messages.getMessage(e.message(), locale))
					.collect(Collectors.joining("\n")));
		}
	}

}
