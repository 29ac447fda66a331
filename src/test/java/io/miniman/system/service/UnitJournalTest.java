package io.miniman.system.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.miniman.InvalidInputException;
import io.miniman.host.CommandRunner;
import io.miniman.host.PrivilegedHelper;

/** A bounded read of a unit's journal: what the helper is asked for, and what is refused before it runs. */
class UnitJournalTest {

    @TempDir
    Path helperRoot;

    private UnitJournal journal() {
        // the helper's test mode prints the journalctl it would run instead of running it
        return new UnitJournal(new ServicesProperties(List.of("dnsmasq", "nginx"), "systemctl", 500),
                PrivilegedHelper.forTestRoot(new CommandRunner(), Path.of("provisioning/miniman-helper"), helperRoot));
    }

    @Test
    void aPageOfTheLatestEntriesSinceAnInstantWithoutFollowing() {
        List<JournalLine> lines = journal().recent("dnsmasq", 50, Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(lines).singleElement().extracting(JournalLine::message).isEqualTo("run: journalctl --no-pager -u "
                + "dnsmasq.service -n 50 -o json --output-fields=MESSAGE,PRIORITY,SYSLOG_IDENTIFIER,_PID,_COMM "
                + "--since=@1793527200");
        assertThat(journal().recent("nginx", 500, null)).singleElement().extracting(JournalLine::message)
                .asString().contains("-n 500").doesNotContain("--since").doesNotContain(" -f ");
    }

    @Test
    void anUnlistedUnitOrAnUnboundedPageIsRefusedBeforeTheHelperRuns() {
        assertThatThrownBy(() -> journal().recent("ssh", 10, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> journal().recent("dnsmasq", 501, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("between 1 and 500");
        assertThatThrownBy(() -> journal().recent("dnsmasq", 0, null)).isInstanceOf(InvalidInputException.class);
    }
}
