package io.miniman.network.status;

import java.util.Map;

/** What hostapd says about itself, or why it could not be asked ({@code available} false). */
public record AccessPointStatus(boolean available, String state, Map<String, String> details, String reason) {

    public static AccessPointStatus unavailable(String reason) {
        return new AccessPointStatus(false, "unknown", Map.of(), reason);
    }
}
