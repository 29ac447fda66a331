package io.miniman.backup;

import java.util.List;

/**
 * What restoring one part would change. {@code before} and {@code after} are readable texts (secrets
 * masked) that the page shows as a line diff; {@code changes} are one-line facts ("user 'bob' is added");
 * {@code choices} are questions the admin must answer before the restore may run.
 */
public record PartPreview(String before, String after, List<String> changes, List<RestoreChoice> choices) {

    public PartPreview {
        before = before == null ? "" : before;
        after = after == null ? "" : after;
        changes = changes == null ? List.of() : List.copyOf(changes);
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public boolean changesSomething() {
        return !before.equals(after) || !changes.isEmpty();
    }
}
