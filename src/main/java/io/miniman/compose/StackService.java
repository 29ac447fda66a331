package io.miniman.compose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.miniman.docker.DockerFailure;
import io.miniman.docker.container.ContainerFilter;
import io.miniman.docker.container.ContainerService;
import io.miniman.docker.container.ContainerSummary;
import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;
import io.miniman.operation.OperationUpdate;
import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;

/** Stacks as the folder and the engine see them, in records: what views and the API read. */
@Service
public class StackService {

    /** The label compose (v1 and v2) puts on every container it makes. */
    public static final String PROJECT_LABEL = "com.docker.compose.project";
    static final String SERVICE_LABEL = "com.docker.compose.service";
    /** Recent compose operations scanned for each stack's last one. */
    private static final int RECENT_OPERATIONS = 200;

    private final StackFiles files;
    private final ContainerService containers;
    private final OperationService operations;
    private final ComposeProperties properties;
    private final ComposeCli cli;

    StackService(StackFiles files, ContainerService containers, OperationService operations, ComposeProperties properties,
            ComposeCli cli) {
        this.files = files;
        this.containers = containers;
        this.operations = operations;
        this.properties = properties;
        this.cli = cli;
    }

    public ComposeProgram program() {
        return cli.program();
    }

    public List<StackSummary> list() {
        Map<String, List<StackContainer>> byProject = containersByProject();
        Map<String, String> lastOperations = lastOperations();
        List<StackSummary> out = new ArrayList<>();
        for (String name : files.names()) {
            out.add(summary(name, byProject, lastOperations));
        }
        return out;
    }

    public StackDetail detail(String name) {
        Map<String, List<StackContainer>> byProject = containersByProject();
        StackText text = files.read(name, properties.composeFileLimit());
        boolean mask = !CurrentUser.hasRole(Roles.ADMIN);
        if (mask) {
            text = new StackText(text.compose(), StackRevisions.maskEnv(text.env()));
        }
        return new StackDetail(summary(name, byProject, lastOperations()), text, mask,
                byProject.getOrDefault(name, List.of()));
    }

    public boolean exists(String name) {
        return files.exists(name);
    }

    private StackSummary summary(String name, Map<String, List<StackContainer>> byProject, Map<String, String> lastOperations) {
        List<String> services = services(name);
        String last = lastOperations.getOrDefault(target(name).toString(), "");
        if (byProject == null) {
            return new StackSummary(name, StackState.UNKNOWN, 0, 0, services, last);
        }
        List<StackContainer> mine = byProject.getOrDefault(name, List.of());
        int running = (int) mine.stream().filter(StackContainer::running).count();
        return new StackSummary(name, StackState.of(running, mine.size()), running, mine.size(), services, last);
    }

    /** Service names from the file as written; a file that does not parse lists none (its page says why on save). */
    private List<String> services(String name) {
        try {
            Map<?, ?> doc = StackValidator.parse(files.read(name, properties.composeFileLimit()).compose());
            return ((Map<?, ?>) doc.get("services")).keySet().stream().map(String::valueOf).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Null when the engine cannot be asked: the states are then unknown, the files still listed. */
    private Map<String, List<StackContainer>> containersByProject() {
        List<ContainerSummary> all;
        try {
            all = containers.list(ContainerFilter.ALL);
        } catch (DockerFailure e) {
            return null;
        }
        Map<String, List<StackContainer>> out = new HashMap<>();
        for (ContainerSummary c : all) {
            String project = c.labels() == null ? null : c.labels().get(PROJECT_LABEL);
            if (project != null) {
                out.computeIfAbsent(project, k -> new ArrayList<>()).add(new StackContainer(c.id(), c.name(),
                        c.labels().getOrDefault(SERVICE_LABEL, ""), c.image(), c.state(), c.status()));
            }
        }
        out.values().forEach(list -> list.sort(java.util.Comparator.comparing(StackContainer::name)));
        return out;
    }

    private Map<String, String> lastOperations() {
        Map<String, String> out = new LinkedHashMap<>();
        OperationFilter compose = new OperationFilter(OperationType.COMPOSE, null, null, null, null, null);
        for (OperationUpdate update : operations.list(compose, 0, RECENT_OPERATIONS)) {
            out.putIfAbsent(update.target(), update.name() + ": " + update.status().name().toLowerCase());
        }
        return out;
    }

    static OperationTarget target(String name) {
        return OperationTarget.of(OperationTarget.Kind.STACK, name);
    }
}
