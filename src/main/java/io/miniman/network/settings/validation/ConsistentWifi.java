package io.miniman.network.settings.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.miniman.network.settings.WifiSettings;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The channel fits band and country; SAE gets a passphrase, not a raw PSK; no MAC blocked twice. */
@Documented
@Constraint(validatedBy = ConsistentWifi.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentWifi {

    String message() default "inconsistent WiFi settings";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ConsistentWifi, WifiSettings> {
        @Override
        public boolean isValid(WifiSettings wifi, ConstraintValidatorContext context) {
            if (wifi == null) {
                return true;
            }
            Violations violations = new Violations(context);
            if (wifi.band() != null && wifi.country() != null
                    && !Channels.allowed(wifi.band(), wifi.country()).contains(wifi.channel())) {
                violations.on("channel", "channel " + wifi.channel() + " is not allowed on "
                        + wifi.band().label() + " in " + wifi.country() + "; allowed: "
                        + Channels.allowed(wifi.band(), wifi.country()) + " (0 = automatic)");
            }
            if (wifi.security() != null && wifi.security().usesSae() && wifi.passphrase() != null
                    && NetworkText.isHexPsk(wifi.passphrase())) {
                violations.on("passphrase", "WPA3 needs a passphrase of 8 to 63 characters, not a 64-digit key");
            }
            if (wifi.blockedMacs() != null) {
                Set<String> seen = new HashSet<>();
                for (String mac : wifi.blockedMacs()) {
                    if (mac != null && !seen.add(mac.toLowerCase(Locale.ROOT))) {
                        violations.on("blockedMacs", mac + " is blocked twice");
                    }
                }
            }
            return violations.valid();
        }
    }
}
