package io.miniman.extension.loader;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extensions this run of the console has: those loaded with the pages each added, and every jar or
 * page that was skipped with the reason. Filled while the console starts and when a page first fails.
 */
public class Extensions {

    private static final Logger log = LoggerFactory.getLogger(Extensions.class);

    /** A loaded extension and the routes of its pages. */
    public record Loaded(ExtensionDescriptor descriptor, List<String> routes) {
    }

    private final Map<String, Loaded> loaded = new LinkedHashMap<>();
    private final Map<String, ExtensionProblem> problems = new LinkedHashMap<>();
    private final Path folder;
    private final ClassLoader classLoader;
    private final Clock clock;

    Extensions(Path folder, ClassLoader classLoader, List<ExtensionDescriptor> descriptors,
            List<ExtensionProblem> jarProblems, Clock clock) {
        this.folder = folder;
        this.classLoader = classLoader;
        this.clock = clock;
        descriptors.forEach(d -> loaded.put(d.name(), new Loaded(d, new ArrayList<>())));
        jarProblems.forEach(this::add);
    }

    /** The folder whose jars were looked at when the console started. */
    public Path folder() {
        return folder;
    }

    /** Sees the console's classes and the extensions' jars. */
    ClassLoader classLoader() {
        return classLoader;
    }

    public synchronized List<Loaded> loaded() {
        return loaded.values().stream().map(l -> new Loaded(l.descriptor(), List.copyOf(l.routes()))).toList();
    }

    public synchronized List<ExtensionProblem> problems() {
        return List.copyOf(problems.values());
    }

    synchronized List<ExtensionDescriptor> descriptors() {
        return loaded.values().stream().map(Loaded::descriptor).toList();
    }

    /** The extension whose package holds this class, if any. */
    synchronized Optional<ExtensionDescriptor> owner(Class<?> type) {
        String name = type.getName();
        return loaded.values().stream().map(Loaded::descriptor)
                .filter(d -> name.startsWith(d.basePackage() + ".")).findFirst();
    }

    synchronized void routeAdded(ExtensionDescriptor descriptor, String route) {
        List<String> routes = loaded.get(descriptor.name()).routes();
        if (!routes.contains(route)) {
            routes.add(route);
        }
    }

    synchronized void refused(String source, String reason) {
        add(new ExtensionProblem(source, reason, clock.instant()));
    }

    private void add(ExtensionProblem problem) {
        // Vaadin starts a service per servlet (and tests start many): say each problem once
        if (problems.putIfAbsent(problem.source() + '\n' + problem.reason(), problem) == null) {
            log.warn("Extension {} skipped: {}", problem.source(), problem.reason());
        }
    }
}
