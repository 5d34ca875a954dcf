package org.handraise.home.web;

import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.handraise.requests.HomeView;
import org.handraise.requests.RequestQueries;
import org.handraise.stats.StatsQuery;
import org.handraise.stats.StatsReport;
import org.handraise.stats.StatsService;
import org.handraise.thanks.ThanksService;
import org.handraise.thanks.ThanksView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page answers "what's new for me?": what happened since the person's last visit
 * ({@link LastVisit}) to their requests, their claims and their thanks; then their open
 * requests; for mentors what they hold and may take; for managers and administrators two
 * headline figures of this week, from the statistics service (with its privacy floor),
 * and the way to {@code /stats}.
 */
@Controller
class HomeController {

	private static final Logger logger = LoggerFactory.getLogger(HomeController.class);

	/** The most thank-you notes "since your last visit" shows. */
	static final int THANKS = 8;

	private final RequestQueries requests;

	private final ThanksService thanks;

	private final StatsService stats;

	private final LastVisit lastVisit;

	HomeController(RequestQueries requests, ThanksService thanks, StatsService stats, LastVisit lastVisit) {
		this.requests = requests;
		this.thanks = thanks;
		this.stats = stats;
		this.lastVisit = lastVisit;
	}

	@GetMapping("/")
	String home(Principal me, HttpSession session, HttpServletRequest request, Model model) {
		LastVisit.Since since = this.lastVisit.since(me.getName(), session);
		// the thank-you notes first: the requests' read then brings their titles along
		AtomicReference<HomeView> read = new AtomicReference<>();
		List<ThanksView> notes = this.thanks.receivedSince(me.getName(), since.at(), THANKS, (requestIds) -> {
			read.set(this.requests.home(me.getName(), since.at(), requestIds));
			return read.get().headlines();
		});
		HomeView home = read.get();
		List<News> news = new ArrayList<>(home.news().size() + notes.size());
		home.news().forEach((item) -> news.add(News.of(item)));
		notes.forEach((note) -> news.add(News.of(note)));
		news.sort(Comparator.comparing(News::at).reversed());
		model.addAttribute("home", home);
		model.addAttribute("news", news);
		model.addAttribute("since", since);
		if (request.isUserInRole("MANAGER") || request.isUserInRole("ADMIN")) {
			thisWeek().ifPresent((week) -> model.addAttribute("week", week));
		}
		return "home";
	}

	/**
	 * This week's requests posted and median first response, each as the statistics show
	 * it; none when the statistics can't be computed now, so that the home page still
	 * works (the statistics page reports the failure).
	 */
	private Optional<StatsReport> thisWeek() {
		try {
			LocalDate today = this.stats.today();
			return Optional.of(this.stats.report(
					new StatsQuery(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today, null, null)));
		}
		catch (RuntimeException ex) {
			logger.warn("The home page shows no statistics: {}", ex.getClass().getSimpleName());
			return Optional.empty();
		}
	}

}
