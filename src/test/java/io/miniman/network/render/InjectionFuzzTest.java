package io.miniman.network.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import io.miniman.network.settings.LanSettings;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.settings.StaticLease;
import io.miniman.network.settings.UplinkSettings;
import io.miniman.network.settings.WifiSettings;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text field gets hostile values. Two independent defences are checked: validation rejects any
 * value with a line break or control character, and the renderers, handed the settings unvalidated,
 * either refuse or produce files with exactly the directives of a harmless value: same lines, same
 * keys, in the same order.
 */
class InjectionFuzzTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final NetworkSettings BASE = SampleSettings.DEFAULTS.withLan(SampleSettings.DEFAULTS.lan()
            .withStaticLeases(List.of(new StaticLease("02:00:00:00:00:01", "192.168.50.20", "printer"))))
            .withWifi(SampleSettings.DEFAULTS.wifi().withBlockedMacs(List.of("02:00:00:00:00:09")));

    private static final List<String> FIXED = List.of(
            "x\ninterface=eth0", "x\rwpa=0", "x\r\nserver=6.6.6.6", "x\u0000y", "x\u0085wpa=0", "x\u2028wpa=0",
            "x=y", "#x", "x #comment", "\"x\"", "'x'", "x\\", "x\tserver=6.6.6.6", "\u001b[31m", "x\u007f",
            "-x", "x;reboot", "$(reboot)", "x\n[Network]", "x\n*filter\n-A INPUT -j ACCEPT\nCOMMIT",
            "192.168.50.1\nserver=6.6.6.6", "02:00:00:00:00:01\ndhcp-host=x", "");

    /** Field name and a way to put a value into it. */
    private static final List<Field> FIELDS = List.of(
            new Field("wifi.iface", (s, v) -> s.withWifi(wifi(s.wifi(), v, 0))),
            new Field("wifi.ssid", (s, v) -> s.withWifi(s.wifi().withSsid(v))),
            new Field("wifi.passphrase", (s, v) -> s.withWifi(s.wifi().withPassphrase(v))),
            new Field("wifi.country", (s, v) -> s.withWifi(wifi(s.wifi(), v, 1))),
            new Field("wifi.blockedMacs", (s, v) -> s.withWifi(s.wifi().withBlockedMacs(List.of(v)))),
            new Field("lan.iface", (s, v) -> s.withLan(s.lan().withIface(v))),
            new Field("lan.address", (s, v) -> s.withLan(s.lan().withAddress(v, 24))),
            new Field("lan.rangeStart", (s, v) -> s.withLan(s.lan().withRange(v, s.lan().rangeEnd()))),
            new Field("lan.rangeEnd", (s, v) -> s.withLan(s.lan().withRange(s.lan().rangeStart(), v))),
            new Field("lan.dnsServers", (s, v) -> s.withLan(lan(s.lan(), List.of(v), s.lan().domain()))),
            new Field("lan.domain", (s, v) -> s.withLan(lan(s.lan(), s.lan().dnsServers(), v))),
            new Field("lease.mac", (s, v) -> s.withLan(s.lan().withStaticLeases(
                    List.of(new StaticLease(v, "192.168.50.20", "printer"))))),
            new Field("lease.ip", (s, v) -> s.withLan(s.lan().withStaticLeases(
                    List.of(new StaticLease("02:00:00:00:00:01", v, "printer"))))),
            new Field("lease.hostname", (s, v) -> s.withLan(s.lan().withStaticLeases(
                    List.of(new StaticLease("02:00:00:00:00:01", "192.168.50.20", v))))),
            new Field("uplink.iface", (s, v) -> s.withUplink(new UplinkSettings(v, true, true))));

    record Field(String name, BiFunction<NetworkSettings, String, NetworkSettings> set) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        Random random = new Random(4);
        List<Arguments> cases = new ArrayList<>();
        for (Field field : FIELDS) {
            for (String value : FIXED) {
                cases.add(Arguments.of(field, value));
            }
            for (int i = 0; i < 40; i++) {
                cases.add(Arguments.of(field, randomHostile(random)));
            }
        }
        return cases.stream();
    }

    /** Printable text with a control or syntax character dropped in somewhere. */
    private static String randomHostile(Random random) {
        String specials = "\n\r\u0000\t\u000b\u000c\u001b\u007f\u0085=#\"'\\;$` ,/[]*";
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            out.append(random.nextInt(3) == 0 ? specials.charAt(random.nextInt(specials.length()))
                    : (char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0} <- {index}")
    @MethodSource("cases")
    void noValueAddsALineOrDirective(Field field, String value) {
        NetworkSettings hostile = field.set().apply(BASE, value);
        boolean breaksLines = value.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || c == 0x2028 || c == 0x2029);
        if (breaksLines) {
            assertThat(VALIDATOR.validate(hostile)).as("validation of %s", field).isNotEmpty();
        }
        for (ManagedFile file : ManagedFile.values()) {
            String rendered;
            try {
                rendered = NetworkFiles.render(file, hostile);
            } catch (UnsafeValueException refused) {
                continue;
            }
            String baseline = NetworkFiles.render(file, BASE);
            assertThat(directives(rendered)).as("%s of %s", field, file).isEqualTo(directives(baseline));
            assertThat(rendered).as("%s of %s", field, file).doesNotContain("\u0000", "\r");
        }
    }

    /** The structure of a file: per line, what comes before the first '=' or blank (the key or flag). */
    private static List<String> directives(String text) {
        return text.lines().map(line -> line.split("[= ]", 2)[0]).toList();
    }

    private static WifiSettings wifi(WifiSettings w, String value, int which) {
        return new WifiSettings(which == 0 ? value : w.iface(), w.ssid(), w.passphrase(), w.security(),
                which == 1 ? value : w.country(), w.band(), w.channel(), w.hidden(), w.maxClients(),
                w.clientIsolation(), w.blockedMacs());
    }

    private static LanSettings lan(LanSettings l, List<String> dns, String domain) {
        return new LanSettings(l.iface(), l.address(), l.prefixLength(), l.rangeStart(), l.rangeEnd(),
                l.leaseMinutes(), dns, domain, l.staticLeases());
    }

}
