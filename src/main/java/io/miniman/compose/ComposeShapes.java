package io.miniman.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.miniman.docker.container.RunSpec;
import io.miniman.docker.volume.VolumeSpec;

/**
 * A stack's effective configuration (what {@code compose config} prints, relative paths already made
 * absolute) in the shapes the run dialog speaks: a {@link RunSpec} per service (and per external network
 * it joins) and a {@link VolumeSpec} per volume it creates, so the Docker security policy judges a stack
 * exactly as it judges a container. Read from compose's output rather than the user's text, so anchors,
 * extends and variables cannot hide anything. What a RunSpec cannot express is named in {@code beyond}.
 */
record ComposeShapes(Map<String, List<RunSpec>> services, Map<String, VolumeSpec> volumes, List<String> beyond) {

    static ComposeShapes of(String effectiveConfig) {
        Map<String, List<RunSpec>> services = new LinkedHashMap<>();
        Map<String, VolumeSpec> volumes = new LinkedHashMap<>();
        List<String> beyond = new ArrayList<>();
        Object doc = StackValidator.yaml().load(effectiveConfig);
        Map<?, ?> root = doc instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> networks = root.get("networks") instanceof Map<?, ?> n ? n : Map.of();
        if (root.get("services") instanceof Map<?, ?> all) {
            all.forEach((name, spec) -> {
                if (spec instanceof Map<?, ?> service) {
                    services.put(String.valueOf(name), runSpecs(service, networks));
                    beyond(String.valueOf(name), service, beyond);
                }
            });
        }
        if (root.get("volumes") instanceof Map<?, ?> all) {
            all.forEach((name, spec) -> {
                Map<?, ?> volume = spec instanceof Map<?, ?> v ? v : Map.of();
                if (!Boolean.TRUE.equals(volume.get("external"))) {
                    volumes.put(String.valueOf(name), new VolumeSpec(String.valueOf(name), text(volume.get("driver")),
                            strings(volume.get("driver_opts")), Map.of()));
                }
            });
        }
        return new ComposeShapes(services, volumes, beyond);
    }

    private static List<RunSpec> runSpecs(Map<?, ?> service, Map<?, ?> networks) {
        String image = text(service.get("image"));
        List<RunSpec.Mount> mounts = new ArrayList<>();
        if (service.get("volumes") instanceof List<?> list) {
            for (Object volume : list) {
                RunSpec.Mount mount = mount(volume);
                if (mount != null) {
                    mounts.add(mount);
                }
            }
        }
        List<String> devices = service.get("devices") instanceof List<?> d ? d.stream().map(String::valueOf).toList() : List.of();
        List<String> caps = service.get("cap_add") instanceof List<?> c ? c.stream().map(String::valueOf).toList() : List.of();
        RunSpec.HostAccess access = new RunSpec.HostAccess(Boolean.TRUE.equals(service.get("privileged")), devices, caps,
                ownMode(text(service.get("pid"))));
        List<RunSpec> specs = new ArrayList<>();
        specs.add(new RunSpec(image, "", null, null, null, mounts, ownMode(text(service.get("network_mode"))), null, null, null,
                null, access));
        // an external network is one the engine already has, possibly the host's own
        // compose prints the networks a service joins as a map; a list is what people write
        Object joined = service.get("networks");
        List<?> keys = joined instanceof Map<?, ?> map ? List.copyOf(map.keySet()) : joined instanceof List<?> list ? list : List.of();
        for (Object key : keys) {
            if (networks.get(key) instanceof Map<?, ?> network && Boolean.TRUE.equals(network.get("external"))) {
                String name = network.get("name") == null ? String.valueOf(key) : String.valueOf(network.get("name"));
                specs.add(new RunSpec(image, "", null, null, null, null, name, null, null, null, null));
            }
        }
        return specs;
    }

    /** "service:x" shares with another service of the same stack: nothing beyond the stack, so no mode the policy judges. */
    private static String ownMode(String mode) {
        return mode.startsWith("service:") ? "" : mode;
    }

    /** Short ("/src:/dst:rw", "name:/dst") or long ({type, source, target}) syntax; null for tmpfs and anonymous volumes. */
    static RunSpec.Mount mount(Object volume) {
        if (volume instanceof String shortSyntax) {
            String[] parts = shortSyntax.split(":");
            return parts.length < 2 ? null : new RunSpec.Mount(parts[0], parts[1], parts.length > 2 && parts[2].contains("ro"));
        }
        if (volume instanceof Map<?, ?> longSyntax && longSyntax.get("source") != null
                && ("bind".equals(longSyntax.get("type")) || "volume".equals(longSyntax.get("type")))) {
            return new RunSpec.Mount(String.valueOf(longSyntax.get("source")), text(longSyntax.get("target")),
                    Boolean.TRUE.equals(longSyntax.get("read_only")));
        }
        return null;
    }

    /** What the run dialog has no field for, and so no non-admin may ask for through a stack either. */
    private static void beyond(String name, Map<?, ?> service, List<String> out) {
        String prefix = "service '" + name + "': ";
        String ipc = text(service.get("ipc"));
        if (ipc.equals("host") || ipc.startsWith("container:")) {
            out.add(prefix + "sharing an IPC namespace (" + ipc + ") is for admins");
        }
        if ("host".equals(service.get("userns_mode"))) {
            out.add(prefix + "the host's user namespace is for admins");
        }
        if (service.get("security_opt") instanceof List<?> options && !options.isEmpty()) {
            out.add(prefix + "security options " + options + " are for admins");
        }
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static Map<String, String> strings(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }
}
