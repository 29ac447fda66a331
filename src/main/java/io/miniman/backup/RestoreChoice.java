package io.miniman.backup;

import java.util.List;

/**
 * A question a restore must have answered, such as which interface here takes the place of a name the
 * backup's box had. {@code key} is what the answer is filed under; the answer is one of {@code options}.
 */
public record RestoreChoice(String key, String question, List<String> options) {

    public RestoreChoice {
        options = List.copyOf(options);
    }
}
