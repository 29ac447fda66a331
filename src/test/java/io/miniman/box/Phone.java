package io.miniman.box;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.miniman.host.CommandResult;
import io.miniman.network.testsupport.ScratchNetns;

/**
 * The client on the other end of the box's wlan0, in a namespace of its own: it asks for a lease, fetches
 * with curl and browses with Chromium, all over the "WiFi" only.
 */
final class Phone implements AutoCloseable {

    private final ScratchNetns netns;
    private final Path work;
    private final String lan;

    /** work: a scratch folder of the test's; lan: the box's address on the WiFi. */
    Phone(ScratchNetns netns, Path work, String lan) {
        this.netns = netns;
        this.work = work;
        this.lan = lan;
    }

    ScratchNetns netns() {
        return netns;
    }

    CommandResult run(String... argv) {
        return netns.run(argv);
    }

    PhoneBrowser startBrowser(Path chromium) throws IOException {
        return PhoneBrowser.start(netns, chromium, work);
    }

    /** The form post a browser's login makes; answers where the console sends it next. */
    String signIn(String password) {
        Path jar = work.resolve("cookies-" + System.nanoTime());
        CommandResult result = netns.run("curl", "-sS", "--max-time", "15", "-c", jar.toString(), "-b", jar.toString(),
                "-o", "/dev/null", "-w", "%{redirect_url}", "--data-urlencode", "username=admin",
                "--data-urlencode", "password=" + password, "http://" + lan + "/login");
        assertThat(result.ok()).as(result.stderr()).isTrue();
        return result.stdout();
    }

    /** busybox udhcpc on the phone; its script (busybox ships none) records the offer and sets the address. */
    Map<String, String> lease() throws IOException {
        Path offer = work.resolve("offer-" + System.nanoTime());
        Path script = work.resolve("udhcpc-script");
        Files.writeString(script, "#!/bin/sh\nif [ \"$1\" = bound ]; then\n  env > " + offer + "\n"
                + "  ip addr flush dev \"$interface\"\n  ip addr add \"$ip/$mask\" dev \"$interface\"\nfi\n");
        script.toFile().setExecutable(true);
        // a fresh veth loses the first DISCOVERs; dnsmasq may still be waiting for wlan0: several rounds
        CommandResult result = null;
        for (int round = 0; round < 4 && !Files.exists(offer); round++) {
            result = netns.run("busybox", "udhcpc", "-i", "eth0", "-f", "-q", "-n", "-t", "5", "-T", "1", "-s",
                    script.toString());
        }
        assertThat(offer).as("no lease: %s", result == null ? "" : result.stdout() + result.stderr()).exists();
        Map<String, String> env = new HashMap<>();
        Files.readAllLines(offer).stream().filter(line -> line.contains("=")).forEach(line ->
                env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return env;
    }

    boolean awaitHealthThroughNginx() {
        for (int attempt = 0; attempt < 120; attempt++) {
            if (netns.run("curl", "-fsS", "--max-time", "5", "http://" + lan + "/health").ok()) {
                return true;
            }
            SimulatedBox.sleep(1000);
        }
        return false;
    }


    @Override
    public void close() {
        netns.close();
    }
}
