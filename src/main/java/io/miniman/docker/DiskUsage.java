package io.miniman.docker;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code docker system df}: one row each for images, containers, local volumes and the build cache. */
public record DiskUsage(List<Row> rows) {

    public record Row(String type, int total, int active, long sizeBytes, long reclaimableBytes) {
    }

    /** Reads the engine's /system/df answer, summing the way the docker CLI does. */
    static DiskUsage from(JsonNode df) {
        JsonNode images = df.path("Images");
        long imagesSize = df.path("LayersSize").asLong();
        long imagesUsed = 0;
        for (JsonNode image : images) {
            if (image.path("Containers").asLong() > 0 && image.path("SharedSize").asLong() != -1) {
                imagesUsed += image.path("Size").asLong() - image.path("SharedSize").asLong();
            }
        }
        Row imageRow = new Row("Images", images.size(), count(images, i -> i.path("Containers").asLong() > 0),
                imagesSize, Math.max(0, imagesSize - imagesUsed));

        JsonNode containers = df.path("Containers");
        Predicate<JsonNode> running = c -> "running".equals(c.path("State").asText());
        Row containerRow = new Row("Containers", containers.size(), count(containers, running),
                sum(containers, c -> true, c -> c.path("SizeRw").asLong()),
                sum(containers, running.negate(), c -> c.path("SizeRw").asLong()));

        JsonNode volumes = df.path("Volumes");
        Predicate<JsonNode> referenced = v -> v.path("UsageData").path("RefCount").asLong() > 0;
        ToLongFunction<JsonNode> volumeSize = v -> Math.max(0, v.path("UsageData").path("Size").asLong());
        Row volumeRow = new Row("Local Volumes", volumes.size(), count(volumes, referenced),
                sum(volumes, v -> true, volumeSize), sum(volumes, referenced.negate(), volumeSize));

        JsonNode cache = df.path("BuildCache");
        Predicate<JsonNode> inUse = b -> b.path("InUse").asBoolean();
        Row cacheRow = new Row("Build Cache", cache.size(), count(cache, inUse),
                sum(cache, b -> true, b -> b.path("Size").asLong()),
                sum(cache, b -> !b.path("InUse").asBoolean() && !b.path("Shared").asBoolean(), b -> b.path("Size").asLong()));
        return new DiskUsage(List.of(imageRow, containerRow, volumeRow, cacheRow));
    }

    private static int count(JsonNode array, Predicate<JsonNode> which) {
        int n = 0;
        for (JsonNode item : array) {
            if (which.test(item)) {
                n++;
            }
        }
        return n;
    }

    private static long sum(JsonNode array, Predicate<JsonNode> which, ToLongFunction<JsonNode> size) {
        long total = 0;
        for (JsonNode item : array) {
            if (which.test(item)) {
                total += size.applyAsLong(item);
            }
        }
        return total;
    }
}
