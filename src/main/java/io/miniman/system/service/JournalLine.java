package io.miniman.system.service;

import java.time.Instant;

/**
 * One journal entry of a unit. {@code priority} is syslog's 0 (emerg) to 7 (debug), 6 when the entry has
 * none; {@code source} is who wrote it (SYSLOG_IDENTIFIER, else the command name); {@code time} is null
 * for a line that was not a journal entry (shown as it came).
 */
public record JournalLine(Instant time, int priority, String source, long pid, String message) {

    /** Warnings and worse (syslog's 0 to 4). */
    public boolean problem() {
        return priority <= 4;
    }
}
