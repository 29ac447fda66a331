package io.miniman.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * SQLite under the data dir. The file is checked before anything touches it: a file that is not
 * SQLite, belongs to another program, cannot be read, or is held by another process stops the start
 * and is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    static final String SQLITE_TMPDIR = "org.sqlite.tmpdir";
    private static final String LEFT_ALONE = "The file was not changed.";

    @Bean
    DataSource dataSource(MinimanProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        prepareDataDir(dataDir);
        prepareNativeLibraryDir(dataDir);
        Path db = dataDir.resolve("miniman.db");
        checkIsOurKindOfFile(db);
        // before the pool opens it: the pool's WAL pragma would already change a foreign file
        checkOpenable(db);

        return new HikariDataSource(pool(db, 5000));
    }

    static HikariConfig pool(Path db, int busyTimeoutMillis) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setBusyTimeout(busyTimeoutMillis);
        sqlite.enforceForeignKeys(true);
        // A deferred transaction that reads and then writes fails at once with SQLITE_BUSY(_SNAPSHOT) when
        // another connection wrote in between: the busy timeout never applies to that upgrade. Taking the
        // write lock at BEGIN makes concurrent writers wait their turn instead.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);

        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl("jdbc:sqlite:" + db);
        hikari.setDataSourceProperties(sqlite.toProperties());
        // SQLite writes one at a time anyway; a few connections serve the concurrent readers
        hikari.setMaximumPoolSize(4);
        hikari.setMinimumIdle(1);
        hikari.setPoolName("sqlite");
        hikari.setExceptionOverrideClassName(BusyConnectionEviction.class.getName());
        return hikari;
    }

    static void prepareDataDir(Path dataDir) {
        try {
            if (!Files.isDirectory(dataDir)) {
                Files.createDirectories(dataDir);
            }
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new StartupRefusedException("The data directory " + dataDir + " cannot be created or secured: " + e,
                    "Set MINIMAN_DATA_DIR to a directory the console's user owns.");
        }
    }

    /**
     * sqlite-jdbc extracts its native library into {@code java.io.tmpdir} and maps it from there, which
     * fails where /tmp is mounted noexec (hardened boxes, Docker's tmpfs, a unit's PrivateTmp). Unless the
     * start names a folder, it gets one of its own under the data dir, before the first connection loads
     * the library.
     */
    static void prepareNativeLibraryDir(Path dataDir) {
        String given = System.getProperty(SQLITE_TMPDIR);
        if (given == null) {
            Path dir = dataDir.resolve("native");
            prepareDataDir(dir);
            System.setProperty(SQLITE_TMPDIR, dir.toString());
            return;
        }
        // a folder the start names is only created when missing, never re-moded: it may be shared
        try {
            Files.createDirectories(Path.of(given));
        } catch (IOException e) {
            throw new StartupRefusedException("The folder " + given + " (" + SQLITE_TMPDIR + ") cannot be created: " + e,
                    "Name a folder the console's user may write, on a file system that allows executables.");
        }
    }

    static void checkIsOurKindOfFile(Path db) {
        if (!Files.exists(db)) {
            return;
        }
        if (!Files.isRegularFile(db) || !Files.isReadable(db) || !Files.isWritable(db)) {
            throw new StartupRefusedException("The database " + db + " cannot be read and written by this user.",
                    "Fix the file's owner and mode, or point MINIMAN_DATA_DIR elsewhere. " + LEFT_ALONE);
        }
        try (InputStream in = Files.newInputStream(db)) {
            byte[] head = in.readNBytes(SQLITE_MAGIC.length);
            if (head.length > 0 && !Arrays.equals(head, SQLITE_MAGIC)) {
                throw new StartupRefusedException("The file " + db + " is not a SQLite database.",
                        "Move it away or point MINIMAN_DATA_DIR elsewhere. " + LEFT_ALONE);
            }
        } catch (IOException e) {
            throw new StartupRefusedException("The database " + db + " cannot be read: " + e.getMessage(),
                    "Fix the file, or point MINIMAN_DATA_DIR elsewhere. " + LEFT_ALONE);
        }
    }

    private static void checkOpenable(Path db) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 1000");
            if (isForeign(statement)) {
                throw new StartupRefusedException("The database " + db
                        + " belongs to another program: it has tables but no Mini Manager history.",
                        "Move it away or point MINIMAN_DATA_DIR elsewhere. " + LEFT_ALONE);
            }
            // takes and drops the write lock: fails within a second when another process holds the database
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            boolean locked = e.getErrorCode() == SQLiteErrorCode.SQLITE_BUSY.code
                    || e.getErrorCode() == SQLiteErrorCode.SQLITE_LOCKED.code
                    || String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
            throw new StartupRefusedException(locked
                    ? "The database " + db + " is locked by another process (is another console running?)."
                    : "The database " + db + " cannot be opened: " + e.getMessage(),
                    "Stop the other process or point MINIMAN_DATA_DIR elsewhere. " + LEFT_ALONE);
        }
    }

    private static boolean isForeign(Statement statement) throws SQLException {
        try (var tables = statement.executeQuery(
                "SELECT coalesce(sum(name = 'flyway_schema_history'), 0), count(*) FROM sqlite_master WHERE type = 'table'")) {
            tables.next();
            return tables.getInt(2) > 0 && tables.getInt(1) == 0;
        }
    }
}
