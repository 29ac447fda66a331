package io.miniman.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

class BusyConnectionEvictionTest {

    @Test
    void aConnectionThatTimedOutWaitingForTheWriteLockIsNotHandedOutAgain(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("miniman.db");
        HikariConfig config = DatabaseConfig.pool(db, 200);
        // one connection: without the eviction the next borrower would get the broken one
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v INTEGER)");
            }
            try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + db);
                    Statement lock = holder.createStatement()) {
                lock.execute("BEGIN IMMEDIATE");
                assertThatThrownBy(() -> write(pool, 1)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("SQLITE_BUSY");
                lock.execute("ROLLBACK");
            }

            write(pool, 2);

            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    var rows = s.executeQuery("SELECT group_concat(v) FROM t")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("2");
            }
        }
    }

    private static void write(HikariDataSource pool, int value) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO t VALUES (" + value + ")");
            }
            c.commit();
        }
    }
}
