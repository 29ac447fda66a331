package io.miniman.docker.image;

import java.time.Instant;
import java.util.List;

/** One layer of an image's history, newest first, as {@code docker history} shows it. */
public record HistoryEntry(String id, Instant created, String createdBy, long sizeBytes, List<String> tags) {
}
