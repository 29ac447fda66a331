package io.miniman.network.apply;

import java.util.List;

import io.miniman.network.apply.RenderedFileChecker.Check;
import io.miniman.network.apply.RenderedFileChecker.Verdict;
import io.miniman.network.settings.NetworkSettings;

/** What "Apply" would do: files that change, what the real programs say of them, and the risks. */
public record ApplyPreview(NetworkSettings proposed, List<FileChange> changes, List<Check> checks,
        List<String> warnings) {

    public List<Check> rejected() {
        return checks.stream().filter(check -> check.verdict() == Verdict.REJECTED).toList();
    }

    public boolean nothingChanges() {
        return changes.stream().noneMatch(FileChange::changed);
    }
}
