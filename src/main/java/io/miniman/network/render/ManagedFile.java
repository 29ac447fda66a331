package io.miniman.network.render;

/** Every file the console owns on the box, at its device path, with the step that makes it live. */
public enum ManagedFile {
    NETWORKD("/etc/systemd/network/10-miniman-lan.network", "rw-r--r--", ApService.NETWORKD),
    SYSCTL("/etc/sysctl.d/90-miniman-forwarding.conf", "rw-r--r--", ApService.SYSCTL),
    IPTABLES("/etc/iptables/rules.v4", "rw-r--r--", ApService.IPTABLES),
    IPTABLES_V6("/etc/iptables/rules.v6", "rw-r--r--", ApService.IPTABLES),
    RESOLVED("/etc/systemd/resolved.conf.d/miniman-no-stub.conf", "rw-r--r--", ApService.RESOLVED),
    DNSMASQ("/etc/dnsmasq.d/miniman.conf", "rw-r--r--", ApService.DNSMASQ),
    // the passphrase is in it
    HOSTAPD("/etc/hostapd/hostapd.conf", "rw-------", ApService.HOSTAPD),
    HOSTAPD_DENY("/etc/hostapd/hostapd.deny", "rw-r--r--", ApService.HOSTAPD);

    private final String devicePath;
    private final String permissions;
    private final ApService service;

    ManagedFile(String devicePath, String permissions, ApService service) {
        this.devicePath = devicePath;
        this.permissions = permissions;
        this.service = service;
    }

    public String devicePath() {
        return devicePath;
    }

    /** In the {@code PosixFilePermissions.fromString} form. */
    public String permissions() {
        return permissions;
    }

    public ApService service() {
        return service;
    }

    public String fileName() {
        return devicePath.substring(devicePath.lastIndexOf('/') + 1);
    }
}
