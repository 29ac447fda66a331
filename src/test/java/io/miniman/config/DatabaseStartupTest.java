package io.miniman.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

/** A database file that is not ours, not readable or in use stops the start and is left as it was. */
class DatabaseStartupTest {

    @TempDir
    Path dir;

    private MinimanProperties properties(Path dataDir) {
        return new MinimanProperties(dataDir, 8000, Duration.ofMinutes(30), null, 10,
                new MinimanProperties.Host(dataDir.resolve("host"), Path.of("/proc")));
    }

    @Test
    void aNewDataDirIsCreatedPrivate() throws Exception {
        Path dataDir = dir.resolve("fresh/data");
        DataSource ds = new DatabaseConfig().dataSource(properties(dataDir));
        ((HikariDataSource) ds).close();
        assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(dataDir.resolve("miniman.db")).exists();
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndKept() throws Exception {
        Path db = dir.resolve("miniman.db");
        byte[] content = "this is my shopping list\n".getBytes(StandardCharsets.UTF_8);
        Files.write(db, content);
        assertThatThrownBy(() -> new DatabaseConfig().dataSource(properties(dir)))
                .isInstanceOf(StartupRefusedException.class).hasMessageContaining("is not a SQLite database");
        assertThat(Files.readAllBytes(db)).isEqualTo(content);
    }

    @Test
    void anotherProgramsDatabaseIsRefusedAndKept() throws Exception {
        Path db = dir.resolve("miniman.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("create table invoices (id integer primary key, total real)");
        }
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> new DatabaseConfig().dataSource(properties(dir)))
                .isInstanceOf(StartupRefusedException.class).hasMessageContaining("belongs to another program");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void aDatabaseLockedByAnotherProcessIsRefused() throws Exception {
        Path db = dir.resolve("miniman.db");
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = holder.createStatement()) {
            s.execute("create table flyway_schema_history (x integer)");
            s.execute("BEGIN EXCLUSIVE");
            s.execute("insert into flyway_schema_history values (1)");
            assertThatThrownBy(() -> new DatabaseConfig().dataSource(properties(dir)))
                    .isInstanceOf(StartupRefusedException.class).hasMessageContaining("locked by another process");
            s.execute("ROLLBACK");
        }
    }

    @Test
    void aDatabasePathThatIsNotAFileIsRefused() throws Exception {
        Files.createDirectory(dir.resolve("miniman.db"));
        assertThatThrownBy(() -> new DatabaseConfig().dataSource(properties(dir)))
                .isInstanceOf(StartupRefusedException.class).hasMessageContaining("cannot be read and written");
        assertThat(dir.resolve("miniman.db")).isEmptyDirectory();
    }
}
