package org.handraise;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps the embedded H2 database (the default, {@code jdbc:h2:file:./data/handraise})
 * readable by the application's own user only, whatever the umask: it holds password
 * hashes, sessions and everything people wrote. When {@code spring.datasource.url} is an
 * H2 file on a POSIX file system, its folder is made {@code rwx------} if it does not
 * exist yet, the database file ({@code <name>.mv.db}) is made empty and {@code rw-------}
 * before H2 first opens it (H2 takes an empty file for a new database), and the
 * database's existing files ({@code <name>.*}) are set {@code rw-------}. A file H2 makes
 * later (a trace file) gets the umask's permissions, but sits in the folder that keeps
 * others out. An existing folder is left as it is, with a warning if others may enter it.
 * Any other URL (PostgreSQL, {@code jdbc:h2:mem:}, a server) and other file systems:
 * nothing.
 * <p>
 * An {@link EnvironmentPostProcessor}, so that it runs once the configuration is read and
 * before any bean (the data source, Flyway) exists: nothing has opened the database yet.
 */
class H2FilePermissions implements EnvironmentPostProcessor, Ordered {

	static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	private final Log logger;

	H2FilePermissions(DeferredLogFactory logs) {
		this.logger = logs.getLog(H2FilePermissions.class);
	}

	@Override
	public int getOrder() {
		// after the configuration files and the command line are read
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Path database = databaseFile(environment.getProperty("spring.datasource.url"));
		if (database == null || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return;
		}
		try {
			secure(database);
		}
		catch (IOException ex) {
			this.logger.warn("Could not make the H2 database " + database + " readable by its owner only", ex);
		}
	}

	private void secure(Path database) throws IOException {
		Path folder = database.getParent();
		if (Files.notExists(folder)) {
			Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
			Files.setPosixFilePermissions(folder, OWNER_FOLDER);
		}
		else if (!Files.getPosixFilePermissions(folder).equals(OWNER_FOLDER)) {
			this.logger.warn("The folder of the H2 database, " + folder + ", is "
					+ PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))
					+ "; chmod 700 it so that only its owner can enter it");
		}
		String name = database.getFileName().toString();
		try {
			Files.createFile(folder.resolve(name + ".mv.db"), PosixFilePermissions.asFileAttribute(OWNER_FILE));
		}
		catch (FileAlreadyExistsException ex) {
			// an existing database: its permissions are set below
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, globEscape(name) + ".*")) {
			for (Path file : files) {
				if (Files.isRegularFile(file)) {
					Files.setPosixFilePermissions(file, OWNER_FILE);
				}
			}
		}
	}

	/**
	 * The database file of an H2 URL, without its {@code .mv.db}:
	 * {@code jdbc:h2:file:./data/handraise} or {@code jdbc:h2:./data/handraise} (settings
	 * after {@code ;} ignored, {@code ~} the home folder), or null when the URL is no H2
	 * file.
	 */
	static Path databaseFile(String url) {
		if (url == null || !url.startsWith("jdbc:h2:")) {
			return null;
		}
		String path = url.substring("jdbc:h2:".length());
		int settings = path.indexOf(';');
		if (settings >= 0) {
			path = path.substring(0, settings);
		}
		if (path.startsWith("file:")) {
			path = path.substring("file:".length());
		}
		else if (path.matches("[A-Za-z][A-Za-z0-9]+:.*")) {
			// mem:, tcp:, ssl:, zip:, nio:... (a one-letter prefix would be a Windows
			// drive)
			return null;
		}
		if (path.isEmpty()) {
			return null;
		}
		if (path.equals("~") || path.startsWith("~/")) {
			path = System.getProperty("user.home") + path.substring(1);
		}
		Path file = Path.of(path).toAbsolutePath().normalize();
		return (file.getParent() != null && file.getFileName() != null) ? file : null;
	}

	private static String globEscape(String name) {
		return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
	}

}
