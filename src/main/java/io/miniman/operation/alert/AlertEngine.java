package io.miniman.operation.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.miniman.Subscription;
import io.miniman.operation.OperationEvents;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;
import io.miniman.operation.OperationUpdate;

/**
 * Watches operation transitions against the enabled rules. The operation's thread only hands the
 * update to one alert thread (a bounded queue that drops the oldest when a storm outruns it), so a
 * slow SMTP server never holds an operation; the thread also owns the rules' counting windows.
 */
@Service
public class AlertEngine implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertEngine.class);
    static final String LOCKOUT = "lockout";

    private final AlertConfig config;
    private final AlertDispatcher dispatcher;
    private final Clock clock;
    private final ThreadPoolExecutor worker;
    private final Subscription subscription;
    private final StormGate gate = new StormGate();
    private final Map<Long, Deque<Instant>> windows = new HashMap<>();
    private final Map<Long, OperationUpdate> running = new LinkedHashMap<>();
    private final Map<Long, Set<Long>> reportedLong = new HashMap<>();

    AlertEngine(AlertConfig config, AlertDispatcher dispatcher, OperationEvents events, Clock clock) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), runnable -> {
            Thread thread = new Thread(runnable, "alerts");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardOldestPolicy());
        this.subscription = events.subscribe(this::onUpdate);
    }

    private void onUpdate(OperationUpdate update) {
        // progress lines of running work change nothing a rule looks at
        if (update.status() == OperationStatus.RUNNING && update.details() != null) {
            return;
        }
        worker.execute(() -> guarded(() -> evaluate(update, clock.instant())));
    }

    /** Every 15 s: operations that now run too long, and storm summaries whose quiet period ended. */
    @Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
    void tick() {
        worker.execute(() -> guarded(() -> check(clock.instant())));
    }

    /** Runs {@link #check} for a given time and waits: for tests, which cannot wait 15 s or move the shared clock. */
    void checkAt(Instant now) {
        CompletableFuture.runAsync(() -> guarded(() -> check(now)), worker).join();
    }

    /** Waits until the updates handed over so far are evaluated (tests). */
    void settle() {
        CompletableFuture.runAsync(() -> { }, worker).join();
    }

    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("alert evaluation failed", e);
        }
    }

    private void evaluate(OperationUpdate update, Instant now) {
        if (update.status() == OperationStatus.RUNNING) {
            running.putIfAbsent(update.id(), update);
        } else if (update.status().isFinished()) {
            running.remove(update.id());
            reportedLong.values().forEach(ids -> ids.remove(update.id()));
        }
        if (update.status() != OperationStatus.FAILED) {
            return;
        }
        for (RuleSpec rule : config.activeRules()) {
            String message = switch (rule.kind()) {
                case FAILURE_OF_TYPE -> typeMatches(rule, update.type()) ? failure(update) : null;
                case FAILURES_OF_NAME -> countFailure(rule, update, now);
                case LOGIN_LOCKOUT -> update.type() == OperationType.AUTH && LOCKOUT.equals(update.name())
                        ? update.errorMessage() : null;
                case RUNNING_LONGER -> null;
            };
            if (message != null) {
                fire(rule, message, update.id(), now);
            }
        }
    }

    private String countFailure(RuleSpec rule, OperationUpdate update, Instant now) {
        if (!update.name().equalsIgnoreCase(rule.operationName()) || !typeMatches(rule, update.type())) {
            return null;
        }
        Deque<Instant> window = windows.computeIfAbsent(rule.id(), id -> new ArrayDeque<>());
        window.addLast(now);
        Instant from = now.minus(Duration.ofMinutes(rule.minutes()));
        while (!window.isEmpty() && window.peekFirst().isBefore(from)) {
            window.pollFirst();
        }
        if (window.size() < rule.threshold()) {
            return null;
        }
        int seen = window.size();
        // the next alert needs N new failures, not one more on top of these
        window.clear();
        return seen + " failures of '" + update.name() + "' within " + rule.minutes() + " min; last: " + failure(update);
    }

    private void check(Instant now) {
        List<RuleSpec> rules = config.activeRules();
        for (RuleSpec rule : rules) {
            if (rule.kind() != RuleKind.RUNNING_LONGER) {
                continue;
            }
            Set<Long> reported = reportedLong.computeIfAbsent(rule.id(), id -> new HashSet<>());
            for (OperationUpdate op : running.values()) {
                Duration ran = Duration.between(op.startTime(), now);
                boolean matches = typeMatches(rule, op.type())
                        && (rule.operationName() == null || op.name().equalsIgnoreCase(rule.operationName()));
                if (matches && ran.toMinutes() >= rule.minutes() && reported.add(op.id())) {
                    fire(rule, op.type().label() + " " + op.name() + (op.target() == null ? "" : " on " + op.target())
                            + " has been running for " + ran.toMinutes() + " min (started by " + op.user() + ")", op.id(), now);
                }
            }
        }
        Map<Long, RuleSpec> byId = rules.stream().collect(Collectors.toMap(RuleSpec::id, r -> r));
        Map<Long, Duration> quiet = rules.stream().collect(Collectors.toMap(RuleSpec::id, r -> Duration.ofMinutes(r.quietMinutes())));
        for (StormGate.Held held : gate.due(now, quiet)) {
            RuleSpec rule = byId.get(held.ruleId());
            if (rule == null) {
                gate.forget(held.ruleId());
                continue;
            }
            dispatcher.dispatch(rule, held.count() + " more since the last alert; last: " + held.lastMessage(), held.count(),
                    held.lastOperationId());
        }
    }

    private void fire(RuleSpec rule, String message, Long operationId, Instant now) {
        if (gate.admit(rule.id(), Duration.ofMinutes(rule.quietMinutes()), now, message, operationId)) {
            dispatcher.dispatch(rule, message, 1, operationId);
        }
    }

    private static boolean typeMatches(RuleSpec rule, OperationType type) {
        return rule.operationType() == null || rule.operationType() == type;
    }

    private static String failure(OperationUpdate update) {
        return update.type().label() + " " + update.name() + (update.target() == null ? "" : " on " + update.target())
                + " failed" + (update.user() == null ? "" : " (" + update.user() + ")")
                + (update.errorMessage() == null ? "" : ": " + update.errorMessage());
    }

    @Override
    public void destroy() {
        subscription.close();
        worker.shutdownNow();
    }
}
