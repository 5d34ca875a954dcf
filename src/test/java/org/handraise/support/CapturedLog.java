package org.handraise.support;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * What some loggers say while a test provokes a failure on purpose: kept here for the
 * test to assert on, instead of printed, so that the build's output shows only failures
 * nobody expected. Closing it puts the loggers back. <pre>
 * try (CapturedLog log = CapturedLog.of("org.apache.catalina.core")) {
 *     // provoke the failure
 *     assertThat(log.errors()).isNotEmpty();
 * }
 * </pre>
 */
public final class CapturedLog implements AutoCloseable {

	private final List<Logger> loggers = new ArrayList<>();

	private final List<Boolean> additivity = new ArrayList<>();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private CapturedLog(String... names) {
		this.appender.start();
		for (String name : names) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			this.loggers.add(logger);
			this.additivity.add(logger.isAdditive());
			logger.addAppender(this.appender);
			logger.setAdditive(false);
		}
	}

	/**
	 * Captures what the loggers named (and the loggers below them) say from now until
	 * {@link #close()}.
	 */
	public static CapturedLog of(String... names) {
		return new CapturedLog(names);
	}

	/** Every event so far, in order. */
	public List<ILoggingEvent> events() {
		synchronized (this.appender.list) {
			return List.copyOf(this.appender.list);
		}
	}

	/** The events at ERROR so far. */
	public List<ILoggingEvent> errors() {
		return events().stream().filter((e) -> e.getLevel() == Level.ERROR).toList();
	}

	/**
	 * Each event as "LEVEL logger: message", with the class of its exception, if any,
	 * after " | ".
	 */
	public List<String> lines() {
		return events().stream()
			.map((e) -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
					+ ((e.getThrowableProxy() != null) ? " | " + e.getThrowableProxy().getClassName() : ""))
			.toList();
	}

	@Override
	public void close() {
		for (int i = 0; i < this.loggers.size(); i++) {
			Logger logger = this.loggers.get(i);
			logger.detachAppender(this.appender);
			logger.setAdditive(this.additivity.get(i));
		}
		this.appender.stop();
	}

}
