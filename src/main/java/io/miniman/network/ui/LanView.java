package io.miniman.network.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.miniman.network.apply.HandEdits;
import io.miniman.network.settings.FirewallSettings;
import io.miniman.network.settings.LanSettings;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.settings.StaticLease;
import io.miniman.network.settings.UplinkSettings;
import io.miniman.network.store.NetworkSettingsStore;
import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;
import io.miniman.ui.FieldErrors;
import io.miniman.ui.MainLayout;
import io.miniman.ui.PhoneRows;
import io.miniman.ui.RowMenu;
import io.miniman.ui.FormColumns;
import jakarta.annotation.security.RolesAllowed;

/** The LAN address and DHCP with its static leases, the uplink and the firewall: one apply for all. */
@Route(value = "network/lan", layout = MainLayout.class)
@PageTitle("LAN and DHCP · Mini Manager")
@Menu(title = "LAN and DHCP", order = 22, icon = "vaadin:sitemap")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class LanView extends VerticalLayout {

    private final NetworkSettingsStore store;
    private final NetworkChange change;
    private final boolean admin = CurrentUser.hasRole(Roles.ADMIN);

    final TextField iface = new TextField("Interface");
    final TextField address = new TextField("Box address");
    final IntegerField prefix = new IntegerField("Prefix length");
    final TextField rangeStart = new TextField("DHCP range from");
    final TextField rangeEnd = new TextField("DHCP range to");
    final IntegerField leaseMinutes = new IntegerField("Lease time (minutes)");
    final TextField dns = new TextField("Upstream DNS servers");
    final TextField domain = new TextField("Local domain");
    final Grid<StaticLease> leaseGrid = new Grid<>();
    final List<StaticLease> leases = new ArrayList<>();
    final TextField leaseMac = new TextField("MAC");
    final TextField leaseIp = new TextField("IP");
    final TextField leaseHost = new TextField("Host name");
    final TextField uplink = new TextField("Uplink interface");
    final Checkbox nat = new Checkbox("NAT (masquerade) to the uplink");
    final Checkbox forwarding = new Checkbox("IP forwarding");
    final IntegerField consolePort = new IntegerField("Console port");
    final Checkbox redirect = new Checkbox("Send port 80 on the LAN to the console");
    final Checkbox sshLanOnly = new Checkbox("SSH only from the LAN");
    final IntegerField sshPort = new IntegerField("SSH port");
    final Paragraph leaseErrors = new Paragraph();
    final Button review = new Button("Review and apply…");
    final FieldErrors errors = new FieldErrors();

    public LanView(NetworkSettingsStore store, NetworkChange change, HandEdits handEdits) {
        this.store = store;
        this.change = change;
        dns.setHelperText("Comma-separated, e.g. 8.8.8.8, 8.8.4.4");
        uplink.setHelperText("Empty: whichever interface leads out");
        errors.bind("lan.iface", iface).bind("lan.address", address).bind("lan.prefixLength", prefix)
                .bind("lan.rangeStart", rangeStart).bind("lan.rangeEnd", rangeEnd)
                .bind("lan.leaseMinutes", leaseMinutes).bind("lan.dnsServers", dns).bind("lan.domain", domain)
                .bind("lan.staticLeases", new MessageTarget(leaseErrors)).bind("uplink.iface", uplink)
                .bind("firewall.consolePort", consolePort).bind("firewall.sshPort", sshPort);

        FormLayout lan = form(iface, address, prefix, rangeStart, rangeEnd, leaseMinutes, dns, domain);
        FormLayout up = form(uplink, nat, forwarding);
        FormLayout firewall = form(consolePort, redirect, sshLanOnly, sshPort);

        leaseGrid.addColumn(StaticLease::mac).setHeader("MAC").setAutoWidth(true);
        leaseGrid.addColumn(StaticLease::ip).setHeader("IP").setAutoWidth(true);
        leaseGrid.addColumn(StaticLease::hostname).setHeader("Host name").setFlexGrow(1);
        PhoneRows.of(leaseGrid, "Lease", lease -> lease.hostname().isEmpty() ? lease.mac() : lease.hostname())
                .fact(StaticLease::ip).fact(StaticLease::mac).install();
        leaseGrid.setAllRowsVisible(true);
        leaseErrors.addClassName("miniman-error-text");

        fill(store.current());
        add(new H2("LAN and DHCP"), lan, new H3("Static leases"), leaseGrid, leaseErrors);
        if (admin) {
            // admins only: the check reads every managed file through the root helper, and shows their content
            addComponentAtIndex(1, new DriftNotice(handEdits));
            leaseGrid.addComponentColumn(lease -> RowMenu.of(lease.mac(), items -> items.addItem("Remove", click -> {
                leases.remove(lease);
                leaseGrid.setItems(leases);
            }))).setKey(PhoneRows.ACTIONS).setWidth("4.5rem").setFlexGrow(0).setFrozenToEnd(true);
            Button addLease = new Button("Add lease", click -> {
                leases.add(new StaticLease(leaseMac.getValue().strip(), leaseIp.getValue().strip(),
                        leaseHost.getValue().strip()));
                leaseGrid.setItems(leases);
                leaseMac.clear();
                leaseIp.clear();
                leaseHost.clear();
            });
            HorizontalLayout adder = new HorizontalLayout(leaseMac, leaseIp, leaseHost, addLease);
            adder.setAlignItems(Alignment.BASELINE);
            adder.setWrap(true);
            add(adder);
        }
        add(new H3("Uplink"), up, new H3("Firewall"), firewall);
        if (admin) {
            review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            review.addClickListener(click -> change.review(read(), errors));
            add(review);
        } else {
            List.of(lan, up, firewall).forEach(form -> form.getChildren()
                    .forEach(field -> field.getElement().setProperty("readonly", true)));
            add(new Paragraph("Only an admin can change the LAN, uplink and firewall."));
        }
    }

    private static FormLayout form(Component... fields) {
        FormLayout form = new FormLayout(fields);
        FormColumns.wide(form, 2);
        return form;
    }

    private void fill(NetworkSettings settings) {
        LanSettings l = settings.lan();
        iface.setValue(l.iface());
        address.setValue(l.address());
        prefix.setValue(l.prefixLength());
        rangeStart.setValue(l.rangeStart());
        rangeEnd.setValue(l.rangeEnd());
        leaseMinutes.setValue(l.leaseMinutes());
        dns.setValue(String.join(", ", l.dnsServers()));
        domain.setValue(l.domain());
        leases.addAll(l.staticLeases());
        leaseGrid.setItems(leases);
        uplink.setValue(settings.uplink().iface());
        nat.setValue(settings.uplink().nat());
        forwarding.setValue(settings.uplink().ipForwarding());
        consolePort.setValue(settings.firewall().consolePort());
        redirect.setValue(settings.firewall().redirectHttp());
        sshLanOnly.setValue(settings.firewall().sshLanOnly());
        sshPort.setValue(settings.firewall().sshPort());
    }

    NetworkSettings read() {
        List<String> servers = Arrays.stream(dns.getValue().split(",")).map(String::strip)
                .filter(server -> !server.isEmpty()).toList();
        LanSettings lan = new LanSettings(iface.getValue(), address.getValue().strip(), number(prefix),
                rangeStart.getValue().strip(), rangeEnd.getValue().strip(), number(leaseMinutes), servers,
                domain.getValue().strip(), List.copyOf(leases));
        return store.current().withLan(lan)
                .withUplink(new UplinkSettings(uplink.getValue().strip(), nat.getValue(), forwarding.getValue()))
                .withFirewall(new FirewallSettings(number(consolePort), redirect.getValue(), sshLanOnly.getValue(),
                        number(sshPort)));
    }

    /** An empty or unparsable number field counts as 0, which validation then reports on that field. */
    private static int number(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (admin) {
            change.followInFlight();
        }
    }
}
