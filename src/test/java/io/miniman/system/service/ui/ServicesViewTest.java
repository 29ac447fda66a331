package io.miniman.system.service.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.contextmenu.MenuItem;

import io.miniman.docker.ui.DockerKaribu;
import io.miniman.security.Roles;
import io.miniman.system.service.JournalLine;
import io.miniman.ui.log.ViewerLine;
import io.miniman.system.service.UnitStatus;
import io.miniman.testsupport.KaribuTest;

/**
 * The Services page per role. systemd is not PID 1 where the suite runs, so the units' state is what
 * systemctl printed on the simulated box (dnsmasq running, nginx stopped, hostapd not installed); the
 * root helper is not installed here, so an action's operation fails with that reason.
 */
class ServicesViewTest extends KaribuTest {

    private ServicesView open(String role) {
        login(role);
        UI.getCurrent().navigate(ServicesView.class);
        return _get(ServicesView.class);
    }

    private static int row(ServicesView view, String unit) {
        List<UnitStatus> rows = GridKt._findAll(view.grid);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(unit)) {
                return i;
            }
        }
        throw new AssertionError("no row for " + unit);
    }

    private static MenuBar menu(ServicesView view, String unit) {
        return (MenuBar) GridKt._getCellComponent(view.grid, row(view, unit), "actions");
    }

    private static List<String> menuItems(ServicesView view, String unit) {
        return menu(view, unit).getItems().get(0).getSubMenu().getItems().stream().map(MenuItem::getText).toList();
    }

    @Test
    void anAdminSeesEveryListedUnitAndWhatFitsItsState() {
        ServicesView view = open(Roles.ADMIN);
        assertThat(GridKt._findAll(view.grid)).extracting(UnitStatus::name).containsExactly("hostapd", "dnsmasq", "nginx",
                "docker", "systemd-networkd", "systemd-resolved", "miniman", "miniman-firewall");
        UnitStatus dnsmasq = GridKt._get(view.grid, row(view, "dnsmasq"));
        assertThat(ServicesView.state(dnsmasq)).isEqualTo("active (running)");
        assertThat(view.problem.isVisible()).isFalse();
        assertThat(menuItems(view, "dnsmasq")).containsExactly("Journal", "Stop", "Restart", "Disable");
        assertThat(menuItems(view, "nginx")).as("stopped, enabled").containsExactly("Journal", "Start", "Restart", "Disable");
        assertThat(menuItems(view, "hostapd")).as("not installed").containsExactly("Journal");
    }

    @Test
    void anAdminsRestartIsAnOperationThatSaysWhyItFailedHere() {
        ServicesView view = open(Roles.ADMIN);
        ContextMenuKt._clickItemWithCaption(menu(view, "dnsmasq"), "Restart");
        DockerKaribu.until(() -> !NotificationsKt.getNotifications().isEmpty(), Duration.ofSeconds(30), "the operation's end");
        NotificationsKt.expectNotifications("restart dnsmasq skipped: helper not installed (/usr/local/sbin/miniman-helper)");
    }

    @Test
    void anOperatorMayRestartOnly() {
        ServicesView view = open(Roles.OPERATOR);
        assertThat(menuItems(view, "dnsmasq")).containsExactly("Journal", "Restart");
        assertThat(menuItems(view, "nginx")).containsExactly("Journal", "Restart");
    }

    @Test
    void aViewerReadsTheStateAndTheJournal() {
        ServicesView view = open(Roles.VIEWER);
        assertThat(GridKt._size(view.grid)).isEqualTo(8);
        assertThat(menuItems(view, "dnsmasq")).containsExactly("Journal");
        ContextMenuKt._clickItemWithCaption(menu(view, "dnsmasq"), "Journal");
        UnitJournalView journal = _get(UnitJournalView.class);
        assertThat(journal.title.getText()).isEqualTo("Journal of dnsmasq");
        assertThat(journal.status.getText()).isEqualTo("The journal is read through the root helper, which is not installed here");
    }

    @Test
    void theJournalOfAUnitOutsideTheListIsRefused() {
        login(Roles.ADMIN);
        UI.getCurrent().navigate(UnitJournalView.class, "ssh");
        UnitJournalView journal = _get(UnitJournalView.class);
        assertThat(journal.status.getText()).startsWith("Not a service this console manages: ssh");
    }

    @Test
    void stoppingNginxWantsItsNameTyped() {
        login(Roles.ADMIN);
        List<String> confirmed = new java.util.ArrayList<>();
        StopConfirmDialog dialog = new StopConfirmDialog("nginx", confirmed::add);
        dialog.open();
        assertThat(_get(dialog, com.vaadin.flow.component.html.Paragraph.class).getText())
                .contains("closes the console's address", "lose your connection");
        assertThat(dialog.stop.isEnabled()).isFalse();
        dialog.typed.setValue("ngin");
        assertThat(dialog.stop.isEnabled()).isFalse();
        dialog.typed.setValue("nginx");
        assertThat(dialog.stop.isEnabled()).isTrue();
        dialog.stop.click();
        assertThat(confirmed).containsExactly("nginx");
    }

    @Test
    void journalEntriesReachTheLogViewerWithTheirTimeAndProblemsMarkedAsStderr() {
        Instant t = Instant.parse("2026-11-29T12:00:00Z");
        assertThat(UnitJournalView.viewerLine(new JournalLine(t, 3, "dnsmasq", 743, "failed to bind DHCP port")))
                .isEqualTo(new ViewerLine(ViewerLine.Kind.STDERR, t, "dnsmasq[743]: failed to bind DHCP port"));
        assertThat(UnitJournalView.viewerLine(new JournalLine(t, 6, "dnsmasq", 743, "DHCPACK 192.168.50.23")).kind())
                .isEqualTo(ViewerLine.Kind.STDOUT);
    }
}
