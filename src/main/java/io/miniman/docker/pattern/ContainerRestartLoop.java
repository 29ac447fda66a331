package io.miniman.docker.pattern;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.miniman.Subscription;
import io.miniman.docker.DockerEvent;
import io.miniman.docker.DockerEvents;
import io.miniman.operation.pattern.EvidenceRing;
import io.miniman.operation.pattern.Finding;
import io.miniman.operation.pattern.PatternRule;

/**
 * A rule of the log's pattern analysis (io.miniman.operation.pattern) that Docker contributes, as it alone
 * hears the engine. A container the engine keeps restarting: its "die" events, heard from the engine's event stream.
 * The operation log does not see these (a restart policy is not an operation), so the rule keeps the
 * dies it heard since the console started.
 */
@Component
class ContainerRestartLoop implements PatternRule, DisposableBean {

    static final int THRESHOLD = 3;
    static final Duration SPAN = Duration.ofMinutes(10);

    private final EvidenceRing<DockerEvent> dies = new EvidenceRing<>(500);
    private final Subscription subscription;

    ContainerRestartLoop(DockerEvents events) {
        this.subscription = events.subscribe(this::heard);
    }

    void heard(DockerEvent event) {
        if ("container".equals(event.type()) && "die".equals(event.action())) {
            dies.add(event.time(), event);
        }
    }

    @Override
    public List<Finding> find(Instant since, Instant now) {
        Map<String, List<EvidenceRing.Entry<DockerEvent>>> byContainer = new LinkedHashMap<>();
        // the engine's times, not the order heard: a reconnected stream may replay older events
        for (EvidenceRing.Entry<DockerEvent> die : dies.between(since, now).stream()
                .sorted(Comparator.comparing(EvidenceRing.Entry::at)).toList()) {
            byContainer.computeIfAbsent(die.value().id(), id -> new ArrayList<>()).add(die);
        }
        List<Finding> findings = new ArrayList<>();
        byContainer.forEach((id, events) -> {
            Instant newest = events.get(events.size() - 1).at();
            long recent = events.stream().filter(e -> e.at().isAfter(newest.minus(SPAN))).count();
            if (recent >= THRESHOLD) {
                findings.add(finding(id, events, recent));
            }
        });
        return findings;
    }

    private static Finding finding(String id, List<EvidenceRing.Entry<DockerEvent>> events, long recent) {
        String name = events.get(events.size() - 1).value().name();
        List<Finding.Evidence> evidence = events.stream().map(e -> new Finding.Evidence(null, e.at(),
                "container " + e.value().name() + " exited with code " + e.value().attributes().getOrDefault("exitCode", "?")))
                .toList();
        return new Finding("restart-loop:" + id, "Container restart loop",
                "Container " + name + " stopped " + recent + " times within " + SPAN.toMinutes() + " minutes",
                "Its restart policy starts it again each time it exits, and it exits again. Read its log (Containers → "
                        + name + " → Logs) for the reason: a missing setting, a port in use or a volume it cannot write. "
                        + "Stop it while you fix it so it does not load the box.",
                evidence.subList(Math.max(0, evidence.size() - Finding.EVIDENCE_LIMIT), evidence.size()));
    }

    @Override
    public void destroy() {
        subscription.close();
    }
}
