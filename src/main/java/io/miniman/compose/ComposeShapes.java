package io.miniman.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of a stack's effective configuration (what {@code compose config} prints, relative paths
 * already made absolute) that reach past a container: the shapes the run dialog refuses a non-admin.
 * Read from compose's output rather than the user's text, so anchors, extends and variables cannot
 * hide them.
 */
final class ComposeShapes {

    private ComposeShapes() {
    }

    /** Why a non-admin may not run this configuration; empty when nothing reaches past the containers. */
    static List<String> refusals(String effectiveConfig) {
        Object doc = StackValidator.yaml().load(effectiveConfig);
        List<String> out = new ArrayList<>();
        if (!(doc instanceof Map<?, ?> root)) {
            return out;
        }
        if (root.get("services") instanceof Map<?, ?> services) {
            services.forEach((name, spec) -> {
                if (spec instanceof Map<?, ?> service) {
                    service(String.valueOf(name), service, out);
                }
            });
        }
        if (root.get("volumes") instanceof Map<?, ?> volumes) {
            volumes.forEach((name, spec) -> {
                if (spec instanceof Map<?, ?> volume && volume.get("driver_opts") instanceof Map<?, ?> opts && !opts.isEmpty()) {
                    out.add("volume '" + name + "': driver options (they can mount any host folder)");
                }
            });
        }
        return out;
    }

    private static void service(String name, Map<?, ?> service, List<String> out) {
        String prefix = "service '" + name + "': ";
        if (Boolean.TRUE.equals(service.get("privileged"))) {
            out.add(prefix + "privileged mode");
        }
        namespace(prefix, "network", service.get("network_mode"), out);
        namespace(prefix, "PID", service.get("pid"), out);
        namespace(prefix, "IPC", service.get("ipc"), out);
        if ("host".equals(service.get("userns_mode"))) {
            out.add(prefix + "the host's user namespace");
        }
        if (service.get("devices") instanceof List<?> devices && !devices.isEmpty()) {
            out.add(prefix + "host devices " + devices);
        }
        if (service.get("cap_add") instanceof List<?> caps && !caps.isEmpty()) {
            out.add(prefix + "added capabilities " + caps);
        }
        if (service.get("volumes") instanceof List<?> volumes) {
            for (Object volume : volumes) {
                String source = bindSource(volume);
                if (source != null) {
                    out.add(prefix + "bind mount of host path " + source);
                }
            }
        }
    }

    /** "host" shares the host's namespace, "container:x" another container's: both leave the stack's sandbox. */
    private static void namespace(String prefix, String what, Object mode, List<String> out) {
        if (mode instanceof String value && (value.equals("host") || value.startsWith("container:"))) {
            out.add(prefix + (value.equals("host") ? "the host's " + what + " namespace" : what + " namespace of " + value));
        }
    }

    /** The host path of a bind mount, in short ("/src:/dst:rw") or long ({type: bind, source: ...}) syntax; null otherwise. */
    static String bindSource(Object volume) {
        if (volume instanceof String shortSyntax) {
            int colon = shortSyntax.indexOf(':');
            String source = colon < 0 ? "" : shortSyntax.substring(0, colon);
            return source.startsWith("/") || source.startsWith(".") || source.startsWith("~") ? source : null;
        }
        if (volume instanceof Map<?, ?> longSyntax && "bind".equals(longSyntax.get("type"))) {
            return String.valueOf(longSyntax.get("source"));
        }
        return null;
    }
}
