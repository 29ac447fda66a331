package io.miniman.compose;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.miniman.InvalidInputException;
import io.miniman.docker.SecretValues;
import io.miniman.network.apply.TextDiff;

/** The history of each stack's files: the last {@value #KEPT} saves, each comparable with the one before it. */
@Service
public class StackRevisions {

    static final int KEPT = 20;
    /** The author of a state found on disk that the console did not write. */
    static final String OUTSIDE = "(on disk)";
    /** Beyond this many line pairs the diff is not worth its memory: it says the file was replaced. */
    private static final long DIFF_CELLS = 4_000_000;

    private final StackRevisionRepository repository;
    private final Clock clock;

    StackRevisions(StackRevisionRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** {@code restored}: the revision this one brings back, or null for a plain save. */
    @Transactional
    StackRevision record(String stack, String user, StackText text, Long restored) {
        Optional<StackRevision> previous = newest(stack);
        String summary = previous.isEmpty() ? "first revision" : summary(previous.get().text(), text);
        if (restored != null) {
            summary = "restored revision " + restored + " (" + summary + ")";
        }
        StackRevision saved = repository.save(new StackRevisionEntity(stack, clock.instant(), user, text, summary)).toRecord();
        List<StackRevisionEntity> kept = repository.findByStackOrderByIdDesc(stack, PageRequest.of(0, KEPT));
        if (kept.size() == KEPT) {
            repository.deleteOlderThan(stack, kept.get(KEPT - 1).toRecord().id());
        }
        return saved;
    }

    /**
     * The folder is the truth and may be edited by hand (or was made by hand: an import). Before the
     * console writes over such a state it keeps it as a revision of its own, so the history can bring
     * it back.
     */
    @Transactional
    void rememberOutsideChange(String stack, StackText onDisk) {
        Optional<StackRevision> previous = newest(stack);
        if (previous.isEmpty() || !previous.get().text().equals(onDisk)) {
            record(stack, OUTSIDE, onDisk, null);
        }
    }

    @Transactional
    void forget(String stack) {
        repository.deleteOlderThan(stack, Long.MAX_VALUE);
    }

    private Optional<StackRevision> newest(String stack) {
        return repository.findByStackOrderByIdDesc(stack, PageRequest.of(0, 1)).stream().findFirst().map(StackRevisionEntity::toRecord);
    }

    /** Newest first. */
    public List<StackRevision> list(String stack) {
        return repository.findByStackOrderByIdDesc(stack, PageRequest.of(0, KEPT)).stream().map(StackRevisionEntity::toRecord).toList();
    }

    public StackRevision get(String stack, long id) {
        return repository.findById(id).map(StackRevisionEntity::toRecord).filter(r -> r.stack().equals(stack))
                .orElseThrow(() -> new InvalidInputException("revision", "No revision " + id + " of stack '" + stack + "'"));
    }

    /** The revision saved just before this one, if it is still kept. */
    public Optional<StackRevision> before(StackRevision revision) {
        return list(revision.stack()).stream().filter(r -> r.id() < revision.id()).findFirst();
    }

    /** compose.yaml, then .env with the values of secret-looking keys masked: a diff is read on shared screens. */
    public static List<TextDiff.Line> diff(StackText before, StackText after) {
        List<TextDiff.Line> lines = new java.util.ArrayList<>(lines(before.compose(), after.compose()));
        if (!before.env().isEmpty() || !after.env().isEmpty()) {
            lines.add(new TextDiff.Line(TextDiff.Kind.SAME, "──── .env ────"));
            lines.addAll(lines(maskEnv(before.env()), maskEnv(after.env())));
        }
        return lines;
    }

    private static List<TextDiff.Line> lines(String before, String after) {
        long cells = (long) before.lines().count() * after.lines().count();
        if (cells > DIFF_CELLS) {
            return List.of(new TextDiff.Line(TextDiff.Kind.REMOVED, "(" + before.lines().count() + " lines)"),
                    new TextDiff.Line(TextDiff.Kind.ADDED, "(" + after.lines().count() + " lines)"));
        }
        return TextDiff.diff(before, after);
    }

    static String maskEnv(String env) {
        return env.lines().map(SecretValues::maskAssignment).collect(java.util.stream.Collectors.joining("\n"));
    }

    static String summary(StackText before, StackText after) {
        List<TextDiff.Line> lines = diff(before, after);
        long added = lines.stream().filter(l -> l.kind() == TextDiff.Kind.ADDED).count();
        long removed = lines.stream().filter(l -> l.kind() == TextDiff.Kind.REMOVED).count();
        return added == 0 && removed == 0 ? "no change" : "+" + added + " −" + removed + " lines";
    }
}
