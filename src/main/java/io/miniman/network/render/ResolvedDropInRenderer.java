package io.miniman.network.render;

import io.miniman.network.settings.NetworkSettings;

/** systemd-resolved's stub listener holds port 53, which dnsmasq needs on the LAN. */
public final class ResolvedDropInRenderer {

    private ResolvedDropInRenderer() {
    }

    public static String render(NetworkSettings settings) {
        return RenderHeader.LINE + "[Resolve]\nDNSStubListener=no\n";
    }
}
