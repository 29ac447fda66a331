package io.miniman.system.service;

import java.util.List;
import java.util.function.Function;

/** The service layer's readers for tests elsewhere (the simulated box), where systemd runs in a container. */
public final class SystemdReadings {

    private SystemdReadings() {
    }

    /** {@code run} runs an argument list where systemd is and returns its standard output. */
    public static List<UnitStatus> show(Function<List<String>, String> run, List<String> units) {
        return SystemctlShow.parse(run.apply(SystemctlShow.arguments("systemctl", units)), units);
    }

    public static JournalLine journalLine(String json) {
        return JournalJson.parse(json);
    }
}
