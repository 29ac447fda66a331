package io.miniman.network.settings;

public enum WifiSecurity {
    WPA2_PSK("WPA2-PSK"),
    WPA2_WPA3("WPA2/WPA3 transition"),
    WPA3_SAE("WPA3-SAE");

    private final String label;

    WifiSecurity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** SAE derives its key from the passphrase itself, so a raw 64-hex PSK cannot serve it. */
    public boolean usesSae() {
        return this != WPA2_PSK;
    }
}
