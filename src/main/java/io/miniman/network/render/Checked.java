package io.miniman.network.render;

import java.util.Locale;
import java.util.function.Predicate;

import io.miniman.network.settings.validation.NetworkText;

/** The renderers' second line of defence: the same grammar as validation, enforced at writing time. */
final class Checked {

    private Checked() {
    }

    static String token(String field, String value, Predicate<String> grammar) {
        if (value == null || !grammar.test(value)) {
            throw new UnsafeValueException(field);
        }
        return value;
    }

    static String iface(String field, String value) {
        return token(field, value, NetworkText::isInterfaceName);
    }

    static String ipv4(String field, String value) {
        return token(field, value, NetworkText::isIpv4);
    }

    static String mac(String field, String value) {
        return token(field, value, NetworkText::isMac).toLowerCase(Locale.ROOT);
    }

    static int prefixLength(int value) {
        if (value < 8 || value > 30) {
            throw new UnsafeValueException("prefix length");
        }
        return value;
    }
}
