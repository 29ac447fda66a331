package io.miniman.system.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.miniman.InvalidInputException;
import io.miniman.Subscription;
import io.miniman.host.PrivilegedHelper;
import io.miniman.host.RunningCommand;

/**
 * A listed unit's journal, live: the last 200 entries, then each new one, read through the root helper's
 * {@code journal} verb (the journal of system units is root's to read). Each reader has its own
 * journalctl, which ends when the subscription is closed.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR','VIEWER')")
public class UnitJournal {

    /** A page left open on a phone that never sleeps still lets its journalctl go after this. */
    static final Duration LONGEST_FOLLOW = Duration.ofHours(12);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final ServicesProperties properties;
    private final PrivilegedHelper helper;

    UnitJournal(ServicesProperties properties, PrivilegedHelper helper) {
        this.properties = properties;
        this.helper = helper;
    }

    /** Lines a reader keeps; older ones are dropped. */
    public int bufferLines() {
        return properties.journalLines();
    }

    /**
     * The unit's last {@code lines} entries, none older than {@code since} (null: no bound), read at once;
     * the API's journal, where a script wants a page and not a follow.
     */
    public List<JournalLine> recent(String unit, int lines, Instant since) {
        properties.requireListed(unit);
        if (lines < 1 || lines > properties.journalLines()) {
            throw new InvalidInputException("lines", "must be between 1 and " + properties.journalLines());
        }
        requireHelper();
        List<JournalLine> entries = Collections.synchronizedList(new ArrayList<>());
        List<String> arguments = new ArrayList<>(List.of(unit, Integer.toString(lines)));
        if (since != null) {
            arguments.add(Long.toString(Math.max(0, since.getEpochSecond())));
        }
        RunningCommand journal = helper.stream(READ_TIMEOUT, line -> entries.add(JournalJson.parse(line)), "journal",
                arguments.toArray(String[]::new));
        int exit = journal.waitFor();
        if (exit != 0) {
            // the helper's or journalctl's own words come last (their errors are merged into the output)
            String reason = entries.isEmpty() ? "" : ": " + entries.get(entries.size() - 1).message();
            throw new IllegalStateException("The journal could not be read (exit code " + exit + ")" + reason);
        }
        return List.copyOf(entries);
    }

    /**
     * Entries go to {@code lines} as they come (on a thread of the reader's own); {@code ended} hears why
     * the journal stopped by itself, and nothing when the subscription was closed.
     */
    public Subscription follow(String unit, Consumer<JournalLine> lines, Consumer<String> ended) {
        properties.requireListed(unit);
        requireHelper();
        AtomicBoolean closed = new AtomicBoolean();
        RunningCommand journal = helper.stream(LONGEST_FOLLOW, line -> lines.accept(JournalJson.parse(line)), "journal",
                unit);
        Thread watcher = new Thread(() -> {
            int exit = journal.waitFor();
            if (!closed.get()) {
                ended.accept(exit == -1 ? "The journal stopped following after " + LONGEST_FOLLOW.toHours() + " hours"
                        : "The journal ended (exit code " + exit + ")");
            }
        }, "journal-" + unit);
        watcher.setDaemon(true);
        watcher.start();
        return () -> {
            closed.set(true);
            journal.close();
        };
    }

    private void requireHelper() {
        if (!helper.installed()) {
            throw new IllegalStateException("The journal is read through the root helper, which is not installed here");
        }
    }
}
