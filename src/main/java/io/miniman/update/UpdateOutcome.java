package io.miniman.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import io.miniman.config.MinimanProperties;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;

/**
 * Records what the update watchdog decided, which it leaves in {@code data/update-result}
 * ("ok|rolled-back|failed", a tab, the text), since the console was not running to see it.
 */
@Component
class UpdateOutcome implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UpdateOutcome.class);

    private final Path file;
    private final OperationService operations;

    UpdateOutcome(MinimanProperties properties, OperationService operations) {
        this.file = properties.dataDir().resolve("update-result");
        this.operations = operations;
    }

    @Override
    public void run(ApplicationArguments args) {
        record();
    }

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
