package org.handraise.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server in the test JVM (GreenMail), on a port of its own that stays the
 * same when it is stopped and started again, so an application pointed at it meets a
 * server that is down and then up. Any sender and recipient are accepted.
 */
public final class Smtp {

	private static final int PORT = freePort();

	private static GreenMail server;

	private Smtp() {
	}

	/** The port, for {@code spring.mail.port}. */
	public static synchronized int port() {
		if (server == null) {
			start();
		}
		return PORT;
	}

	public static synchronized void start() {
		if (server == null || !server.isRunning()) {
			server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
				.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
			server.start();
		}
	}

	/** Stops the server: connections to its port are refused until {@link #start}. */
	public static synchronized void stop() {
		if (server != null) {
			server.stop();
		}
	}

	/** Forgets every message received so far. */
	public static synchronized void clear() {
		start();
		try {
			server.purgeEmailFromAllMailboxes();
		}
		catch (FolderException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every message received since the last {@link #clear}, in the order they came. */
	public static synchronized List<MimeMessage> received() {
		return (server == null) ? List.of() : List.of(server.getReceivedMessages());
	}

	/**
	 * Waits up to {@code timeout} until at least {@code count} messages were received.
	 */
	public static List<MimeMessage> await(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (received().size() < count && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return received();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
