package org.handraise.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A reader of a server-sent event stream, as a browser's {@code EventSource} would open
 * it ({@code Accept: text/event-stream}, the session's cookie): the events arrive on a
 * thread of their own and wait in a queue for the test.
 */
public final class EventStream implements AutoCloseable {

	/** One event: its name ({@code message} when it has none), data and id. */
	public record Event(String name, String data, String id) {
	}

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final CountDownLatch end = new CountDownLatch(1);

	private final int status;

	private final Stream<String> lines;

	private EventStream(HttpResponse<Stream<String>> response) {
		this.status = response.statusCode();
		this.lines = response.body();
		if (this.status == 200) {
			Thread reader = new Thread(this::read, "event-stream-reader");
			reader.setDaemon(true);
			reader.start();
		}
		else {
			this.lines.close();
		}
	}

	/**
	 * Opens {@code path} with the session cookie {@code session} (null: not signed in)
	 * and returns once the response's headers arrived.
	 */
	public static EventStream open(String baseUrl, String path, String session) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Accept", "text/event-stream")
			.timeout(Duration.ofSeconds(30))
			.GET();
		if (session != null) {
			request.header("Cookie", "SESSION=" + session);
		}
		try {
			return new EventStream(HttpClient.newBuilder()
				.followRedirects(HttpClient.Redirect.NEVER)
				.build()
				.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public int status() {
		return this.status;
	}

	/**
	 * The next event named {@code name} within {@code timeout} (skipping others), or
	 * null.
	 */
	public Event next(String name, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			Event event = (left > 0) ? this.events.poll(left, TimeUnit.NANOSECONDS) : null;
			if (event == null || event.name().equals(name)) {
				return event;
			}
		}
	}

	/** Every event that arrives within {@code wait}. */
	public List<Event> during(Duration wait) throws InterruptedException {
		List<Event> seen = new ArrayList<>();
		long deadline = System.nanoTime() + wait.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			Event event = (left > 0) ? this.events.poll(left, TimeUnit.NANOSECONDS) : null;
			if (event == null) {
				return seen;
			}
			seen.add(event);
		}
	}

	private void read() {
		String name = null;
		String id = null;
		StringBuilder data = null;
		try {
			for (String line : (Iterable<String>) this.lines::iterator) {
				if (line.isEmpty()) {
					if (data != null) {
						this.events.add(new Event((name != null) ? name : "message", data.toString(), id));
					}
					name = null;
					data = null;
				}
				else if (line.startsWith("event:")) {
					name = value(line);
				}
				else if (line.startsWith("data:")) {
					data = (data == null) ? new StringBuilder(value(line)) : data.append('\n').append(value(line));
				}
				else if (line.startsWith("id:")) {
					id = value(line);
				}
			}
		}
		catch (RuntimeException ex) {
			// closed
		}
		finally {
			this.end.countDown();
		}
	}

	/** Whether the server ended the stream within {@code wait}. */
	public boolean ended(Duration wait) throws InterruptedException {
		return this.end.await(wait.toNanos(), TimeUnit.NANOSECONDS);
	}

	private static String value(String line) {
		String value = line.substring(line.indexOf(':') + 1);
		return value.startsWith(" ") ? value.substring(1) : value;
	}

	@Override
	public void close() {
		this.lines.close();
	}

}
