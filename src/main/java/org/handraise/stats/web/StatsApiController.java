package org.handraise.stats.web;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.handraise.stats.StatsCsv;
import org.handraise.stats.StatsQuery;
import org.handraise.stats.StatsReport;
import org.handraise.stats.StatsService;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/stats} (JSON) and {@code GET /api/stats.csv}: the manager statistics
 * for a period ({@code from}, {@code to} as {@code YYYY-MM-DD}, default the last eight
 * weeks), optionally one {@code team} and one {@code topic}. Managers and administrators
 * only (403 for everyone else, checked before the parameters); bad dates, {@code from}
 * after {@code to}, or an unknown team or topic are a 400 problem with {@code errors}.
 */
@RestController
@RequestMapping("/api")
@PreAuthorize("hasAnyRole('MANAGER','ADMIN')")
@Tag(name = "Statistics", description = "How asking for help goes, for managers and administrators")
class StatsApiController {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final StatsService stats;

	StatsApiController(StatsService stats) {
		this.stats = stats;
	}

	@GetMapping("/stats")
	@Operation(summary = "The statistics for a period, optionally one team and one topic (managers, administrators)")
	StatsReport stats(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String team, @RequestParam(required = false) String topic) {
		return this.stats.report(StatsQuery.parse(from, to, team, topic, this.stats.today()));
	}

	@GetMapping("/stats.csv")
	@Operation(summary = "The same statistics as CSV, one section per table (managers, administrators)")
	ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String team, @RequestParam(required = false) String topic) {
		StatsReport report = this.stats.report(StatsQuery.parse(from, to, team, topic, this.stats.today()));
		return csvResponse(report);
	}

	static ResponseEntity<String> csvResponse(StatsReport report) {
		String filename = "handraise-stats-" + report.period().from() + "-to-" + report.period().to() + ".csv";
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(StatsCsv.write(report));
	}

}
