package io.miniman.network.settings.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.miniman.network.settings.NetworkSettings;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The uplink is another interface than the LAN (masquerading the LAN onto itself cuts it off). */
@Documented
@Constraint(validatedBy = ConsistentNetwork.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentNetwork {

    String message() default "inconsistent network settings";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ConsistentNetwork, NetworkSettings> {
        @Override
        public boolean isValid(NetworkSettings settings, ConstraintValidatorContext context) {
            if (settings == null || settings.uplink() == null || settings.lan() == null || settings.wifi() == null) {
                return true;
            }
            Violations violations = new Violations(context);
            String uplink = settings.uplink().iface();
            if (!uplink.isEmpty() && (uplink.equals(settings.lan().iface()) || uplink.equals(settings.wifi().iface()))) {
                violations.on("uplink.iface", "the uplink must be another interface than the LAN/WiFi " + uplink);
            }
            if (settings.firewall() != null && settings.firewall().sshLanOnly()
                    && settings.firewall().sshPort() == settings.firewall().consolePort()) {
                violations.on("firewall.sshPort", "SSH and the console cannot share a port");
            }
            return violations.valid();
        }
    }
}
