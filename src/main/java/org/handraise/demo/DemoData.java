package org.handraise.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.handraise.demo.DemoCatalog.Account;
import org.handraise.demo.DemoCatalog.Kind;
import org.handraise.demo.DemoCatalog.Note;
import org.handraise.demo.DemoCatalog.Step;
import org.handraise.demo.DemoCatalog.Story;
import org.handraise.people.PeopleService;
import org.handraise.requests.OfferView;
import org.handraise.requests.RequestSeeding;
import org.handraise.requests.RequestView;
import org.handraise.thanks.ThanksDraft;
import org.handraise.thanks.ThanksService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with the people, help requests, offers and thank-you notes of
 * {@link DemoCatalog}, so that every page shows something real right after the first
 * start.
 * <p>
 * Runs on startup when {@code handraise.demo-data} is true (the default; the
 * {@code postgres} profile turns it off), and only while nobody exists yet, so a restart
 * never loads it twice. It runs before the web server starts (a lifecycle phase below the
 * server's), so nobody can reach the sign-in page before the demo accounts exist.
 * Everything goes through the services, which check the same rules as for real people, in
 * one transaction: all of it or nothing. Times are relative to the {@link Clock} and
 * drawn from a seeded {@link Random}, so every load looks the same relative to its start,
 * and nothing is dated in the future.
 */
@Component
@ConditionalOnBooleanProperty(name = "handraise.demo-data", matchIfMissing = true)
class DemoData implements SmartLifecycle {

	/**
	 * Before the web server, which starts in {@code SmartLifecycle.DEFAULT_PHASE - 1024}.
	 */
	private static final int PHASE = 0;

	private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

	static final String PASSWORD = "demo";

	private static final long SEED = 42L;

	/** The newest event is at least this long before now. */
	private static final Duration MARGIN = Duration.ofMinutes(5);

	private static final Duration SHORTEST_GAP = Duration.ofMinutes(1);

	private final PeopleService people;

	private final RequestSeeding requests;

	private final ThanksService thanks;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private volatile boolean running;

	DemoData(PeopleService people, RequestSeeding requests, ThanksService thanks, PasswordEncoder passwordEncoder,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.people = people;
		this.requests = requests;
		this.thanks = thanks;
		this.passwordEncoder = passwordEncoder;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Override
	public void start() {
		load();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** Loads the demo data unless somebody exists already; true when it did. */
	boolean load() {
		Counts counts = this.transaction.execute((status) -> (this.people.count() == 0) ? fill() : null);
		if (counts == null) {
			logger.debug("People exist already; no demo data loaded");
			return false;
		}
		logger.info(
				"Loaded demo data: {} people, {} help requests, {} offers, {} thank-you notes; "
						+ "sign in as {} with password '{}'",
				counts.people(), counts.requests(), counts.offers(), counts.notes(),
				String.join(", ", DemoCatalog.SIGN_IN_NAMES), PASSWORD);
		return true;
	}

	private Counts fill() {
		String passwordHash = this.passwordEncoder.encode(PASSWORD);
		for (Account account : DemoCatalog.ACCOUNTS) {
			this.people.seed(account.username(), account.displayName(), account.team(), account.roles(),
					account.skills(), passwordHash, account.availability());
		}
		Instant now = this.clock.instant();
		Instant latest = now.minus(MARGIN);
		Random random = new Random(SEED);
		List<Story> oldestFirst = DemoCatalog.STORIES.stream()
			.sorted(Comparator.comparingDouble(Story::daysAgo).reversed())
			.toList();
		int offers = 0;
		int notes = 0;
		for (Story story : oldestFirst) {
			Instant posted = daysBefore(now, story.daysAgo()).minus(Duration.ofMinutes(random.nextInt(90)));
			List<Instant> times = timeline(posted, story.steps(), latest, random);
			RequestView request = this.requests.post(story.author(), story.draft(), posted);
			for (int i = 0; i < story.steps().size(); i++) {
				Step step = story.steps().get(i);
				request = play(story, request, step, times.get(i));
				offers += (step.kind() == Kind.OFFER) ? 1 : 0;
				notes += (step.kind() == Kind.THANK) ? 1 : 0;
			}
		}
		for (Note note : DemoCatalog.NOTES) {
			this.thanks.send(note.from(), new ThanksDraft(note.to(), note.message(), null, note.publicNote()),
					daysBefore(now, note.daysAgo()));
			notes++;
		}
		return new Counts(DemoCatalog.ACCOUNTS.size(), oldestFirst.size(), offers, notes);
	}

	private RequestView play(Story story, RequestView request, Step step, Instant at) {
		return switch (step.kind()) {
			case CLAIM, RELEASE, OFFER ->
				this.requests.act(step.who(), request.id(), step.kind().action, at, step.text(), null);
			case RESOLVE -> this.requests.act(story.author(), request.id(), step.kind().action, at, null,
					(step.who() != null) ? offerBy(request, step.who()) : null);
			case CANCEL, REOPEN ->
				this.requests.act(story.author(), request.id(), step.kind().action, at, step.text(), null);
			case THANK -> {
				this.thanks.send(story.author(),
						new ThanksDraft(step.who(), step.text(), request.id(), step.publicNote()), at);
				yield request;
			}
		};
	}

	/** The latest offer by {@code helper} on the request. */
	private static Long offerBy(RequestView request, String helper) {
		List<OfferView> offers = request.offers();
		for (int i = offers.size() - 1; i >= 0; i--) {
			if (offers.get(i).helper().username().equals(helper)) {
				return offers.get(i).id();
			}
		}
		throw new IllegalStateException(
				"Demo data: " + helper + " made no offer on '" + request.title() + "' to accept");
	}

	/**
	 * When each step happens: a random gap from the step kind's range after the one
	 * before, all gaps shrunk alike when they would not fit before {@code latest}.
	 */
	static List<Instant> timeline(Instant start, List<Step> steps, Instant latest, Random random) {
		long[] gaps = new long[steps.size()];
		long total = 0;
		for (int i = 0; i < gaps.length; i++) {
			Kind kind = steps.get(i).kind();
			long shortest = kind.shortest.toSeconds();
			gaps[i] = shortest + random.nextLong(kind.longest.toSeconds() - shortest + 1);
			total += gaps[i];
		}
		long room = Duration.between(start, latest).toSeconds();
		double scale = (total > room) ? (double) room / total : 1.0;
		List<Instant> times = new ArrayList<>();
		Instant at = start;
		for (long gap : gaps) {
			at = at.plusSeconds(Math.max(SHORTEST_GAP.toSeconds(), (long) (gap * scale)));
			times.add(at);
		}
		if (!times.isEmpty() && times.get(times.size() - 1).isAfter(latest)) {
			throw new IllegalStateException("Demo data: a story posted at " + start + " has too many steps to fit");
		}
		return times;
	}

	private static Instant daysBefore(Instant now, double days) {
		return now.minusSeconds(Math.round(days * Duration.ofDays(1).toSeconds()));
	}

	private record Counts(int people, int requests, int offers, int notes) {
	}

}
