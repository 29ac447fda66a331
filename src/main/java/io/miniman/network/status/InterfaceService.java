package io.miniman.network.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;
import io.miniman.host.PrivilegedHelper;
import io.miniman.host.PrivilegedHelper.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** Interfaces from {@code ip -json -s addr} and the access point's state from hostapd. Read only. */
@Service
public class InterfaceService {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final CommandRunner runner;
    private final PrivilegedHelper helper;
    private final ObjectMapper json;
    private final Path sysClassNet;

    @Autowired
    public InterfaceService(CommandRunner runner, PrivilegedHelper helper, ObjectMapper json) {
        this(runner, helper, json, Path.of("/sys/class/net"));
    }

    InterfaceService(CommandRunner runner, PrivilegedHelper helper, ObjectMapper json, Path sysClassNet) {
        this.runner = runner;
        this.helper = helper;
        this.json = json;
        this.sysClassNet = sysClassNet;
    }

    public List<InterfaceInfo> list() {
        CommandResult result = runner.run(List.of("ip", "-json", "-s", "addr", "show"), TIMEOUT);
        if (!result.ok()) {
            throw new IllegalStateException("ip addr: " + result.failureText());
        }
        return parse(result.stdout());
    }

    List<InterfaceInfo> parse(String ipJson) {
        JsonNode root;
        try {
            root = json.readTree(ipJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ip printed something that is not JSON: " + e.getOriginalMessage(), e);
        }
        List<InterfaceInfo> out = new ArrayList<>();
        for (JsonNode link : root) {
            String name = link.path("ifname").asText();
            List<String> addresses = new ArrayList<>();
            for (JsonNode address : link.path("addr_info")) {
                addresses.add(address.path("local").asText() + "/" + address.path("prefixlen").asInt());
            }
            JsonNode stats = link.path("stats64");
            out.add(new InterfaceInfo(name, link.path("operstate").asText("UNKNOWN"), link.path("address").asText(""),
                    link.path("mtu").asInt(), addresses, stats.path("rx").path("bytes").asLong(),
                    stats.path("tx").path("bytes").asLong(), stats.path("rx").path("packets").asLong(),
                    stats.path("tx").path("packets").asLong(), Files.isDirectory(sysClassNet.resolve(name).resolve("wireless"))));
        }
        return out;
    }

    public AccessPointStatus accessPoint(String iface) {
        Outcome outcome = helper.verb("ap-status", iface);
        if (outcome instanceof Outcome.Done done) {
            Map<String, String> details = keyValues(done.output());
            return new AccessPointStatus(true, details.getOrDefault("state", "unknown"), details, "");
        }
        return AccessPointStatus.unavailable(outcome.describe());
    }

    static Map<String, String> keyValues(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        text.lines().filter(line -> line.indexOf('=') > 0)
                .forEach(line -> out.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return out;
    }
}
