package io.miniman.network.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkSettingsValidationTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final NetworkSettings DEFAULTS = NetworkSettings.defaults("correct horse");

    /** property path -> message, so each test names the field the form would mark. */
    private static Map<String, String> errors(Object settings) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(settings);
        Map<String, String> out = new TreeMap<>();
        violations.forEach(v -> out.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "; " + b));
        return out;
    }

    private static NetworkSettings wifi(UnaryOperator<WifiSettings> change) {
        return DEFAULTS.withWifi(change.apply(DEFAULTS.wifi()));
    }

    private static WifiSettings channel(WifiSettings w, WifiBand band, String country, int channel) {
        return new WifiSettings(w.iface(), w.ssid(), w.passphrase(), w.security(), country, band, channel,
                w.hidden(), w.maxClients(), w.clientIsolation(), w.blockedMacs());
    }

    @Test
    void defaultsAreValidAndMatchTheDesign() {
        assertThat(errors(DEFAULTS)).isEmpty();
        assertThat(DEFAULTS.wifi().ssid()).isEqualTo("miniman");
        assertThat(DEFAULTS.lan().address()).isEqualTo("192.168.50.1");
        assertThat(DEFAULTS.lan().rangeStart()).isEqualTo("192.168.50.10");
        assertThat(DEFAULTS.lan().rangeEnd()).isEqualTo("192.168.50.100");
        assertThat(DEFAULTS.lan().dnsServers()).containsExactly("8.8.8.8", "8.8.4.4");
        assertThat(DEFAULTS.wifi().security()).isEqualTo(WifiSecurity.WPA2_PSK);
    }

    @Test
    void generatedInitialPassphraseIsValidAndNotALiteral() {
        String first = InitialPassphrase.generate();
        assertThat(errors(NetworkSettings.defaults(first))).isEmpty();
        assertThat(InitialPassphrase.generate()).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a\nb", "tab\there", "nul\u0000", "del\u007f", "c1\u0085", "ls\u2028",
            "123456789012345678901234567890123", "ääääääääääääääää\u00e4"})
    void ssidRejected(String ssid) {
        assertThat(errors(wifi(w -> w.withSsid(ssid)))).containsOnlyKeys("wifi.ssid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"m", "Café ☕", "a=b #c \"d\" 'e'", "12345678901234567890123456789012", "ääääääääääääääää"})
    void ssidAccepted(String ssid) {
        assertThat(errors(wifi(w -> w.withSsid(ssid)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "1234567", "sixty-four-chars-but-not-hex-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "new\nline!", "umlaut ä ok?", "0123456789012345678901234567890123456789012345678901234567890123"
                    + "0"})
    void passphraseRejected(String passphrase) {
        assertThat(errors(wifi(w -> w.withPassphrase(passphrase)))).containsOnlyKeys("wifi.passphrase");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "with spaces = and # \" '",
            "0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789abcdef"})
    void passphraseAccepted(String passphrase) {
        assertThat(errors(wifi(w -> w.withPassphrase(passphrase)))).isEmpty();
    }

    @Test
    void wpa3RefusesARawPsk() {
        String hex = "0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789abcdef";
        NetworkSettings sae = wifi(w -> new WifiSettings(w.iface(), w.ssid(), hex, WifiSecurity.WPA3_SAE, w.country(),
                w.band(), w.channel(), w.hidden(), w.maxClients(), w.clientIsolation(), w.blockedMacs()));
        assertThat(errors(sae)).containsOnlyKeys("wifi.passphrase");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "de", "DEU", "", "D"})
    void countryRejected(String country) {
        assertThat(errors(wifi(w -> channel(w, WifiBand.GHZ_2_4, country, 6)))).containsKey("wifi.country");
    }

    @Test
    void channelMustFitBandAndCountry() {
        assertThat(errors(wifi(w -> channel(w, WifiBand.GHZ_2_4, "DE", 13)))).isEmpty();
        assertThat(errors(wifi(w -> channel(w, WifiBand.GHZ_2_4, "US", 13)))).containsOnlyKeys("wifi.channel");
        assertThat(errors(wifi(w -> channel(w, WifiBand.GHZ_2_4, "CA", 12)))).containsOnlyKeys("wifi.channel");
        assertThat(errors(wifi(w -> channel(w, WifiBand.GHZ_2_4, "US", 11)))).isEmpty();
        assertThat(errors(wifi(w -> channel(w, WifiBand.GHZ_2_4, "DE", 36)))).containsOnlyKeys("wifi.channel");
        assertThat(errors(wifi(w -> channel(w, WifiBand.GHZ_5, "DE", 6)))).containsOnlyKeys("wifi.channel");
        assertThat(errors(wifi(w -> channel(w, WifiBand.GHZ_5, "DE", 52)))).containsOnlyKeys("wifi.channel");
        assertThat(errors(wifi(w -> channel(w, WifiBand.GHZ_5, "US", 149)))).isEmpty();
        assertThat(errors(wifi(w -> channel(w, WifiBand.GHZ_5, "JP", 0)))).isEmpty();
        assertThat(errors(wifi(w -> channel(w, WifiBand.GHZ_2_4, "DE", 14)))).containsOnlyKeys("wifi.channel");
        assertThat(errors(wifi(w -> channel(w, WifiBand.GHZ_2_4, "DE", -1)))).containsOnlyKeys("wifi.channel");
    }

    @Test
    void rangeMustLieInsideTheSubnetAndSkipTheBox() {
        LanSettings lan = DEFAULTS.lan();
        assertThat(errors(DEFAULTS.withLan(lan.withRange("192.168.51.10", "192.168.50.100"))))
                .containsOnlyKeys("lan.rangeStart");
        assertThat(errors(DEFAULTS.withLan(lan.withRange("192.168.50.10", "192.168.50.255"))))
                .containsOnlyKeys("lan.rangeEnd");
        assertThat(errors(DEFAULTS.withLan(lan.withRange("192.168.50.100", "192.168.50.10"))))
                .containsOnlyKeys("lan.rangeEnd");
        assertThat(errors(DEFAULTS.withLan(lan.withRange("192.168.50.1", "192.168.50.20"))))
                .containsOnlyKeys("lan.rangeStart");
        assertThat(errors(DEFAULTS.withLan(lan.withRange("192.168.50.2", "192.168.50.254")))).isEmpty();
        assertThat(errors(DEFAULTS.withLan(lan.withAddress("192.168.50.255", 24)))).containsOnlyKeys("lan.address");
        assertThat(errors(DEFAULTS.withLan(lan.withAddress("10.0.0.1", 8).withRange("10.1.0.1", "10.1.0.9"))))
                .isEmpty();
        assertThat(errors(DEFAULTS.withLan(lan.withRange("192.168.50.010", "192.168.50.20"))))
                .containsOnlyKeys("lan.rangeStart");
    }

    @Test
    void leasesAreUniqueAndInsideTheSubnet() {
        LanSettings lan = DEFAULTS.lan();
        var ok = List.of(new StaticLease("02:00:00:00:00:01", "192.168.50.20", "printer"),
                new StaticLease("02:00:00:00:00:02", "192.168.50.21", ""));
        assertThat(errors(DEFAULTS.withLan(lan.withStaticLeases(ok)))).isEmpty();

        var sameMac = List.of(new StaticLease("02:00:00:00:00:01", "192.168.50.20", "a"),
                new StaticLease("02:00:00:00:00:01", "192.168.50.21", "b"));
        assertThat(errors(DEFAULTS.withLan(lan.withStaticLeases(sameMac)))).containsOnlyKeys("lan.staticLeases[1].mac");

        var sameIp = List.of(new StaticLease("02:00:00:00:00:01", "192.168.50.20", "a"),
                new StaticLease("02:00:00:00:00:02", "192.168.50.20", "b"));
        assertThat(errors(DEFAULTS.withLan(lan.withStaticLeases(sameIp)))).containsOnlyKeys("lan.staticLeases[1].ip");

        var outside = List.of(new StaticLease("02:00:00:00:00:01", "10.0.0.5", "a"));
        assertThat(errors(DEFAULTS.withLan(lan.withStaticLeases(outside)))).containsOnlyKeys("lan.staticLeases[0].ip");

        var box = List.of(new StaticLease("02:00:00:00:00:01", "192.168.50.1", "a"));
        assertThat(errors(DEFAULTS.withLan(lan.withStaticLeases(box)))).containsOnlyKeys("lan.staticLeases[0].ip");

        var badHost = List.of(new StaticLease("02:00:00:00:00:01", "192.168.50.20", "-bad"),
                new StaticLease("02-00-00-00-00-02", "192.168.50.21", "ok"));
        assertThat(errors(DEFAULTS.withLan(lan.withStaticLeases(badHost))))
                .containsOnlyKeys("lan.staticLeases[0].hostname", "lan.staticLeases[1].mac");
    }

    @Test
    void interfacesDomainAndUplink() {
        assertThat(errors(DEFAULTS.withLan(DEFAULTS.lan().withIface("-x")))).containsOnlyKeys("lan.iface");
        assertThat(errors(DEFAULTS.withLan(DEFAULTS.lan().withIface("wlan0 up")))).containsOnlyKeys("lan.iface");
        assertThat(errors(DEFAULTS.withUplink(new UplinkSettings("", true, true)))).isEmpty();
        assertThat(errors(DEFAULTS.withUplink(new UplinkSettings("wlan0", true, true))))
                .containsOnlyKeys("uplink.iface");
        LanSettings lan = DEFAULTS.lan();
        LanSettings badDomain = new LanSettings(lan.iface(), lan.address(), lan.prefixLength(), lan.rangeStart(),
                lan.rangeEnd(), lan.leaseMinutes(), List.of("8.8.8.8", "1.1.1.1;"), "lan\nserver=6.6.6.6",
                lan.staticLeases());
        assertThat(errors(DEFAULTS.withLan(badDomain))).containsOnlyKeys("lan.domain", "lan.dnsServers[1].<list element>");
    }
}
