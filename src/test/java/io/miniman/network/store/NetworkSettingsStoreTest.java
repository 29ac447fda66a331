package io.miniman.network.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import io.miniman.config.MinimanProperties;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.testsupport.MinimanSpringTest;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The rows a rollback depends on: durable before the new files are written, and "Keep" all or nothing. */
@MinimanSpringTest
class NetworkSettingsStoreTest {

    @Autowired
    NetworkSettingsStore store;
    @Autowired
    MinimanProperties properties;

    @TempDir
    Path copies;

    private NetworkSettings original;

    @BeforeEach
    void remember() {
        original = store.current();
    }

    @AfterEach
    void restore() {
        store.save(original);
        store.releaseRollback();
    }

    @Test
    void keepReleasesTheRollbackOnlyTogetherWithTheSettings() {
        store.holdRollback("[]");
        NetworkSettings invalid = original.withLan(original.lan().withRange("10.9.9.1", "10.9.9.9"));

        // the release runs first in the transaction; the settings then fail: neither may stay
        assertThatThrownBy(() -> store.keep(invalid)).isInstanceOf(ConstraintViolationException.class);
        assertThat(store.heldRollback()).hasValue("[]");
        assertThat(store.current()).isEqualTo(original);

        NetworkSettings renamed = original.withWifi(original.wifi().withSsid("kept-" + System.nanoTime() % 1000));
        store.keep(renamed);
        assertThat(store.heldRollback()).isEmpty();
        assertThat(store.current()).isEqualTo(renamed);
    }

    /**
     * The database file alone, without its write-ahead log, is what a power cut may leave: a commit
     * that sits only in an unsynced log is gone. The held rollback and "Keep" must be in the file.
     */
    @Test
    void theHeldRollbackAndKeepReachTheDatabaseFileItself() throws Exception {
        String held = "[\"held-" + System.nanoTime() + "\"]";
        store.holdRollback(held);
        assertThat(inDatabaseFileAlone("SELECT snapshot_json FROM network_pending_rollback")).hasValue(held);

        String ssid = "durable-" + System.nanoTime() % 1000;
        store.keep(original.withWifi(original.wifi().withSsid(ssid)));
        assertThat(inDatabaseFileAlone("SELECT snapshot_json FROM network_pending_rollback")).isEmpty();
        assertThat(inDatabaseFileAlone("SELECT settings_json FROM network_settings ORDER BY id DESC LIMIT 1"))
                .hasValueSatisfying(json -> assertThat(json).contains(ssid));
    }

    private Optional<String> inDatabaseFileAlone(String query) throws Exception {
        Path copy = copies.resolve("without-log-" + System.nanoTime() + ".db");
        Files.copy(properties.databaseFile(), copy, StandardCopyOption.REPLACE_EXISTING);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }
}
