package org.handraise;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The embedded H2 database is readable by its owner only: the application makes its
 * folder {@code rwx------} and its files {@code rw-------} before H2 opens them, whatever
 * the umask, on a POSIX file system.
 */
class H2FilePermissionsIT {

	@TempDir
	Path folder;

	@Test
	void theDatabaseFolderAndFilesAreTheOwnersOnly() throws IOException {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
		Files.setPosixFilePermissions(this.folder, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path data = this.folder.resolve("data");
		assertThat(data).doesNotExist();

		try (ConfigurableApplicationContext app = start(data.resolve("handraise"))) {
			assertThat(app.getBean(JdbcTemplate.class).queryForObject("select count(*) from people", Long.class))
				.isZero();
			assertThat(permissions(data)).isEqualTo("rwx------");
			assertThat(databaseFiles(data)).extracting(Path::getFileName)
				.extracting(Path::toString)
				.contains("handraise.mv.db");
			assertThat(databaseFiles(data))
				.allSatisfy((file) -> assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------"));
		}
	}

	@Test
	void anExistingDatabaseFileIsMadeTheOwnersOnly() throws IOException {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
		Path data = this.folder.resolve("data");
		try (ConfigurableApplicationContext app = start(data.resolve("handraise"))) {
			assertThat(app.getBean(JdbcTemplate.class).queryForObject("select count(*) from people", Long.class))
				.isZero();
		}
		Path file = data.resolve("handraise.mv.db");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		try (ConfigurableApplicationContext app = start(data.resolve("handraise"))) {
			assertThat(permissions(file)).isEqualTo("rw-------");
		}
	}

	private static ConfigurableApplicationContext start(Path database) {
		String url = "jdbc:h2:file:" + database.toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		// Command-line arguments, so they win over application.properties (default
		// properties would not).
		return new SpringApplicationBuilder(HandraiseApplication.class).run("--spring.datasource.url=" + url,
				"--server.port=0", "--handraise.demo-data=false", "--spring.main.banner-mode=off");
	}

	private static List<Path> databaseFiles(Path data) throws IOException {
		try (Stream<Path> files = Files.list(data)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("handraise.")).toList();
		}
	}

	private static String permissions(Path path) {
		try {
			return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
