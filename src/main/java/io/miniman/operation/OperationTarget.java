package io.miniman.operation;

import java.util.Objects;

/**
 * What an operation acts on. Its kind and id say which thing it is and stay the same across renames
 * (a container's id, an image reference, a volume's name), so "one operation at a time per target"
 * holds whatever name a view used; the label is what people read in the log.
 */
public record OperationTarget(Kind kind, String id, String label) {

    /** Longest stored id or label: targets come from user input (a login name) and must not grow the log. */
    static final int TEXT_LIMIT = 128;

    public enum Kind {
        CONTAINER("container"), IMAGE("image"), VOLUME("volume"), DOCKER_NETWORK("network"),
        NETWORK_SETTINGS("network settings"), FILE("file"), USER("user"), LOGIN("login"), SETTINGS("settings"),
        STACK("stack"), UNIT("unit"), HOST("host"), EXTENSION("extension");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public OperationTarget {
        Objects.requireNonNull(kind, "kind");
        id = bound(Objects.requireNonNull(id, "id"));
        label = label == null || label.isBlank() ? id : bound(label);
    }

    public static OperationTarget of(Kind kind, String id) {
        return new OperationTarget(kind, id, id);
    }

    public static OperationTarget of(Kind kind, String id, String label) {
        return new OperationTarget(kind, id, label);
    }

    /** The identity used for "one at a time": kind and id, never the label. */
    String key() {
        return kind.name() + ':' + id;
    }

    @Override
    public String toString() {
        return kind.word() + " " + label;
    }

    private static String bound(String text) {
        return text.length() <= TEXT_LIMIT ? text : text.substring(0, TEXT_LIMIT - 1) + "…";
    }
}
