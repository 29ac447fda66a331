package io.miniman.docker.volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerMount;
import com.github.dockerjava.api.model.PruneType;

import io.miniman.docker.DockerEngine;
import io.miniman.docker.PruneResult;

/** Volumes on the engine, in records. Sizes come from the engine's disk usage report. */
@Service
public class VolumeService {

    private final DockerEngine engine;
    private final ObjectMapper json = new ObjectMapper();

    public VolumeService(DockerEngine engine) {
        this.engine = engine;
    }

    public List<VolumeSummary> list() {
        Map<String, List<String>> users = new HashMap<>();
        for (Container c : engine.call(client -> client.listContainersCmd().withShowAll(true).exec())) {
            String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", "");
            for (ContainerMount m : c.getMounts() == null ? List.<ContainerMount>of() : c.getMounts()) {
                if (m.getName() != null) {
                    users.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(name);
                }
            }
        }
        Map<String, Long> sizes = new HashMap<>();
        for (JsonNode v : engine.diskUsageReport().path("Volumes")) {
            sizes.put(v.path("Name").asText(), v.path("UsageData").path("Size").asLong(-1));
        }
        List<VolumeSummary> out = new ArrayList<>();
        for (JsonNode v : engine.getJson("/volumes").path("Volumes")) {
            String name = v.path("Name").asText();
            Map<String, String> labels = new HashMap<>();
            v.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            out.add(new VolumeSummary(name, v.path("Driver").asText(), v.path("Mountpoint").asText(),
                    sizes.getOrDefault(name, -1L), users.getOrDefault(name, List.of()), labels, instant(v.path("CreatedAt").asText())));
        }
        return out;
    }

    private static Instant instant(String text) {
        try {
            return text.isEmpty() ? null : java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return the volume's name (the engine's choice when the spec has none) */
    public String create(VolumeSpec spec) {
        return engine.call(c -> {
            var cmd = c.createVolumeCmd().withDriver(spec.driver()).withDriverOpts(spec.options()).withLabels(spec.labels());
            if (!spec.name().isEmpty()) {
                cmd.withName(spec.name());
            }
            return cmd.exec().getName();
        });
    }

    public void remove(String name) {
        engine.run(c -> c.removeVolumeCmd(name).exec());
    }

    /** Every volume no container uses; {@code label} ("key=value", or null for all) limits it. */
    public PruneResult prune(String label) {
        Long reclaimed = engine.call(c -> {
            var cmd = c.pruneCmd(PruneType.VOLUMES);
            if (label != null) {
                cmd.withLabelFilter(label);
            }
            return cmd.exec().getSpaceReclaimed();
        });
        return new PruneResult(reclaimed == null ? 0 : reclaimed);
    }

    public String inspectJson(String name) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(engine.getJson("/volumes/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
