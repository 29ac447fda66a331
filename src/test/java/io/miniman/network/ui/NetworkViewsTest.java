package io.miniman.network.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Pre;
import io.miniman.host.HostFiles;
import io.miniman.network.NetworkProperties;
import io.miniman.network.diag.DiagnosticKind;
import io.miniman.network.render.ManagedFile;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.status.ClientInfo;
import io.miniman.network.status.InterfaceInfo;
import io.miniman.network.store.NetworkSettingsStore;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NetworkViewsTest extends KaribuTest {

    @Autowired
    NetworkSettingsStore store;
    @Autowired
    HostFiles hostFiles;
    @Autowired
    NetworkProperties properties;

    private NetworkSettings original;

    @BeforeEach
    void remember() {
        original = store.current();
    }

    @AfterEach
    void restore() {
        store.save(original);
    }

    @Test
    void aRangeOutsideTheSubnetIsAFieldErrorAndNothingIsReviewed() {
        login(Roles.ADMIN);
        UI.getCurrent().navigate(LanView.class);
        LanView view = _get(LanView.class);
        view.rangeStart.setValue("10.1.2.3");
        view.dns.setValue("8.8.8.8, 1.1.1.x");
        _click(view.review);

        assertThat(view.rangeStart.isInvalid()).isTrue();
        assertThat(view.rangeStart.getErrorMessage()).contains("outside 192.168.50.0/24");
        assertThat(view.dns.isInvalid()).isTrue();
        assertThat(view.address.isInvalid()).isFalse();
        assertThat(_find(Dialog.class)).isEmpty();
    }

    @Test
    void duplicateStaticLeasesAreReportedUnderTheGrid() {
        login(Roles.ADMIN);
        UI.getCurrent().navigate(LanView.class);
        LanView view = _get(LanView.class);
        for (String ip : List.of("192.168.50.20", "192.168.50.21")) {
            view.leaseMac.setValue("02:00:00:00:00:07");
            view.leaseIp.setValue(ip);
            _click(_get(Button.class, spec -> spec.withText("Add lease")));
        }
        assertThat(GridKt._size(view.leaseGrid)).isEqualTo(2);
        _click(view.review);
        assertThat(view.leaseErrors.getText()).contains("already has MAC 02:00:00:00:00:07");
    }

    @Test
    void viewersReadTheLanButCannotChangeIt() {
        login(Roles.VIEWER);
        UI.getCurrent().navigate(LanView.class);
        LanView view = _get(LanView.class);
        assertThat(view.address.getValue()).isEqualTo(original.lan().address());
        assertThat(_find(Button.class, spec -> spec.withText("Review and apply…"))).isEmpty();
    }

    @Test
    void interfacesListTheMachinesOwn() {
        login(Roles.OPERATOR);
        UI.getCurrent().navigate(InterfacesView.class);
        InterfacesView view = _get(InterfacesView.class);
        List<String> names = GridKt._findAll(view.grid).stream().map(InterfaceInfo::name).toList();
        assertThat(names).contains("lo");
        assertThat(view.accessPoint.getText()).contains("helper not installed");
    }

    @Test
    void clientsJoinLeasesAndBlockingGoesThroughReview() {
        hostFiles.writeAtomically(properties.leaseFile(), ("0 02:00:00:00:00:31 192.168.50.31 laptop *\n")
                .getBytes(StandardCharsets.UTF_8), "rw-r--r--");
        login(Roles.ADMIN);
        UI.getCurrent().navigate(ClientsView.class);
        ClientsView view = _get(ClientsView.class);
        ClientInfo laptop = GridKt._findAll(view.grid).stream().filter(c -> c.mac().equals("02:00:00:00:00:31"))
                .findFirst().orElseThrow();
        assertThat(laptop.hostname()).hasValue("laptop");
        assertThat(view.notice.getText()).contains("No station list");

        view.block(laptop, true);

        assertThat(_find(Dialog.class)).hasSize(1);
        assertThat(_find(Pre.class).stream().map(Pre::getText)).anyMatch(diff -> diff.contains("+ 02:00:00:00:00:31"));
        assertThat(hostFiles.read(ManagedFile.HOSTAPD_DENY.devicePath()).map(String::new).orElse(""))
                .as("nothing is written before Apply").doesNotContain("02:00:00:00:00:31");
    }

    @Test
    void diagnosticsRefuseOptionsAndStreamOutput() throws InterruptedException {
        login(Roles.OPERATOR);
        UI.getCurrent().navigate(DiagnosticsView.class);
        DiagnosticsView view = _get(DiagnosticsView.class);
        view.target.setValue("-f");
        _click(view.run);
        assertThat(view.target.isInvalid()).isTrue();
        assertThat(view.target.getErrorMessage()).isEqualTo("A target cannot start with '-'.");

        view.kind.setValue(DiagnosticKind.TCP_PORT);
        view.target.setValue("localhost");
        view.port.clear();
        _click(view.run);
        assertThat(view.target.isInvalid()).isFalse();
        assertThat(view.port.isInvalid()).isTrue();
        assertThat(view.port.getErrorMessage()).isEqualTo("A port from 1 to 65535.");

        view.kind.setValue(DiagnosticKind.DNS_LOOKUP);
        view.target.setValue("localhost");
        _click(view.run);
        for (int i = 0; i < 400 && !view.output.text().contains("— "); i++) {
            Thread.sleep(50);
            runUiQueue();
        }
        assertThat(view.output.text()).contains("— done").containsAnyOf("127.0.0.1", "::1");
    }

    @Test
    void viewersCannotRunDiagnostics() {
        login(Roles.VIEWER);
        UI.getCurrent().navigate(DiagnosticsView.class);
        assertThat(_get(DiagnosticsView.class).run.isEnabled()).isFalse();
    }
}
