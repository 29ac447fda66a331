package io.miniman.system.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The listed units at one read; {@code problem} says why there are none (systemd not running, no systemctl). */
public record ServicesSnapshot(Instant readAt, List<UnitStatus> units, String problem) {

    public ServicesSnapshot {
        units = List.copyOf(units);
    }

    static ServicesSnapshot failed(Instant at, String problem) {
        return new ServicesSnapshot(at, List.of(), problem);
    }

    public Optional<UnitStatus> unit(String name) {
        return units.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    boolean sameStateAs(ServicesSnapshot other) {
        if (other == null || !java.util.Objects.equals(problem, other.problem) || units.size() != other.units.size()) {
            return false;
        }
        for (int i = 0; i < units.size(); i++) {
            if (!units.get(i).sameStateAs(other.units.get(i))) {
                return false;
            }
        }
        return true;
    }
}
