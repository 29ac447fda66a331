package io.miniman.extension.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.internal.AnnotationReader;

/**
 * What the production bundle holds. The bundle is built with the console and only has the browser
 * code of components found then; an extension's page using another one would render blank elements,
 * so its pages are checked against this list and the gap is said instead.
 */
@Component
public class BundleContents {

    private static final String STATS = "META-INF/VAADIN/config/stats.json";

    private final Optional<Set<String>> packages;

    BundleContents() {
        this.packages = read();
    }

    /** The npm packages in the bundle (e.g. @vaadin/grid); empty when running without a production bundle. */
    public Set<String> packages() {
        return packages.map(TreeSet::new).map(Set::copyOf).orElse(Set.of());
    }

    /** The npm packages this component tree needs that the bundle lacks (none without a bundle). */
    List<String> missingFor(com.vaadin.flow.component.Component root) {
        if (packages.isEmpty()) {
            return List.of();
        }
        Set<String> missing = new LinkedHashSet<>();
        Deque<com.vaadin.flow.component.Component> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            com.vaadin.flow.component.Component component = todo.pop();
            for (JsModule module : AnnotationReader.getJsModuleAnnotations(component.getClass())) {
                String pkg = packageOf(module.value());
                if (pkg != null && !packages.get().contains(pkg)) {
                    missing.add(pkg);
                }
            }
            component.getChildren().forEach(todo::push);
        }
        return List.copyOf(missing);
    }

    /** "@vaadin/grid/src/vaadin-grid.js" is in "@vaadin/grid"; "./x.js" is the console's own frontend folder. */
    static String packageOf(String module) {
        if (module.startsWith(".") || module.startsWith("/") || module.startsWith("Frontend/")) {
            return null;
        }
        String[] parts = module.split("/");
        return module.startsWith("@") && parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0];
    }

    private static Optional<Set<String>> read() {
        try (InputStream in = BundleContents.class.getClassLoader().getResourceAsStream(STATS)) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode imports = new ObjectMapper().readTree(in).path("bundleImports");
            Set<String> found = new TreeSet<>();
            imports.forEach(node -> {
                String pkg = packageOf(node.asText());
                if (pkg != null) {
                    found.add(pkg);
                }
            });
            return Optional.of(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
