package io.miniman.docker.image;

import java.time.Instant;
import java.util.List;

/** A row of the images grid; {@code tags} is empty for a dangling image. */
public record ImageSummary(String id, List<String> tags, long sizeBytes, Instant created, int usedBy, boolean dangling) {

    public String shortId() {
        String bare = id.startsWith("sha256:") ? id.substring(7) : id;
        return bare.length() > 12 ? bare.substring(0, 12) : bare;
    }

    public String displayName() {
        return tags.isEmpty() ? "<none>:<none>" : String.join(", ", tags);
    }
}
