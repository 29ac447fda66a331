package io.miniman.docker.validation;

/** The engine's own rules for what a user types, as regular expressions the constraint annotations share. */
public final class DockerPatterns {

    /** Container, volume and network names: what the engine accepts ([a-zA-Z0-9][a-zA-Z0-9_.-]*). */
    public static final String NAME = "[a-zA-Z0-9][a-zA-Z0-9_.-]*";
    /** An optional name: empty lets the engine choose. */
    public static final String OPTIONAL_NAME = "|" + NAME;
    /** [registry[:port]/]path[:tag][@sha256:digest]. */
    public static final String IMAGE =
            "(?:[a-zA-Z0-9.-]+(?::\\d+)?/)?[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*"
                    + "(?::\\w[\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?";
    /** Empty, or the same pattern: an empty field is reported once, by @NotBlank. */
    public static final String OPTIONAL_IMAGE = "|" + IMAGE;
    public static final String ABSOLUTE_PATH = "/[^\\x00]*";

    public static final String NAME_MESSAGE =
            "may only hold letters, digits, '_', '.' and '-', and must start with a letter or digit";
    public static final String IMAGE_MESSAGE = "is not an image reference like registry:5000/name:tag";

    private DockerPatterns() {
    }

    public static boolean validName(String name) {
        return name != null && name.matches(NAME);
    }

    public static boolean validImage(String reference) {
        return reference != null && reference.matches(IMAGE);
    }
}
