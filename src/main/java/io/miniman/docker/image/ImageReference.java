package io.miniman.docker.image;

import io.miniman.docker.validation.DockerPatterns;

/**
 * An image reference split the way the engine's pull and tag endpoints want it. Without a tag or digest
 * the tag is "latest": an empty tag would make the engine pull every tag of the repository.
 */
public record ImageReference(String repository, String tag) {

    private static final String DEFAULT_REGISTRY = "docker.io";

    /** Throws {@link IllegalArgumentException} for text that is no image reference. */
    public static ImageReference parse(String reference) {
        String ref = reference == null ? "" : reference.trim();
        if (!DockerPatterns.validImage(ref)) {
            throw new IllegalArgumentException("'" + ref + "' " + DockerPatterns.IMAGE_MESSAGE);
        }
        if (ref.contains("@")) {
            return new ImageReference(ref, null);
        }
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            return new ImageReference(ref.substring(0, colon), ref.substring(colon + 1));
        }
        return new ImageReference(ref, "latest");
    }

    /**
     * The one name the engine means: {@code busybox}, {@code library/busybox:latest} and
     * {@code docker.io/library/busybox:latest} are the same image, so they are the same operation target.
     */
    public String canonical() {
        int slash = repository.indexOf('/');
        String first = slash < 0 ? "" : repository.substring(0, slash);
        boolean hasRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
        String registry = hasRegistry ? first : DEFAULT_REGISTRY;
        String path = hasRegistry ? repository.substring(slash + 1) : repository;
        if (registry.equals("index.docker.io")) {
            registry = DEFAULT_REGISTRY;
        }
        if (registry.equals(DEFAULT_REGISTRY) && !path.contains("/")) {
            path = "library/" + path;
        }
        return registry + "/" + path + (tag == null ? "" : ":" + tag);
    }
}
