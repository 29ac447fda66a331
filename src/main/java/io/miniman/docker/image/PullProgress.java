package io.miniman.docker.image;

/** One step of a pull: a layer's status and, while downloading or extracting, its bytes so far. */
public record PullProgress(String layer, String status, long current, long total) {

    public double fraction() {
        if (status.startsWith("Pull complete") || status.startsWith("Already exists")) {
            return 1;
        }
        return total > 0 ? Math.min(1, (double) current / total) : 0;
    }
}
