package io.miniman.backup;

import java.util.Map;
import java.util.function.Consumer;

/**
 * What a part's restore may know: the answers to its choices (by key), the address of the admin's
 * browser (to warn before cutting it off) and where to report progress (the restore operation's details).
 */
public record RestoreContext(Map<String, String> answers, String remoteAddress, Consumer<String> progress) {

    public RestoreContext {
        answers = Map.copyOf(answers);
        remoteAddress = remoteAddress == null ? "" : remoteAddress;
    }

    /** The answer to a choice the part asked for in its preview; the restore service checked it is there. */
    public String answer(String key) {
        String value = answers.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no answer to '" + key + "'");
        }
        return value;
    }
}
