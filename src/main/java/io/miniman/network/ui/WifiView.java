package io.miniman.network.ui;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.miniman.network.apply.HandEdits;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.settings.WifiBand;
import io.miniman.network.settings.WifiSecurity;
import io.miniman.network.settings.WifiSettings;
import io.miniman.network.settings.validation.Channels;
import io.miniman.network.status.WifiQrCode;
import io.miniman.network.store.NetworkSettingsStore;
import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;
import io.miniman.ui.FieldErrors;
import io.miniman.ui.FormColumns;
import io.miniman.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

@Route(value = "network/wifi", layout = MainLayout.class)
@PageTitle("WiFi · Mini Manager")
@Menu(title = "WiFi", order = 21, icon = "vaadin:signal")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class WifiView extends VerticalLayout {

    private final NetworkSettingsStore store;
    private final NetworkChange change;
    private final boolean admin = CurrentUser.hasRole(Roles.ADMIN);

    final TextField iface = new TextField("Interface");
    final TextField ssid = new TextField("Network name (SSID)");
    final PasswordField passphrase = new PasswordField("Passphrase");
    final Select<WifiSecurity> security = new Select<>();
    final ComboBox<String> country = new ComboBox<>("Country");
    final Select<WifiBand> band = new Select<>();
    final ComboBox<Integer> channel = new ComboBox<>("Channel");
    final Checkbox hidden = new Checkbox("Hidden network");
    final IntegerField maxClients = new IntegerField("Maximum clients");
    final Checkbox isolation = new Checkbox("Client isolation (clients cannot reach each other)");
    final Button review = new Button("Review and apply…");
    final FieldErrors errors = new FieldErrors();

    public WifiView(NetworkSettingsStore store, NetworkChange change, HandEdits handEdits) {
        this.store = store;
        this.change = change;
        NetworkSettings settings = store.current();

        security.setLabel("Security");
        security.setItems(WifiSecurity.values());
        security.setItemLabelGenerator(WifiSecurity::label);
        band.setLabel("Band");
        band.setItems(WifiBand.values());
        band.setItemLabelGenerator(WifiBand::label);
        country.setItems(Arrays.stream(Locale.getISOCountries()).sorted(Comparator.naturalOrder()).toList());
        country.setItemLabelGenerator(code -> code + " " + new Locale("", code).getDisplayCountry(Locale.ENGLISH));
        channel.setItemLabelGenerator(number -> number == WifiSettings.AUTO_CHANNEL ? "Automatic" : number.toString());
        band.addValueChangeListener(event -> offerChannels());
        country.addValueChangeListener(event -> offerChannels());
        passphrase.setHelperText("8 to 63 characters, or 64 hexadecimal digits");
        ssid.setHelperText("Up to 32 bytes");

        errors.bind("wifi.iface", iface).bind("wifi.ssid", ssid).bind("wifi.passphrase", passphrase)
                .bind("wifi.security", security).bind("wifi.country", country).bind("wifi.band", band)
                .bind("wifi.channel", channel).bind("wifi.maxClients", maxClients);

        FormLayout form = new FormLayout(ssid, passphrase, security, country, band, channel, maxClients, iface, hidden,
                isolation);
        FormColumns.wide(form, 2);
        fill(settings.wifi());

        review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        review.addClickListener(click -> change.review(store.current().withWifi(read()), errors));
        add(new H2("WiFi"), form);
        if (admin) {
            // admins only: the check reads every managed file through the root helper, and shows their content
            addComponentAtIndex(1, new DriftNotice(handEdits));
        }
        if (admin) {
            add(review, new H3("Join with a phone"), qrCode(settings.wifi()));
        } else {
            form.getChildren().forEach(field -> field.getElement().setProperty("readonly", true));
            passphrase.setValue("");
            passphrase.setPlaceholder("visible to admins");
            add(new Paragraph("Only an admin can change the WiFi."));
        }
    }

    private void fill(WifiSettings wifi) {
        iface.setValue(wifi.iface());
        ssid.setValue(wifi.ssid());
        passphrase.setValue(wifi.passphrase());
        security.setValue(wifi.security());
        country.setValue(wifi.country());
        band.setValue(wifi.band());
        offerChannels();
        channel.setValue(wifi.channel());
        hidden.setValue(wifi.hidden());
        maxClients.setValue(wifi.maxClients());
        isolation.setValue(wifi.clientIsolation());
    }

    private void offerChannels() {
        if (band.getValue() != null && country.getValue() != null) {
            Integer chosen = channel.getValue();
            List<Integer> allowed = Channels.allowed(band.getValue(), country.getValue());
            channel.setItems(allowed);
            channel.setValue(allowed.contains(chosen) ? chosen : WifiSettings.AUTO_CHANNEL);
        }
    }

    WifiSettings read() {
        WifiSettings stored = store.current().wifi();
        return new WifiSettings(iface.getValue(), ssid.getValue(), passphrase.getValue(), security.getValue(),
                country.getValue(), band.getValue(), channel.getValue() == null ? -1 : channel.getValue(),
                hidden.getValue(), maxClients.getValue() == null ? 0 : maxClients.getValue(), isolation.getValue(),
                stored.blockedMacs());
    }

    private static Image qrCode(WifiSettings wifi) {
        String svg = WifiQrCode.svg(WifiQrCode.payload(wifi));
        Image image = new Image("data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)),
                "QR code to join " + wifi.ssid());
        image.setWidth("min(80vw, 16rem)");
        return image;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (admin) {
            change.followInFlight();
        }
    }
}
