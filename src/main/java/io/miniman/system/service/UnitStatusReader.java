package io.miniman.system.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;

/**
 * One {@code systemctl show} for all listed units, as the console's own user: reading needs no root, so
 * the poller never goes through sudo (which would log every 2 seconds).
 */
@Component
class UnitStatusReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CommandRunner runner;
    private final ServicesProperties properties;
    private final Clock clock;

    UnitStatusReader(CommandRunner runner, ServicesProperties properties, Clock clock) {
        this.runner = runner;
        this.properties = properties;
        this.clock = clock;
    }

    ServicesSnapshot read() {
        List<String> units = properties.services();
        CommandResult result;
        try {
            result = runner.run(SystemctlShow.arguments(properties.systemctl(), units), TIMEOUT);
        } catch (RuntimeException e) {
            return ServicesSnapshot.failed(clock.instant(), "systemctl cannot run: " + e.getMessage());
        }
        if (!result.ok()) {
            // e.g. "System has not been booted with systemd as init system (PID 1). Can't operate."
            return ServicesSnapshot.failed(clock.instant(), "systemd does not answer: " + result.failureText().strip());
        }
        try {
            return new ServicesSnapshot(clock.instant(), SystemctlShow.parse(result.stdout(), units), null);
        } catch (IllegalStateException e) {
            return ServicesSnapshot.failed(clock.instant(), e.getMessage());
        }
    }
}
