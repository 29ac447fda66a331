package io.miniman.docker.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.miniman.docker.container.RunSpec;

/** A bridge network to create; subnet, gateway and IP range are optional (empty: the engine picks). */
public record NetworkSpec(String name, String subnet, String gateway, String ipRange, boolean internal,
                          Map<String, String> labels) {

    private static final Pattern CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public NetworkSpec {
        name = name == null ? "" : name.trim();
        subnet = subnet == null ? "" : subnet.trim();
        gateway = gateway == null ? "" : gateway.trim();
        ipRange = ipRange == null ? "" : ipRange.trim();
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!RunSpec.validName(name)) {
            problems.add("Network name '" + name + "' may only hold letters, digits, '_', '.' and '-', and must start with a letter or digit");
        }
        if (!subnet.isEmpty() && !CIDR.matcher(subnet).matches()) {
            problems.add("Subnet '" + subnet + "' is not an IPv4 CIDR like 172.30.0.0/24");
        }
        if (!ipRange.isEmpty() && !CIDR.matcher(ipRange).matches()) {
            problems.add("IP range '" + ipRange + "' is not an IPv4 CIDR like 172.30.0.128/25");
        }
        if (!gateway.isEmpty() && !IPV4.matcher(gateway).matches()) {
            problems.add("Gateway '" + gateway + "' is not an IPv4 address");
        }
        if (subnet.isEmpty() && (!gateway.isEmpty() || !ipRange.isEmpty())) {
            problems.add("A gateway or IP range needs a subnet");
        }
        return problems;
    }

    public static boolean validIpv4(String address) {
        return address != null && IPV4.matcher(address).matches();
    }
}
