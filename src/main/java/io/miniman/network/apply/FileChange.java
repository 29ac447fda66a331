package io.miniman.network.apply;

import java.util.List;
import java.util.Optional;

import io.miniman.network.render.ManagedFile;

/**
 * One managed file as an apply would leave it. {@code handEdited}: the file on disk is not what the
 * console last wrote there, so applying overwrites someone's edit ({@code diff} shows it).
 */
public record FileChange(ManagedFile file, Optional<String> before, String after, List<TextDiff.Line> diff,
        boolean handEdited) {

    public boolean changed() {
        return before.map(text -> !text.equals(after)).orElse(true);
    }
}
