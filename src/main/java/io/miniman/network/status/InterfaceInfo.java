package io.miniman.network.status;

import java.util.List;

/** One network interface as the views show it; {@code wireless} from /sys/class/net/IF/wireless. */
public record InterfaceInfo(String name, String state, String mac, int mtu, List<String> addresses, long rxBytes,
        long txBytes, long rxPackets, long txPackets, boolean wireless) {
}
