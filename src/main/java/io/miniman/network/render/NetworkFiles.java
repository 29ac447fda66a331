package io.miniman.network.render;

import java.util.Arrays;
import java.util.List;

import io.miniman.network.settings.NetworkSettings;

/** Every managed file for one set of settings, in the order of {@link ManagedFile}. */
public final class NetworkFiles {

    private NetworkFiles() {
    }

    public static List<RenderedFile> render(NetworkSettings settings) {
        return Arrays.stream(ManagedFile.values()).map(file -> new RenderedFile(file, render(file, settings))).toList();
    }

    public static String render(ManagedFile file, NetworkSettings settings) {
        return switch (file) {
            case NETWORKD -> NetworkdConfigRenderer.render(settings);
            case SYSCTL -> SysctlRenderer.render(settings);
            case IPTABLES -> IptablesRulesRenderer.render(settings);
            case IPTABLES_V6 -> IptablesRulesRenderer.renderV6(settings);
            case RESOLVED -> ResolvedDropInRenderer.render(settings);
            case DNSMASQ -> DnsmasqConfigRenderer.render(settings);
            case HOSTAPD -> HostapdConfigRenderer.render(settings);
            case HOSTAPD_DENY -> HostapdConfigRenderer.renderDenyList(settings);
        };
    }
}
