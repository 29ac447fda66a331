package io.miniman.network.settings.validation;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The grammar of every text value that ends up in an access point file. Bean Validation uses it to
 * give field errors; the renderers use it again before writing, so a value that slipped past
 * validation still cannot add a line or a directive.
 */
public final class NetworkText {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");
    // what the kernel allows minus what breaks tools: IFNAMSIZ-1 bytes, no '/', ':', whitespace, no leading '-'
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}");
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern HEX_PSK = Pattern.compile("[0-9A-Fa-f]{64}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private NetworkText() {
    }

    /** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
    public static boolean hasControlCharacters(String value) {
        return value.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || c == 0x2028 || c == 0x2029);
    }

    public static boolean isSsid(String value) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        return bytes >= 1 && bytes <= 32 && !hasControlCharacters(value) && isWellFormedUtf16(value);
    }

    public static boolean isPassphrase(String value) {
        if (isHexPsk(value)) {
            return true;
        }
        return value.length() >= 8 && value.length() <= 63 && value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    public static boolean isHexPsk(String value) {
        return HEX_PSK.matcher(value).matches();
    }

    public static boolean isCountry(String value) {
        return COUNTRIES.contains(value);
    }

    public static boolean isIpv4(String value) {
        return IPV4.matcher(value).matches();
    }

    public static boolean isMac(String value) {
        return MAC.matcher(value).matches();
    }

    public static boolean isInterfaceName(String value) {
        return INTERFACE.matcher(value).matches() && !value.equals(".") && !value.equals("..");
    }

    public static boolean isHostLabel(String value) {
        return HOST_LABEL.matcher(value).matches();
    }

    public static boolean isDomainName(String value) {
        if (value.isEmpty() || value.length() > 253) {
            return false;
        }
        for (String label : value.split("\\.", -1)) {
            if (!isHostLabel(label)) {
                return false;
            }
        }
        return true;
    }

    /** A lone surrogate would become '?' in UTF-8 and change the SSID behind the admin's back. */
    private static boolean isWellFormedUtf16(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
