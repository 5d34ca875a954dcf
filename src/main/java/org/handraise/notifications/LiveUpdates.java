package org.handraise.notifications;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live updates' streams open on this instance (server-sent events), and what they are
 * told: {@code unread} with the person's unread count when notifications were added for
 * them, and {@code request} with a request's id when that request changed, only to the
 * streams that watch it. No event names anyone. Which changes happened reaches every
 * instance through {@link LiveSignals}; each instance tells its own streams.
 * <p>
 * A stream ends after {@code handraise.live.timeout} and the browser opens it again; a
 * comment every {@code handraise.live.heartbeat} keeps proxies from closing it. A stream
 * opened again ({@code Last-Event-ID} sent) gets the current count at once, since it may
 * have missed an event; a first one does not: the page it belongs to shows the count.
 * Sending runs on one thread of its own, never on the thread of a change. When the
 * application stops, every stream ends first, so that the web server's graceful shutdown
 * does not wait for them.
 */
@Service
public class LiveUpdates implements SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(LiveUpdates.class);

	private final UnreadCounts unreadCounts;

	private final LiveSettings settings;

	private final ConcurrentMap<String, Set<Stream>> streams = new ConcurrentHashMap<>();

	private final AtomicLong eventIds = new AtomicLong();

	private final ScheduledExecutorService sender;

	private volatile boolean running;

	LiveUpdates(UnreadCounts unreadCounts, LiveSettings settings) {
		this.unreadCounts = unreadCounts;
		this.settings = settings;
		this.sender = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "live-updates");
			thread.setDaemon(true);
			return thread;
		});
		long heartbeat = settings.heartbeat().toMillis();
		this.sender.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
	}

	/**
	 * Opens a stream for {@code username}, watching {@code requestId} if not null (which
	 * the caller has checked the person may see). When they hold the most streams allowed
	 * on this instance already, their oldest one ends, told {@code superseded} first (so
	 * its page stops instead of opening it again): a browser that left a page says
	 * nothing, and its stream is only found gone at the next heartbeat.
	 * @param resumed whether the browser opens it again after an earlier one ended
	 */
	public SseEmitter open(String username, Long requestId, boolean resumed) {
		Stream stream = new Stream(username, requestId, new SseEmitter(this.settings.timeout().toMillis()));
		List<Stream> superseded = new ArrayList<>();
		this.streams.compute(username, (key, mine) -> {
			Set<Stream> set = (mine != null) ? mine : new CopyOnWriteArraySet<>();
			Iterator<Stream> oldestFirst = set.iterator();
			while (set.size() - superseded.size() >= this.settings.maxStreamsPerPerson() && oldestFirst.hasNext()) {
				superseded.add(oldestFirst.next());
			}
			set.removeAll(superseded);
			set.add(stream);
			return set;
		});
		for (Stream old : superseded) {
			send(old, SseEmitter.event().id(nextId()).name("superseded").data(""));
			complete(old);
		}
		SseEmitter emitter = stream.emitter();
		emitter.onCompletion(() -> remove(stream));
		emitter.onTimeout(() -> {
			remove(stream);
			emitter.complete();
		});
		emitter.onError((ex) -> remove(stream));
		send(stream, SseEmitter.event().id(nextId()).reconnectTime(this.settings.retry().toMillis()).comment("open"));
		if (!this.running) {
			// shutting down: the browser opens it again in a moment, on another instance
			complete(stream);
		}
		else if (resumed) {
			send(stream, unread(this.unreadCounts.of(username)));
		}
		return emitter;
	}

	/** How many streams are open on this instance. */
	public int openStreams() {
		return this.streams.values().stream().mapToInt(Set::size).sum();
	}

	/** How many streams {@code username} holds open on this instance. */
	int openStreams(String username) {
		Set<Stream> mine = this.streams.get(username);
		return (mine != null) ? mine.size() : 0;
	}

	/**
	 * Tells these people's streams on this instance their unread count: one count per
	 * person with a stream here, none for anyone else. Their kept counts are dropped
	 * first.
	 */
	void unreadChanged(Collection<String> usernames) {
		Set<String> people = new LinkedHashSet<>(usernames);
		submit(() -> {
			for (String username : people) {
				Set<Stream> mine = this.streams.get(username);
				if (mine == null || mine.isEmpty()) {
					continue;
				}
				long count = this.unreadCounts.of(username);
				for (Stream stream : mine) {
					send(stream, unread(count));
				}
			}
		});
	}

	/** Tells the streams on this instance that watch one of these requests. */
	void requestsChanged(Collection<Long> requestIds) {
		Set<Long> changed = Set.copyOf(requestIds);
		submit(() -> this.streams.values()
			.stream()
			.flatMap(Set::stream)
			.filter((stream) -> stream.requestId() != null && changed.contains(stream.requestId()))
			.forEach((stream) -> send(stream,
					SseEmitter.event().id(nextId()).name("request").data(String.valueOf(stream.requestId())))));
	}

	/**
	 * Tells every stream on this instance to look again: after changes may have been
	 * missed (the listening connection was lost for a while).
	 */
	void refreshAll() {
		this.unreadCounts.changedAll();
		unreadChanged(Set.copyOf(this.streams.keySet()));
		requestsChanged(this.streams.values()
			.stream()
			.flatMap(Set::stream)
			.map(Stream::requestId)
			.filter((id) -> id != null)
			.distinct()
			.toList());
	}

	private void heartbeat() {
		this.streams.values()
			.stream()
			.flatMap(Set::stream)
			.forEach((stream) -> send(stream, SseEmitter.event().comment("")));
	}

	private SseEmitter.SseEventBuilder unread(long count) {
		return SseEmitter.event().id(nextId()).name("unread").data(String.valueOf(count));
	}

	private String nextId() {
		return Long.toString(this.eventIds.incrementAndGet());
	}

	private void submit(Runnable work) {
		try {
			this.sender.execute(() -> {
				try {
					work.run();
				}
				catch (RuntimeException ex) {
					logger.warn("Live update failed", ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// shutting down: the streams are ending anyway
		}
	}

	private void send(Stream stream, SseEmitter.SseEventBuilder event) {
		try {
			stream.emitter().send(event);
		}
		catch (IOException | IllegalStateException ex) {
			// the browser went away (the container ends the request) or the stream ended
			remove(stream);
		}
	}

	private void remove(Stream stream) {
		this.streams.computeIfPresent(stream.username(), (key, mine) -> {
			mine.remove(stream);
			return mine.isEmpty() ? null : mine;
		});
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends every stream before the web server's graceful shutdown, which would otherwise
	 * wait for them; the browsers open them again on another instance.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.streams.values().stream().flatMap(Set::stream).forEach(LiveUpdates::complete);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void destroy() {
		stop();
		this.sender.shutdownNow();
		this.streams.clear();
	}

	private static void complete(Stream stream) {
		try {
			stream.emitter().complete();
		}
		catch (RuntimeException ex) {
			// ending anyway
		}
	}

	private record Stream(String username, Long requestId, SseEmitter emitter) {

		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

}
