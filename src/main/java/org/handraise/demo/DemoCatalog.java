package org.handraise.demo;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.handraise.people.Role;
import org.handraise.requests.Action;
import org.handraise.requests.RequestDraft;
import org.handraise.requests.Urgency;

/**
 * What the demo data contains: the people, the help requests with what happened to each
 * of them, and a few thank-you notes that belong to no request. Only data;
 * {@link DemoData} plays it through the services, so every rule (who may claim, offer,
 * resolve, thank) is checked exactly as for real people.
 * <p>
 * A story's {@code daysAgo} is when it was posted; its steps follow in order, with gaps
 * the loader picks (deterministically) from each step kind's range and shrinks so that
 * nothing lands in the future.
 */
final class DemoCatalog {

	private DemoCatalog() {
	}

	private static final boolean NAMED = false;

	/** The accounts the log line suggests signing in with (password {@code demo}). */
	static final List<String> SIGN_IN_NAMES = List.of("alice", "bob", "maria", "marco", "grace", "admin");

	static final List<Account> ACCOUNTS = List.of(employee("alice", "Alice Martin", "Platform"),
			employee("bob", "Bob Okafor", "Mobile"),
			mentor("maria", "Maria Rossi", "Platform", "Mornings, Tue-Thu", "java", "spring", "sql"),
			mentor("marco", "Marco Bianchi", "Data", "Afternoons, not on Fridays", "python", "sql", "kubernetes"),
			new Account("grace", "Grace Lindqvist", null, Set.of(Role.MANAGER), List.of(), null),
			new Account("admin", "Handraise Admin", null, Set.of(Role.ADMIN), List.of(), null),
			employee("priya", "Priya Raman", "Platform"), employee("sam", "Sam Keller", "Platform"),
			employee("tom", "Tom Becker", "Mobile"), employee("nina", "Nina Kowalski", "Mobile"),
			mentor("lena", "Lena Novak", "Mobile", "Mon, Wed, Fri after 2pm", "ios", "android", "kotlin"),
			employee("omar", "Omar Haddad", "Data"), employee("yuki", "Yuki Tanaka", "Data"),
			employee("jonas", "Jonas Weber", "Data"));

	// Final status of each story in the comment before it; the loader's test checks that
	// every status occurs.
	static final List<Story> STORIES = List.of(
			// RESOLVED, mentor's offer accepted
			ask(54, "alice", Urgency.HIGH, NAMED, List.of("java", "spring"),
					"Service won't start after the Boot upgrade: no DataSource bean",
					"After bumping billing-service to the new Spring Boot version it fails at startup with "
							+ "'No qualifying bean of type DataSource'. Nothing else changed in the branch.",
					"Cleaned the build, compared application.properties with main, checked the dependency tree.",
					claim("maria"),
					offer("maria",
							"The JDBC auto-configuration moved into its own module. Add "
									+ "spring-boot-starter-jdbc (or the data-jpa starter) and it comes back; "
									+ "I paired with Sam on the same thing last week."),
					accept("maria"),
					thankPublicly("maria", "Saved my release day. Thank you for the quick pairing session!")),
			// RESOLVED, no offer accepted: found it in the wiki
			ask(52, "bob", Urgency.NORMAL, NAMED, List.of("git"),
					"How do I undo a commit I already pushed to the shared release branch?",
					"I pushed a debug commit to release/4.2 by mistake. Others have pulled since, so I'd rather "
							+ "not rewrite history.",
					"Read about git reset but that seems to need a force push.",
					offer("tom", "git revert <sha> creates a new commit that undoes it, no force push needed."),
					resolve(), thankPrivately("tom", "Thanks Tom, the wiki page said the same; revert worked fine.")),
			// OPEN, old and never claimed
			ask(47, "omar", Urgency.LOW, NAMED, List.of("python", "onboarding"),
					"Best way to share one Python environment across the data team?",
					"Every new joiner spends a day getting the right versions of numpy, pandas and our internal "
							+ "packages. Is there a recommended setup (conda, uv, a dev container)?",
					"Tried a requirements.txt in the repo, but the pins drift."),
			// OPEN, old and never claimed
			ask(38, "jonas", Urgency.LOW, NAMED, List.of("sql"), "Naming conventions for analytics views?",
					"We have views called v_orders, orders_view and rpt_orders_2 that all do similar things. "
							+ "Is there a convention I should follow for new ones?",
					null),
			// CANCELLED
			ask(42, "sam", Urgency.HIGH, NAMED, List.of("ci"), "Jenkins agent keeps running out of disk during builds",
					"The agent 'build-03' fails about every third build with 'No space left on device'. Builds "
							+ "are blocked for the whole Platform team.",
					"Deleted old workspaces by hand, which buys a day or two.", cancel()),
			// RESOLVED, two offers, the mentor's accepted; public and private thanks
			ask(44, "yuki", Urgency.NORMAL, NAMED, List.of("python"),
					"MemoryError when training the churn model locally",
					"Training on the full 2023 extract crashes with MemoryError on my 16 GB laptop. The same "
							+ "notebook runs on the shared server.",
					"Reduced the batch size and dropped unused columns.",
					offer("omar",
							"Try reading the parquet files with only the columns you need and categorical "
									+ "dtypes; that halved memory for me."),
					offer("marco",
							"Use the chunked loader in our ml-utils package and train incrementally; "
									+ "I added an example to the README."),
					accept("marco"),
					thankPublicly("marco", "The chunked loader did it, the model trains in 20 minutes now."),
					thankPrivately("omar", "Your dtype tip helped too, thanks!")),
			// RESOLVED, mentor's offer accepted
			ask(50, "bob", Urgency.HIGH, NAMED, List.of("ios"), "Push notifications don't arrive on TestFlight builds",
					"Pushes work on debug builds from Xcode but never arrive on TestFlight builds of the "
							+ "Mobile app. Nothing in the device logs.",
					"Regenerated the APNs key and checked the bundle id.", claim("lena"),
					offer("lena",
							"TestFlight builds use the production APNs environment; the backend still "
									+ "sends to sandbox. Switch the environment flag for release builds."),
					accept("lena"),
					thankPublicly("lena", "Lena spotted in five minutes what I'd been chasing for two days.")),
			// RESOLVED, reopened once (the accepted answer did not fit after all), then a
			// second one accepted
			ask(40, "priya", Urgency.NORMAL, NAMED, List.of("spring", "java"),
					"How do I mock a WebClient in unit tests?",
					"Our PaymentClient wraps WebClient and I want to test the error handling without a "
							+ "running server.",
					"Mockito deep stubs, which get very brittle.",
					offer("sam", "We use MockWebServer from OkHttp for that, example in inventory-service."),
					accept("sam"),
					reopen("MockWebServer still needs a running server in the unit tests; I'm after something"
							+ " lighter."),
					offer("maria",
							"Since the client is built from WebClient.Builder, give it an "
									+ "ExchangeFunction stub in the test; no server and no deep stubs."),
					accept("maria"),
					thankPublicly("maria", "Exactly what I needed, and the test runs in milliseconds."),
					thankPrivately("sam",
							"Thanks for jumping in, MockWebServer is still handy for the " + "integration tests.")),
			// RESOLVED without an offer: a mentor asked and found it himself
			ask(36, "marco", Urgency.LOW, NAMED, List.of("java"), "Which JDK should new data services use?",
					"We're starting two small JVM services in the Data team. Platform has a standard image, "
							+ "but I can't find which JDK version it ships.",
					null, resolve()),
			// RESOLVED, peer's offer accepted although a mentor claimed and answered too
			ask(33, "nina", Urgency.HIGH, NAMED, List.of("android", "ci"),
					"Gradle sync fails after the Android Gradle Plugin update",
					"Since the AGP update, sync fails with 'Namespace not specified' in two library modules. "
							+ "CI is red for the Mobile team.",
					"Invalidated caches, deleted .gradle, tried the previous Gradle wrapper.", claim("lena"),
					offer("tom",
							"Add namespace = \"...\" to each library module's android block; the "
									+ "manifest package attribute is no longer read."),
					offer("lena",
							"Tom is right; also remove the package attribute from the manifests or "
									+ "you'll get a warning storm."),
					accept("tom"), thankPublicly("tom", "Green build again, thanks Tom!"),
					thankPrivately("lena", "Thanks for double-checking and for the cleanup tip.")),
			// RESOLVED, mentor's offer accepted
			ask(26, "omar", Urgency.NORMAL, NAMED, List.of("kubernetes"),
					"Helm chart: how do we keep values per environment?",
					"The feature-store chart has one values.yaml with if/else blocks per environment. It's "
							+ "getting hard to read. What does Platform do?",
					"Looked at the Helm docs on multiple values files.", claim("marco"),
					offer("marco",
							"One values.yaml with defaults plus values-staging.yaml and "
									+ "values-prod.yaml, passed with -f in the deploy job. I'll show you our layout."),
					accept("marco"),
					thankPublicly("marco", "The chart is half the size now. Thanks for the walkthrough.")),
			// OPEN, claimed by a mentor and released again, nobody has picked it up since
			ask(29, "tom", Urgency.NORMAL, NAMED, List.of("ci", "android"), "Android build on CI takes 25 minutes",
					"Our pull-request build went from 8 to 25 minutes over the last months. Any tips for "
							+ "Gradle build caching on the CI runners?",
					"Enabled the Gradle configuration cache locally; CI didn't get faster.", claim("lena"),
					release("lena")),
			// CANCELLED after a mentor claimed it
			ask(16, "yuki", Urgency.NORMAL, NAMED, List.of("kubernetes"), "Access to the GPU node pool for experiments",
					"I'd like to try a bigger model but my namespace can't schedule on the GPU nodes.", null,
					claim("marco"), cancel()),
			// RESOLVED without an offer: the claimer pointed the way in chat
			ask(22, "priya", Urgency.LOW, NAMED, List.of("onboarding"),
					"Where is the VPN setup guide for Linux laptops?",
					"The onboarding page links to a guide for macOS and Windows only.",
					"Searched the wiki for 'VPN' and 'WireGuard'.", claim("maria"), resolve()),
			// RESOLVED, peer's offer accepted
			ask(18, "alice", Urgency.NORMAL, NAMED, List.of("ci", "git"),
					"GitHub Actions cache never hits on our Maven builds",
					"The actions/cache step always reports a miss, so every build downloads the whole "
							+ "Maven repository again.",
					"Checked that the path is ~/.m2/repository.",
					offer("jonas",
							"Your cache key hashes **/pom.xml, which includes the generated pom in "
									+ "target/. Exclude it, or use setup-java's built-in cache: maven."),
					accept("jonas"), thankPublicly("jonas", "Builds are three minutes faster. Thanks, Jonas!")),
			// RESOLVED, mentor's offer accepted, private thanks only
			ask(15, "tom", Urgency.LOW, NAMED, List.of("ios"), "Swift package resolution hangs in Xcode",
					"Resolving packages hangs forever on one internal package. Colleagues on the same "
							+ "branch don't have the problem.",
					"Reset package caches, restarted Xcode.",
					offer("lena",
							"Your git credentials for the internal host expired; Xcode just waits "
									+ "for them. Re-add the account under Settings > Accounts."),
					accept("lena"), thankPrivately("lena", "That was it. Thanks, Lena!")),
			// RESOLVED, mentor's offer accepted
			ask(12, "sam", Urgency.HIGH, NAMED, List.of("sql", "java"), "Order list page issues hundreds of queries",
					"The orders page got slow; the SQL log shows one query for the orders and then one per "
							+ "order for its lines.",
					"Added FetchType.EAGER, which made other pages slower.", claim("maria"),
					offer("maria",
							"Keep LAZY and fetch the lines for the page in one go: an entity graph on "
									+ "the repository method, or default_batch_fetch_size. I'll review your PR."),
					accept("maria"), thankPublicly("maria", "From 300 queries to 2. Thanks for the patient review!")),
			// ANSWERED, anonymous
			askAnonymously(11, "alice", Urgency.LOW, List.of("onboarding"),
					"Is it OK to ask for a mentor outside my own team?",
					"I'd like to learn more about data engineering, but I'm on Platform. Would it be odd to "
							+ "ask someone in Data to mentor me?",
					null, offer("priya", "Not odd at all, I did that with Mobile last year. Managers like it."),
					offer("maria",
							"Please do! Talk to Marco; and Grace runs the cross-team mentoring " + "programme.")),
			// CANCELLED after a peer answered
			ask(10, "nina", Urgency.NORMAL, NAMED, List.of("android"), "Android emulator won't start on my laptop",
					"The emulator window opens and closes right away. No error in Android Studio.",
					"Wiped the AVD data, tried a different system image.",
					offer("tom", "Check whether hardware acceleration is enabled in the BIOS."), cancel()),
			// ANSWERED, two offers waiting
			ask(9, "omar", Urgency.HIGH, NAMED, List.of("sql"), "Deadlock in the nightly import",
					"The nightly import into the warehouse fails about once a week with a deadlock between "
							+ "the staging insert and the dedup update.",
					"Retried the job, which works, but I'd like to fix it properly.",
					offer("marco",
							"Both statements lock rows in different orders. Sort the batch by the "
									+ "natural key before the insert and the deadlock should go away."),
					offer("maria", "Also consider running the dedup as a single MERGE statement.")),
			// RESOLVED, mentor's offer accepted
			ask(8, "jonas", Urgency.NORMAL, NAMED, List.of("python", "sql"), "Parametrised IN clause with SQLAlchemy",
					"I need WHERE customer_id IN (...) with a list from Python. String formatting works but "
							+ "feels wrong.",
					"Tried passing a tuple as a parameter.", claim("marco"),
					offer("marco",
							"Use bindparam('ids', expanding=True) and pass the list; SQLAlchemy "
									+ "expands it safely."),
					accept("marco"), thankPublicly("marco", "Works great and no more string formatting. Thank you!")),
			// ANSWERED, a manager asking
			ask(7, "grace", Urgency.NORMAL, NAMED, List.of("onboarding"),
					"Onboarding plan for two new hires starting Monday",
					"Two developers join Platform and Mobile next week. What should their first week look "
							+ "like so they're not just reading documents?",
					"Reused last year's checklist, but half the links are dead.",
					offer("priya", "Give them a small real ticket on day two and a buddy; happy to be one."),
					offer("bob",
							"For Mobile: have the device lab access and certificates ready before day "
									+ "one, that took me a week.")),
			// ANSWERED by the claiming mentor
			ask(6, "tom", Urgency.NORMAL, NAMED, List.of("kotlin", "android"),
					"Coroutine keeps running after leaving the screen",
					"A polling coroutine started in our ViewModel keeps running after the user navigates "
							+ "away. Where should it be launched?",
					"Used GlobalScope.launch, which I now read is a bad idea.", claim("lena"),
					offer("lena",
							"Launch it in viewModelScope and collect with repeatOnLifecycle(STARTED) "
									+ "in the fragment; it then stops with the screen.")),
			// OPEN, nobody has answered yet
			ask(6, "yuki", Urgency.NORMAL, NAMED, List.of("python", "sql"),
					"pandas read_sql is very slow on the events table",
					"Loading one day of events (2 million rows) with pandas.read_sql takes 15 minutes.",
					"Selected fewer columns; added a date filter."),
			// CLAIMED, released by one mentor and claimed by another
			ask(5, "yuki", Urgency.NORMAL, NAMED, List.of("kubernetes"), "Can't read secrets in the data namespace",
					"My job fails with 'secrets is forbidden' since the cluster migration.",
					"Checked that the secret exists with kubectl get secrets.", claim("maria"), release("maria"),
					claim("marco")),
			// CLAIMED
			ask(4, "priya", Urgency.NORMAL, NAMED, List.of("spring", "sql"),
					"Transaction doesn't roll back in an @Async method",
					"An exception in our @Async report job leaves half-written rows behind, although the "
							+ "method is @Transactional.",
					"Moved @Transactional to the class level.", claim("maria")),
			// ANSWERED
			ask(3.5, "alice", Urgency.LOW, NAMED, List.of("git"), "Rebase or merge for long-running feature branches?",
					"Our feature branches live for a week or two. Should we rebase on main or merge main "
							+ "in? The team is split.",
					null, offer("sam", "We rebase daily and squash on merge; history stays readable."),
					offer("maria",
							"Either works if it's consistent; shorter branches help more than the "
									+ "choice. Happy to talk it through in the Platform sync.")),
			// OPEN, anonymous
			askAnonymously(3, "alice", Urgency.NORMAL, List.of("onboarding"),
					"How are levels and promotions decided here?",
					"I've been here six months and I'm not sure what's expected for the next level or who "
							+ "decides. Is there a written framework?",
					"Looked through the HR pages."),
			// CLAIMED, urgent
			ask(2, "bob", Urgency.HIGH, NAMED, List.of("ios"), "App Store build rejected: missing privacy manifest",
					"Our release was rejected because a third-party SDK has no privacy manifest. The "
							+ "release is planned for Thursday.",
					"Updated the SDK to the latest version.", claim("lena")),
			// OPEN, urgent and recent
			ask(1.5, "priya", Urgency.HIGH, NAMED, List.of("kubernetes"), "Pod stuck in CrashLoopBackOff in staging",
					"The new notification-service pod restarts every minute in staging. The logs end "
							+ "without an error.",
					"Compared the config with prod; increased the memory limit."),
			// CLAIMED
			ask(1, "sam", Urgency.LOW, NAMED, List.of("sql"), "Query plan differs between staging and production",
					"The same report query uses an index in staging but a sequential scan in production.",
					"Ran ANALYZE on the table in staging.", claim("maria")),
			// CLAIMED
			ask(0.8, "jonas", Urgency.NORMAL, NAMED, List.of("python"), "Airflow DAG doesn't pick up its new schedule",
					"I changed schedule_interval from daily to hourly, deployed, and the DAG still runs "
							+ "once a day.",
					"Cleared the DAG runs in the UI.", claim("marco")),
			// OPEN, posted this morning
			ask(0.4, "sam", Urgency.NORMAL, NAMED, List.of("java", "ci"), "Test passes locally but is flaky on CI",
					"OrderServiceTests.shipsOnTime fails about one run in five on CI, never on my machine.", null),
			// OPEN again: resolved, thanked, then reopened because the bug came back
			ask(20, "nina", Urgency.NORMAL, NAMED, List.of("android", "kotlin"),
					"Deep links open the wrong screen on Android 14",
					"Links to /orders/{id} open the home screen on Android 14 devices only.",
					"Checked the intent filters and tested with adb.", claim("lena"),
					offer("lena",
							"Android 14 needs the autoVerify host list to match exactly; add the "
									+ "www. host to the intent filter."),
					accept("lena"), thankPublicly("lena", "Deep links work again, thanks Lena!"),
					reopen("The bug is back on Android 14 QPR2: links open the home screen again.")));

	/** Thanks for help that never went through a request. */
	static final List<Note> NOTES = List.of(
			new Note(25, "grace", "maria", "Thank you for the Spring Boot brown-bag session, the team loved it.", true),
			new Note(13, "priya", "alice", "Thanks for showing me around the deploy pipeline in my first week.", true),
			new Note(9, "bob", "nina", "Thanks for covering my on-call shift at short notice.", false));

	// the vocabulary of the table

	record Account(String username, String displayName, String team, Set<Role> roles, List<String> skills,
			String availability) {
	}

	record Story(double daysAgo, String author, Urgency urgency, boolean anonymous, List<String> topics, String title,
			String details, String triedSoFar, List<Step> steps) {

		RequestDraft draft() {
			return new RequestDraft(this.title, this.details, this.triedSoFar, this.topics, this.urgency.name(),
					this.anonymous);
		}

	}

	/**
	 * One thing that happens to a request. {@code who} is the actor for claims, releases
	 * and offers, the helper whose offer is accepted for a resolve (null: none), and the
	 * recipient for thanks; the author does the rest.
	 */
	record Step(Kind kind, String who, String text, boolean publicNote) {
	}

	record Note(double daysAgo, String from, String to, String message, boolean publicNote) {
	}

	/** A step's kind, with the range of plausible gaps before it. */
	enum Kind {

		CLAIM(Action.CLAIM, Duration.ofMinutes(10), Duration.ofHours(8)),
		RELEASE(Action.RELEASE, Duration.ofHours(3), Duration.ofDays(2)),
		OFFER(Action.OFFER, Duration.ofMinutes(20), Duration.ofHours(20)),
		RESOLVE(Action.RESOLVE, Duration.ofHours(1), Duration.ofDays(2)),
		CANCEL(Action.CANCEL, Duration.ofHours(2), Duration.ofDays(3)),
		REOPEN(Action.REOPEN, Duration.ofHours(4), Duration.ofDays(3)),
		THANK(null, Duration.ofMinutes(5), Duration.ofHours(6));

		final Action action;

		final Duration shortest;

		final Duration longest;

		Kind(Action action, Duration shortest, Duration longest) {
			this.action = action;
			this.shortest = shortest;
			this.longest = longest;
		}

	}

	private static Account employee(String username, String displayName, String team) {
		return new Account(username, displayName, team, Set.of(), List.of(), null);
	}

	private static Account mentor(String username, String displayName, String team, String availability,
			String... skills) {
		return new Account(username, displayName, team, Set.of(Role.MENTOR), List.of(skills), availability);
	}

	private static Story ask(double daysAgo, String author, Urgency urgency, boolean anonymous, List<String> topics,
			String title, String details, String triedSoFar, Step... steps) {
		return new Story(daysAgo, author, urgency, anonymous, topics, title, details, triedSoFar, List.of(steps));
	}

	private static Story askAnonymously(double daysAgo, String author, Urgency urgency, List<String> topics,
			String title, String details, String triedSoFar, Step... steps) {
		return ask(daysAgo, author, urgency, true, topics, title, details, triedSoFar, steps);
	}

	private static Step claim(String mentor) {
		return new Step(Kind.CLAIM, mentor, null, false);
	}

	private static Step release(String mentor) {
		return new Step(Kind.RELEASE, mentor, null, false);
	}

	private static Step offer(String helper, String message) {
		return new Step(Kind.OFFER, helper, message, false);
	}

	private static Step accept(String helper) {
		return new Step(Kind.RESOLVE, helper, null, false);
	}

	private static Step resolve() {
		return new Step(Kind.RESOLVE, null, null, false);
	}

	private static Step cancel() {
		return new Step(Kind.CANCEL, null, null, false);
	}

	private static Step reopen(String reason) {
		return new Step(Kind.REOPEN, null, reason, false);
	}

	private static Step thankPublicly(String helper, String message) {
		return new Step(Kind.THANK, helper, message, true);
	}

	private static Step thankPrivately(String helper, String message) {
		return new Step(Kind.THANK, helper, message, false);
	}

}
