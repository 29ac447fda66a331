package io.miniman.system.settings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin may change about the host. The host name is one RFC 1123 label (the helper checks it
 * again); the time zone must be one the OS lists ({@link HostSettingsService#timeZones()}).
 */
public record HostSettings(
        @NotBlank(message = "a host name is required")
        @Size(max = 63, message = "at most 63 characters")
        @Pattern(regexp = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?",
                message = "letters, digits and '-' only, not at the start or end")
        String hostname,
        @NotBlank(message = "a time zone is required")
        String timeZone) {
}
