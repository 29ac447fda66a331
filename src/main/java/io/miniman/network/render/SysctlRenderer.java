package io.miniman.network.render;

import io.miniman.network.settings.NetworkSettings;

public final class SysctlRenderer {

    private SysctlRenderer() {
    }

    public static String render(NetworkSettings settings) {
        return RenderHeader.LINE + "net.ipv4.ip_forward = " + (settings.uplink().ipForwarding() ? 1 : 0) + "\n";
    }
}
