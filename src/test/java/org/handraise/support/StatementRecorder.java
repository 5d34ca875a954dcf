package org.handraise.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records every SQL statement the application sends through its {@link DataSource} (JPA,
 * JDBC templates, Spring Session alike) with the name of the thread that sent it, so a
 * test can count what a page or an API call costs on the server's request threads apart
 * from what listeners do after the commit on others. Import it with
 * {@code @Import(StatementRecorder.Config.class)}; the bean is {@link StatementRecorder}.
 */
public final class StatementRecorder {

	private final List<Sent> sent = new ArrayList<>();

	/** Forgets what was recorded. */
	public synchronized void clear() {
		this.sent.clear();
	}

	/** What was sent since the last {@link #clear()}, in order. */
	public synchronized List<Sent> sent() {
		return List.copyOf(this.sent);
	}

	/** The statements sent by the server's request threads (Tomcat's). */
	public List<String> byRequestThreads() {
		return sent().stream().filter((s) -> s.thread().startsWith("http-nio")).map(Sent::sql).toList();
	}

	/**
	 * The statements sent by the application's task executor: the listeners that run
	 * after the commit.
	 */
	public List<String> byListenerThreads() {
		return sent().stream().filter((s) -> s.thread().startsWith("task-")).map(Sent::sql).toList();
	}

	/** How many of {@code statements} touch {@code table} (by name, as a whole word). */
	public static long touching(List<String> statements, String table) {
		Predicate<String> names = (sql) -> sql.toLowerCase(Locale.ROOT).matches("(?s).*\\b" + table + "\\b.*");
		return statements.stream().filter(names).count();
	}

	synchronized void record(String sql) {
		this.sent.add(new Sent(Thread.currentThread().getName(), sql));
	}

	/** One statement: the thread that sent it and its SQL. */
	public record Sent(String thread, String sql) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		StatementRecorder statementRecorder() {
			return new StatementRecorder();
		}

		@Bean
		static BeanPostProcessor recordingDataSource(
				org.springframework.beans.factory.ObjectProvider<StatementRecorder> recorder) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof DataSource dataSource && !(bean instanceof RecordingDataSource)) {
						return RecordingDataSource.wrap(dataSource, recorder);
					}
					return bean;
				}

			};
		}

	}

	/** Marks a wrapped data source, so it is wrapped once. */
	interface RecordingDataSource {

		static DataSource wrap(DataSource target,
				org.springframework.beans.factory.ObjectProvider<StatementRecorder> recorder) {
			InvocationHandler connections = (proxy, method, args) -> {
				Object result = invoke(target, method, args);
				if (method.getName().equals("getConnection")) {
					return connection((Connection) result, recorder);
				}
				return result;
			};
			return (DataSource) Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(),
					new Class<?>[] { DataSource.class, RecordingDataSource.class }, connections);
		}

		private static Connection connection(Connection target,
				org.springframework.beans.factory.ObjectProvider<StatementRecorder> recorder) {
			InvocationHandler handler = (proxy, method, args) -> {
				String name = method.getName();
				if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args != null
						&& args[0] instanceof String sql) {
					recorder.getObject().record(sql);
				}
				Object result = invoke(target, method, args);
				if (name.equals("createStatement") && result instanceof Statement statement) {
					return plainStatement(statement, recorder);
				}
				return result;
			};
			return (Connection) Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(),
					new Class<?>[] { Connection.class }, handler);
		}

		private static Statement plainStatement(Statement target,
				org.springframework.beans.factory.ObjectProvider<StatementRecorder> recorder) {
			InvocationHandler handler = (proxy, method, args) -> {
				if (method.getName().startsWith("execute") && args != null && args.length > 0
						&& args[0] instanceof String sql) {
					recorder.getObject().record(sql);
				}
				return invoke(target, method, args);
			};
			return (Statement) Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(),
					new Class<?>[] { Statement.class }, handler);
		}

		private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

}
