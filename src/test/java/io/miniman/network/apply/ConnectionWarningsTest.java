package io.miniman.network.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import io.miniman.network.settings.FirewallSettings;
import io.miniman.network.settings.NetworkSettings;
import org.junit.jupiter.api.Test;

class ConnectionWarningsTest {

    private static final NetworkSettings NOW = NetworkSettings.defaults("correct horse");
    private static final ClientContext ON_WIFI = new ClientContext("192.168.50.23", Optional.of("02:00:00:00:00:23"));

    @Test
    void newAddressSaysWhereTheConsoleWillBe() {
        NetworkSettings moved = NOW.withLan(NOW.lan().withAddress("10.0.0.1", 24).withRange("10.0.0.10", "10.0.0.20"));
        assertThat(ConnectionWarnings.of(NOW, moved, ON_WIFI)).singleElement().asString()
                .contains("open http://10.0.0.1/");
    }

    @Test
    void newPassphraseSaysReconnectWithIt() {
        NetworkSettings changed = NOW.withWifi(NOW.wifi().withPassphrase("another secret"));
        assertThat(ConnectionWarnings.of(NOW, changed, ON_WIFI)).singleElement().asString()
                .contains("reconnect to 'miniman' with the new passphrase").doesNotContain("another secret");
    }

    @Test
    void blockingYourOwnDeviceIsCalledOut() {
        NetworkSettings blocked = NOW.withWifi(NOW.wifi().withBlockedMacs(List.of("02:00:00:00:00:23")));
        assertThat(ConnectionWarnings.of(NOW, blocked, ON_WIFI)).anyMatch(w -> w.contains("blocking your own device"));
        assertThat(ConnectionWarnings.of(NOW, blocked, new ClientContext("192.168.50.24", Optional.of("02:00:00:00:00:24"))))
                .isEmpty();
    }

    @Test
    void consolePortChangeNamesTheNewUrl() {
        NetworkSettings port = NOW.withFirewall(new FirewallSettings(8080, false, false, 22));
        assertThat(ConnectionWarnings.of(NOW, port, ON_WIFI)).singleElement().asString()
                .contains("http://192.168.50.1:8080/");
    }

    @Test
    void aBrowserElsewhereGetsNoWiFiWarnings() {
        NetworkSettings changed = NOW.withWifi(NOW.wifi().withSsid("other"));
        assertThat(ConnectionWarnings.of(NOW, changed, new ClientContext("127.0.0.1", Optional.empty()))).isEmpty();
        assertThat(ConnectionWarnings.of(NOW, changed, ClientContext.unknown())).isEmpty();
    }

    @Test
    void diffMasksTheKeyAndMarksLines() {
        List<TextDiff.Line> diff = TextDiff.diff("a\nwpa_passphrase=old one\nc\n", "a\nwpa_passphrase=new one\nc\nd\n");
        assertThat(diff).extracting(Object::toString).containsExactly("  a", "- wpa_passphrase=********",
                "+ wpa_passphrase=********", "  c", "+ d");
    }
}
