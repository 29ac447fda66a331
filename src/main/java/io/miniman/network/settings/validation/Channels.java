package io.miniman.network.settings.validation;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.miniman.network.settings.WifiBand;
import io.miniman.network.settings.WifiSettings;

/**
 * Channels the console offers. hostapd checks neither channel nor country until a radio exists, so
 * this is the only check. On 5 GHz only the channels without radar detection (DFS) are offered: DFS
 * makes the access point go silent for a minute or more after each start, which looks exactly like a
 * lost connection during apply-and-confirm.
 */
public final class Channels {

    private static final Set<String> ELEVEN_CHANNEL_COUNTRIES = Set.of("US", "CA");
    private static final List<Integer> FIVE_GHZ = List.of(36, 40, 44, 48, 149, 153, 157, 161, 165);

    private Channels() {
    }

    /** Allowed channels, automatic (0) first. */
    public static List<Integer> allowed(WifiBand band, String country) {
        return switch (band) {
            case GHZ_2_4 -> IntStream.rangeClosed(0, ELEVEN_CHANNEL_COUNTRIES.contains(country) ? 11 : 13)
                    .boxed().toList();
            case GHZ_5 -> Stream.concat(Stream.of(WifiSettings.AUTO_CHANNEL), FIVE_GHZ.stream()).toList();
        };
    }
}
