package io.miniman.operation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The engine behind "every change is an operation": a row per operation, work off the caller's thread,
 * one operation at a time per target, every transition stored and published, every text redacted.
 */
@Service
public class OperationService implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OperationService.class);

    static final int TEXT_LIMIT = 16 * 1024;
    static final String INTERRUPTED = "interrupted by restart";
    private static final long PUBLISH_INTERVAL_MILLIS = 200;

    private final OperationLogRepository repository;
    private final OperationEvents events;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    /** Pending or running operations per target; a tail outlives its last operation's published end by a moment. */
    private final Map<String, Integer> unfinished = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();

    OperationService(OperationLogRepository repository, OperationEvents events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.executor = newExecutor();
    }

    /**
     * Four workers and a bounded queue: enough for a pull, a build and a restart at once on a 2-core box;
     * idle threads die so an idle console keeps no stacks around.
     */
    private static ThreadPoolExecutor newExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(500),
                runnable -> {
                    Thread thread = new Thread(runnable, "operation-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    @Override
    public void afterSingletonsInstantiated() {
        // a handful of rows at most: those the last run was working on when it stopped
        List<OperationLog> interrupted = repository.findByStatusIn(Set.of(OperationStatus.PENDING, OperationStatus.RUNNING));
        Instant now = clock.instant();
        interrupted.forEach(row -> row.interrupt(now, INTERRUPTED));
        repository.saveAll(interrupted);
        if (!interrupted.isEmpty()) {
            log.warn("{} operation(s) left unfinished by the last run were marked failed", interrupted.size());
        }
    }

    public OperationHandle submit(OperationType type, String name, OperationTarget target, OperationWork work) {
        return submit(type, name, target, executor, work);
    }

    /**
     * As {@link #submit(OperationType, String, OperationTarget, OperationWork)}, run on the caller's own
     * executor: for work that must not queue behind the shared pool, where long pulls and builds can
     * hold every worker (the network rollback restores the admin's way back in).
     */
    public OperationHandle submit(OperationType type, String name, OperationTarget target, Executor lane,
            OperationWork work) {
        Run run = new Run(save(new OperationLog(type, bound(name, 100), target, OperationStatus.PENDING, currentUser(),
                clock.instant())));
        active.incrementAndGet();
        // untargeted work has nothing to collide with: it gets a queue of its own
        String key = target == null ? "#" + run.id() : target.key();
        run.busyKey = key;
        unfinished.merge(key, 1, Integer::sum);
        run.publish();
        CompletableFuture<OperationUpdate> done = new CompletableFuture<>();
        CompletableFuture<Void> queued = tails.compute(key, (k, previous) -> {
            CompletableFuture<Void> before = previous == null ? CompletableFuture.completedFuture(null) : previous;
            return before.thenRunAsync(() -> done.complete(run.execute(work)), lane)
                    .exceptionally(e -> {
                        // only a rejected hand-over lands here: execute() itself never throws
                        done.complete(run.fail(e instanceof RejectedExecutionException || e.getCause() instanceof RejectedExecutionException
                                ? "the console is busy: too many operations queued" : String.valueOf(e)));
                        return null;
                    });
        });
        // registered outside compute(): a task that already finished would run this at once, and a map
        // update from inside compute() on the same key is not allowed
        queued.whenComplete((ignored, error) -> tails.remove(key, queued));
        return new OperationHandle(run.id(), done);
    }

    /** Records something that already happened (a login, a lockout) as a finished operation. */
    public OperationUpdate record(OperationType type, String name, OperationTarget target, OperationStatus finalStatus,
            String result, String error) {
        return record(type, name, target, finalStatus, result, error, currentUser());
    }

    /** As {@link #record(OperationType, String, OperationTarget, OperationStatus, String, String)}, for a named user (a login attempt). */
    public OperationUpdate record(OperationType type, String name, OperationTarget target, OperationStatus finalStatus,
            String result, String error, String user) {
        return recordFinished(type, name, target, user, clock.instant(), finalStatus, result, error);
    }

    /** A finished row for work that began at {@code start} (a logged call whose row waited for its caller's transaction). */
    OperationUpdate recordFinished(OperationType type, String name, OperationTarget target, String user, Instant start,
            OperationStatus finalStatus, String result, String error) {
        OperationLog row = new OperationLog(type, bound(name, 100), target, OperationStatus.RUNNING, bound(user, 64), start);
        row.finish(finalStatus, clock.instant(), bound(Redactor.redact(result), TEXT_LIMIT), bound(Redactor.redact(error), TEXT_LIMIT));
        OperationUpdate update = save(row).toUpdate();
        events.publish(update);
        return update;
    }

    /** Runs synchronous work on the caller's thread, logged like any operation (used by {@link LoggedOperation}). */
    public Object runLogged(OperationType type, String name, OperationTarget target, ThrowingSupplier work) throws Throwable {
        Run run = new Run(save(new OperationLog(type, bound(name, 100), target, OperationStatus.RUNNING, currentUser(),
                clock.instant())));
        active.incrementAndGet();
        run.publish();
        try {
            Object value = work.get();
            run.finish(OperationStatus.COMPLETED, value == null ? null : String.valueOf(value), null);
            return value;
        } catch (Throwable e) {
            run.finish(OperationStatus.FAILED, null, messageOf(e));
            throw e;
        }
    }

    /** Rows as the signed-in user may read them (see {@link OperationReader}); so are those of {@link #list}. */
    public Optional<OperationUpdate> find(long id) {
        return repository.findById(id).map(OperationLog::toUpdate).map(OperationReader::shownToCurrent);
    }

    public List<OperationUpdate> list(OperationFilter filter, int offset, int limit) {
        int pageSize = Math.max(1, limit);
        // Spring Data pages by page number; a lazy grid asks by offset, which is a multiple of its page size
        PageRequest page = PageRequest.of(offset / pageSize, pageSize, Sort.by(Sort.Order.desc("startTime"), Sort.Order.desc("id")));
        return repository.findAll(OperationSpecifications.of(filter, OperationReader.current()), page).map(OperationLog::toUpdate)
                .map(OperationReader::shownToCurrent).getContent();
    }

    public long count(OperationFilter filter) {
        return repository.count(OperationSpecifications.of(filter, OperationReader.current()));
    }

    /** Whether an operation on this target is pending or running (the REST API answers 409 rather than queue). */
    public boolean busy(OperationTarget target) {
        return unfinished.containsKey(target.key());
    }

    /** Operations pending or running now (the header's live count). */
    public int activeCount() {
        return active.get();
    }

    public long failuresSince(Instant since) {
        return repository.countByStatusAndStartTimeAfter(OperationStatus.FAILED, since);
    }

    private OperationLog save(OperationLog row) {
        return repository.save(row);
    }

    static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof OperationActor actor) {
            return actor.actorName();
        }
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }

    static String bound(String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        String marker = "\n[cut: " + (text.length() - limit) + " more characters]";
        return text.substring(0, Math.max(0, limit - marker.length())) + marker;
    }

    static String messageOf(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @FunctionalInterface
    public interface ThrowingSupplier {
        Object get() throws Throwable;
    }

    /** The live state of one operation while it is pending or running. */
    private final class Run implements OperationContext {

        private final OperationLog row;
        private final List<String> secrets = new CopyOnWriteArrayList<>();
        private final StringBuilder details = new StringBuilder();
        private long lastPublished;
        /** Set for submitted work: counted in {@code unfinished} until it ends. */
        private String busyKey;

        Run(OperationLog row) {
            this.row = row;
        }

        @Override
        public long id() {
            return row.getId();
        }

        @Override
        public void secret(String value) {
            secrets.add(value);
        }

        @Override
        public void progress(String line) {
            synchronized (details) {
                details.append(line).append('\n');
                // keep the tail: the last lines say more about where long work stands
                if (details.length() > TEXT_LIMIT) {
                    details.delete(0, details.length() - TEXT_LIMIT);
                }
            }
            long now = clock.millis();
            if (now - lastPublished >= PUBLISH_INTERVAL_MILLIS) {
                lastPublished = now;
                publish();
            }
        }

        OperationUpdate execute(OperationWork work) {
            row.setStatus(OperationStatus.RUNNING);
            save(row);
            publish();
            try {
                String result = work.run(this);
                return finish(OperationStatus.COMPLETED, result, null);
            } catch (Exception | LinkageError | AssertionError e) {
                log.debug("operation {} failed", id(), e);
                return finish(OperationStatus.FAILED, null, messageOf(e));
            }
        }

        OperationUpdate fail(String reason) {
            return finish(OperationStatus.FAILED, null, reason);
        }

        OperationUpdate finish(OperationStatus status, String result, String error) {
            row.setDetails(detailsText());
            row.finish(status, clock.instant(), bound(Redactor.redact(result, secrets), TEXT_LIMIT),
                    bound(Redactor.redact(error, secrets), TEXT_LIMIT));
            OperationUpdate update;
            try {
                update = save(row).toUpdate();
            } finally {
                active.decrementAndGet();
                if (busyKey != null) {
                    unfinished.computeIfPresent(busyKey, (k, count) -> count <= 1 ? null : count - 1);
                }
            }
            events.publish(update);
            return update;
        }

        void publish() {
            OperationUpdate stored = row.toUpdate();
            events.publish(new OperationUpdate(stored.id(), stored.type(), stored.name(), stored.target(), stored.status(),
                    stored.user(), stored.startTime(), stored.endTime(), detailsText(), stored.result(), stored.errorMessage()));
        }

        private String detailsText() {
            synchronized (details) {
                return details.isEmpty() ? null : Redactor.redact(details.toString(), secrets);
            }
        }
    }
}
