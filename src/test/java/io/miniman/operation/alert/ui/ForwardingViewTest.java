package io.miniman.operation.alert.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

import io.miniman.operation.OperationService;
import io.miniman.operation.OperationType;
import io.miniman.operation.alert.AlertActions;
import io.miniman.operation.alert.AlertConfig;
import io.miniman.operation.alert.ChannelKind;
import io.miniman.operation.alert.ChannelState;
import io.miniman.operation.alert.InAppAlerts;
import io.miniman.operation.alert.RuleKind;
import io.miniman.operation.alert.RuleSpec;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

class ForwardingViewTest extends KaribuTest {

    @Autowired
    AlertConfig config;
    @Autowired
    AlertActions actions;
    @Autowired
    OperationService operations;
    @Autowired
    InAppAlerts alerts;

    @AfterEach
    void removeWhatTheTestAdded() {
        login(Roles.ADMIN);
        config.rules().stream().filter(r -> r.name().startsWith("ui ")).forEach(actions::deleteRule);
        config.channels().stream().filter(c -> c.name().startsWith("ui ")).forEach(actions::deleteChannel);
    }

    @Test
    void aBadAddressIsShownBesideItsFieldAndNothingIsSaved() {
        login(Roles.ADMIN);
        UI.getCurrent().navigate(ForwardingView.class);
        _click(_get(Button.class, spec -> spec.withText("Add channel")));
        ChannelDialog dialog = _get(ChannelDialog.class);
        dialog.name.setValue("ui syslog");
        dialog.kind.setValue(ChannelKind.SYSLOG);
        dialog.address.setValue("syslog.lan:514");
        _click(dialog.save);
        assertThat(dialog.address.isInvalid()).isTrue();
        assertThat(dialog.address.getErrorMessage()).startsWith("has no known protocol: use udp://host:port");
        assertThat(config.channels()).noneMatch(c -> c.name().equals("ui syslog"));

        dialog.address.setValue("udp://127.0.0.1:5514");
        dialog.forwardOperations.setValue(true);
        _click(dialog.save);
        ForwardingView view = _get(ForwardingView.class);
        assertThat(GridKt._findAll(view.channels)).filteredOn(s -> "ui syslog".equals(s.name())).singleElement()
                .satisfies(s -> assertThat(s.forwardOperations()).isTrue());
    }

    @Test
    void sendTestToAnUnresolvableSnmpTargetShowsTheExactErrorAndTheChannelState() {
        login(Roles.ADMIN);
        var channel = actions.saveChannel(new io.miniman.operation.alert.ChannelDraft(null, "ui snmp", ChannelKind.SNMP,
                "udp://nms.invalid:162", null, "community-secret", false, null, null, false, true));
        UI.getCurrent().navigate(ForwardingView.class);
        ForwardingView view = _get(ForwardingView.class);
        view.sendTest(channel);
        NotificationsKt.expectNotifications("Test failed: host name does not resolve: nms.invalid");
        ChannelState state = GridKt._findAll(view.channels).stream().filter(s -> "ui snmp".equals(s.name())).findFirst().orElseThrow();
        assertThat(state.failing()).isTrue();
        assertThat(state.reason()).isEqualTo("host name does not resolve: nms.invalid");
    }

    @Test
    void theBellCountsUnreadAlertsAndMarkingThemReadClearsItForThisUserOnly() throws Exception {
        login("bell-admin", Roles.ADMIN);
        var bell = actions.saveChannel(new io.miniman.operation.alert.ChannelDraft(null, "ui bell", ChannelKind.IN_APP, null, null,
                null, false, null, null, false, true));
        String name = "Bell probe " + System.nanoTime();
        actions.saveRule(new RuleSpec(null, "ui bell rule", RuleKind.FAILURES_OF_NAME, null, name, 1, 5, 0, Set.of(bell.id()), true));
        UI.getCurrent().navigate(ForwardingView.class);
        AlertBell shown = _get(AlertBell.class);
        shown.refresh();
        long before = shown.bell.getText().isEmpty() ? 0 : Long.parseLong(shown.bell.getText());

        operations.submit(OperationType.SYSTEM, name, null, ctx -> {
            throw new IllegalStateException("bell probe failed");
        }).completion().join();
        // the alert thread pushes through ui.access; the round trip runs what it queued
        for (int i = 0; i < 100 && !shown.bell.getText().equals(String.valueOf(before + 1)); i++) {
            Thread.sleep(50);
            runUiQueue();
        }
        assertThat(shown.bell.getText()).isEqualTo(String.valueOf(before + 1));

        var list = shown.openList();
        assertThat(list.getChildren().filter(c -> c.hasClassName("alert-row")).map(c -> c.getElement().getTextRecursively()))
                .anySatisfy(text -> assertThat(text).contains("ui bell rule", name, "bell probe failed"));
        _click(_get(list, Button.class, spec -> spec.withText("Mark all read")));
        assertThat(shown.bell.getText()).isEmpty();
        // read for this admin only: another one still has it unread
        login("other-admin", Roles.ADMIN);
        assertThat(alerts.unread(50)).anySatisfy(a -> assertThat(a.message()).contains("bell probe failed"));
    }
}
