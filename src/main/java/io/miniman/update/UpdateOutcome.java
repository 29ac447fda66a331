package io.miniman.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.miniman.config.MinimanProperties;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;

/**
 * Records what the update watchdog decided, which it leaves in {@code data/update-result}
 * ("ok|rolled-back|failed", a tab, the text). A rollback is written before the previous version
 * starts, but "kept" only once the new version already answers /health: so the file is looked for
 * every few seconds, not just at the start.
 */
@Component
class UpdateOutcome {

    private static final Logger log = LoggerFactory.getLogger(UpdateOutcome.class);

    private final Path file;
    private final OperationService operations;

    UpdateOutcome(MinimanProperties properties, OperationService operations) {
        this.file = properties.dataDir().resolve("update-result");
        this.operations = operations;
    }

    @Scheduled(fixedDelay = 10, timeUnit = TimeUnit.SECONDS)
    void record() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split("\t", 2);
            String text = parts.length > 1 ? parts[1] : parts[0];
            boolean ok = parts[0].equals("ok");
            operations.record(OperationType.SYSTEM, ok ? "Console update kept" : "Console update rolled back",
                    UpdateActions.CONSOLE, ok ? OperationStatus.COMPLETED : OperationStatus.FAILED, ok ? text : null,
                    ok ? null : text, "watchdog");
            Files.delete(file);
        } catch (IOException e) {
            log.warn("cannot read {}: {}", file, e.getMessage());
        }
    }
}
