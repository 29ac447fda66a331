package io.miniman.operation.alert;

import java.time.Instant;

/** One alert as sent: {@code count} is how many matches it stands for (a storm inside the quiet period). */
public record AlertNotice(long id, String rule, String message, int count, Instant createdAt, Long operationId,
        boolean inApp) {
}
