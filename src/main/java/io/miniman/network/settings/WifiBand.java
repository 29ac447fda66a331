package io.miniman.network.settings;

public enum WifiBand {
    GHZ_2_4("2.4 GHz"),
    GHZ_5("5 GHz");

    private final String label;

    WifiBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
