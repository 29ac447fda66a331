package io.miniman.operation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of the operation log is kept, so a small SD card never fills: rows older than {@code retentionAge}
 * go, and beyond the newest {@code retentionRows} the older ones go too. Unfinished rows always stay.
 */
@ConfigurationProperties("miniman.operations")
public record OperationRetentionProperties(
        @DefaultValue("90d") Duration retentionAge,
        @DefaultValue("100000") int retentionRows) {

    public OperationRetentionProperties {
        if (retentionAge.isNegative() || retentionAge.isZero()) {
            throw new IllegalArgumentException("miniman.operations.retention-age must be positive, not " + retentionAge);
        }
        if (retentionRows < 1) {
            throw new IllegalArgumentException("miniman.operations.retention-rows must be at least 1, not " + retentionRows);
        }
    }
}
