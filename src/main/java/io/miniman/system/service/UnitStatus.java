package io.miniman.system.service;

import java.time.Instant;

/**
 * One unit as systemd describes itself ({@code systemctl show}). Figures systemd does not know (no
 * accounting on a cgroup v1 box, a stopped unit) are -1; {@code since} is null when it never changed.
 *
 * @param cpuPercent share of one core between the last two reads, -1 until there are two
 */
public record UnitStatus(String name, String description, String loadState, String activeState, String subState,
        Instant since, long mainPid, long memoryBytes, long cpuNanos, String unitFileState, double cpuPercent) {

    public boolean found() {
        return !"not-found".equals(loadState);
    }

    public boolean enabled() {
        return unitFileState.startsWith("enabled");
    }

    public boolean running() {
        return "active".equals(activeState) || "reloading".equals(activeState) || "activating".equals(activeState);
    }

    /** The same unit in the same state: what a viewer must see at once (figures may wait). */
    boolean sameStateAs(UnitStatus other) {
        return name.equals(other.name) && loadState.equals(other.loadState) && activeState.equals(other.activeState)
                && subState.equals(other.subState) && java.util.Objects.equals(since, other.since)
                && mainPid == other.mainPid && unitFileState.equals(other.unitFileState);
    }

    UnitStatus withCpuPercent(double percent) {
        return new UnitStatus(name, description, loadState, activeState, subState, since, mainPid, memoryBytes, cpuNanos,
                unitFileState, percent);
    }
}
