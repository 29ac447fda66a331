package io.miniman.system.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import io.miniman.security.Roles;
import io.miniman.testsupport.MinimanSpringTest;
import io.miniman.testsupport.Requires;
import jakarta.validation.ConstraintViolationException;

@MinimanSpringTest
class HostSettingsActionsTest {

    @Autowired
    HostSettingsService host;
    @Autowired
    HostSettingsActions actions;
    @Autowired
    PowerActions power;

    private static void as(String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "test-" + role.toLowerCase(), null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theZoneListIsTheOperatingSystemsOwn() {
        Requires.that(Files.isRegularFile(HostSettingsService.TZDATA), "the tzdata package (" + HostSettingsService.TZDATA + ")");
        // a zone, a link (Arctic/Longyearbyen links to Europe/Berlin in tzdata 2023+) and UTC
        assertThat(host.timeZones()).contains("Europe/Berlin", "America/New_York", "UTC").doesNotContain("posix/Europe/Berlin");
        assertThat(host.timeZones()).allSatisfy(zone -> assertThat(Path.of("/usr/share/zoneinfo", zone)).isRegularFile());
    }

    @Test
    void theFactsAreTheKernelsOwn() throws Exception {
        HostFacts facts = host.facts();
        assertThat(facts.hostname()).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
        assertThat(facts.kernel()).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip());
        assertThat(facts.uptime()).isPositive();
        // timedatectl answers with systemd as PID 1; without it the reason is kept, not a made-up state
        assertThat(facts.ntp().isPresent() || !facts.ntpProblem().isBlank()).isTrue();
    }

    @Test
    void badInputIsRefusedBeforeAnyOperation() {
        as(Roles.ADMIN);
        String zone = host.facts().timeZone();
        for (String bad : List.of("", "-lead", "trail-", "under_score", "dot.ted", "x".repeat(64), "new\nline")) {
            assertThatThrownBy(() -> actions.apply(new HostSettings(bad, zone))).as(bad)
                    .isInstanceOf(ConstraintViolationException.class);
        }
        assertThatThrownBy(() -> actions.apply(new HostSettings("box", "../../etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown time zone");
        // the same name and zone change nothing
        assertThat(actions.apply(new HostSettings(host.facts().hostname(), zone))).isEmpty();
    }

    @Test
    void aResetNeedsTheHostNameTypedOut() {
        as(Roles.ADMIN);
        assertThatThrownBy(() -> power.reset("not-" + host.facts().hostname(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type the host name");
        assertThatThrownBy(() -> power.reset(null, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAnAdminChangesTheHostOrItsPower() {
        for (String role : List.of(Roles.OPERATOR, Roles.VIEWER)) {
            as(role);
            assertThatThrownBy(() -> actions.apply(new HostSettings("box", "UTC"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> power.power(PowerActions.Power.REBOOT)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> power.reset(host.facts().hostname(), false)).isInstanceOf(AccessDeniedException.class);
        }
    }
}
