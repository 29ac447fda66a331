package io.miniman.system.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code systemctl show --timestamp=unix -p ... UNIT...}: one block of KEY=VALUE lines per unit,
 * blocks apart by an empty line, in the order the units were named. These are systemd's machine-readable
 * properties, never the human text of {@code systemctl status}.
 */
final class SystemctlShow {

    /** The properties asked for, as systemctl spells them. */
    static final String PROPERTIES = "Id,Description,LoadState,ActiveState,SubState,StateChangeTimestamp,MainPID,"
            + "MemoryCurrent,CPUUsageNSec,UnitFileState";

    // what systemd < 252 printed for an unset 64-bit figure; 252 prints "[not set]"
    private static final String UINT64_MAX = "18446744073709551615";

    private SystemctlShow() {
    }

    static List<String> arguments(String program, List<String> units) {
        List<String> argv = new ArrayList<>(List.of(program, "show", "--timestamp=unix", "-p", PROPERTIES, "--"));
        units.forEach(unit -> argv.add(unit + ".service"));
        return argv;
    }

    /** One status per named unit, in their order; {@code cpuPercent} is left at -1. */
    static List<UnitStatus> parse(String output, List<String> units) {
        List<Map<String, String>> blocks = blocks(output);
        if (blocks.size() != units.size()) {
            throw new IllegalStateException("systemctl show answered " + blocks.size() + " units for " + units.size());
        }
        List<UnitStatus> statuses = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            Map<String, String> p = blocks.get(i);
            statuses.add(new UnitStatus(units.get(i), p.getOrDefault("Description", ""), p.getOrDefault("LoadState", ""),
                    p.getOrDefault("ActiveState", ""), p.getOrDefault("SubState", ""), timestamp(p.get("StateChangeTimestamp")),
                    figure(p.get("MainPID")), figure(p.get("MemoryCurrent")), figure(p.get("CPUUsageNSec")),
                    p.getOrDefault("UnitFileState", ""), -1));
        }
        return statuses;
    }

    private static List<Map<String, String>> blocks(String output) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : output.split("\n", -1)) {
            if (line.isEmpty()) {
                current = null;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("not a property line of systemctl show: " + line);
            }
            if (current == null) {
                current = new HashMap<>();
                blocks.add(current);
            }
            current.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return blocks;
    }

    private static long figure(String value) {
        if (value == null || value.isEmpty() || value.equals(UINT64_MAX) || !value.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code --timestamp=unix} prints {@code @SECONDS}; an empty value is a unit that never changed. */
    private static Instant timestamp(String value) {
        if (value == null || !value.startsWith("@") || value.length() < 2) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.substring(1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
