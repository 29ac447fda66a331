package io.miniman.network.store;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miniman.network.settings.InitialPassphrase;
import io.miniman.network.settings.NetworkSettings;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored settings and what was last written to each managed file. Only the apply path saves
 * settings: a saved value is one that has been applied and confirmed (or is about to be).
 */
@Service
public class NetworkSettingsStore {

    private static final Logger log = LoggerFactory.getLogger(NetworkSettingsStore.class);

    private final NetworkSettingsRepository settings;
    private final WrittenFileRepository written;
    private final PendingRollbackRepository pendingRollback;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final WalCheckpoint checkpoint;

    NetworkSettingsStore(NetworkSettingsRepository settings, WrittenFileRepository written,
            PendingRollbackRepository pendingRollback, ObjectMapper json, Validator validator, Clock clock,
            TransactionTemplate transaction, WalCheckpoint checkpoint) {
        this.settings = settings;
        this.written = written;
        this.pendingRollback = pendingRollback;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
        this.transaction = transaction;
        this.checkpoint = checkpoint;
    }

    @Transactional(readOnly = true)
    public Optional<NetworkSettings> stored() {
        return settings.findFirstByOrderByIdDesc().map(entity -> parse(entity.settingsJson()));
    }

    /** The stored settings, or on an empty database the defaults with a fresh passphrase, stored at once. */
    @Transactional
    public NetworkSettings current() {
        return currentOrSeed(() -> NetworkSettings.defaults(InitialPassphrase.generate()));
    }

    /**
     * The stored settings, or on an empty database the first ones (validated, stored at once): how
     * provisioning gives a new box the WiFi it was asked for.
     */
    @Transactional
    public NetworkSettings currentOrSeed(Supplier<NetworkSettings> first) {
        return stored().orElseGet(() -> {
            NetworkSettings seeded = first.get();
            save(seeded);
            return seeded;
        });
    }

    @Transactional
    public void save(NetworkSettings value) {
        Set<ConstraintViolation<NetworkSettings>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String text = write(value);
        NetworkSettingsEntity entity = settings.findFirstByOrderByIdDesc()
                .orElseGet(() -> new NetworkSettingsEntity(text, clock.millis()));
        entity.update(text, clock.millis());
        settings.save(entity);
    }

    @Transactional(readOnly = true)
    public Optional<String> lastWritten(String devicePath) {
        return written.findByDevicePath(devicePath).map(WrittenFileEntity::content);
    }

    @Transactional
    public void recordWritten(String devicePath, String content) {
        WrittenFileEntity entity = written.findByDevicePath(devicePath)
                .orElseGet(() -> new WrittenFileEntity(devicePath));
        entity.update(content, clock.millis());
        written.save(entity);
    }

    /**
     * Keeps what a rollback needs while a change waits for confirmation; replaces any earlier one. On
     * the card when this returns (the new files are written only after it), or it throws.
     */
    public void holdRollback(String snapshotJson) {
        transaction.executeWithoutResult(status -> {
            pendingRollback.deleteAll();
            pendingRollback.save(new PendingRollbackEntity(snapshotJson, clock.millis()));
        });
        checkpoint.run();
    }

    /**
     * "Keep": the settings are stored and the rollback is released in one transaction (both or neither:
     * kept settings with a rollback still held would be undone at the next start), then synced.
     */
    public void keep(NetworkSettings value) {
        transaction.executeWithoutResult(status -> {
            pendingRollback.deleteAll();
            save(value);
        });
        try {
            checkpoint.run();
        } catch (RuntimeException e) {
            // committed all the same; only a power cut in the next moments could lose it
            log.warn("kept network settings are not yet synced to the card: {}", e.getMessage());
        }
    }

    @Transactional(readOnly = true)
    public Optional<String> heldRollback() {
        return pendingRollback.findFirstByOrderByIdDesc().map(PendingRollbackEntity::snapshotJson);
    }

    @Transactional
    public void releaseRollback() {
        pendingRollback.deleteAll();
    }

    private NetworkSettings parse(String text) {
        try {
            return json.readValue(text, NetworkSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored network settings are not readable: " + e.getOriginalMessage(), e);
        }
    }

    private String write(NetworkSettings value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("network settings cannot be written as JSON", e);
        }
    }
}
