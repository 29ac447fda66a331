package io.miniman.network.settings.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.miniman.network.settings.Ipv4Subnet;
import io.miniman.network.settings.LanSettings;
import io.miniman.network.settings.StaticLease;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The DHCP range lies inside the subnet, runs upwards and leaves out the box's own address; every
 * static lease is a host of the subnet other than the box, and no two leases share a MAC or an IP.
 */
@Documented
@Constraint(validatedBy = ConsistentLan.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentLan {

    String message() default "inconsistent LAN settings";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ConsistentLan, LanSettings> {
        @Override
        public boolean isValid(LanSettings lan, ConstraintValidatorContext context) {
            if (lan == null || lan.prefixLength() < 8 || lan.prefixLength() > 30) {
                return true;
            }
            Violations violations = new Violations(context);
            Optional<Long> box = parse(lan.address());
            if (box.isEmpty()) {
                return true;
            }
            Ipv4Subnet subnet = lan.subnet();
            if (!subnet.containsHost(box.get())) {
                violations.on("address", lan.address() + " is the network or broadcast address of "
                        + subnet.cidr());
                return false;
            }
            Optional<Long> start = parse(lan.rangeStart());
            Optional<Long> end = parse(lan.rangeEnd());
            start.filter(s -> !subnet.containsHost(s)).ifPresent(s ->
                    violations.on("rangeStart", lan.rangeStart() + " is outside " + subnet.cidr()));
            end.filter(e -> !subnet.containsHost(e)).ifPresent(e ->
                    violations.on("rangeEnd", lan.rangeEnd() + " is outside " + subnet.cidr()));
            if (violations.valid() && start.isPresent() && end.isPresent()) {
                if (start.get() > end.get()) {
                    violations.on("rangeEnd", "the range ends before it starts");
                } else if (box.get() >= start.get() && box.get() <= end.get()) {
                    violations.on("rangeStart", "the range includes the box's own address " + lan.address());
                }
            }
            if (lan.staticLeases() != null) {
                checkLeases(lan, subnet, violations);
            }
            return violations.valid();
        }

        private static Optional<Long> parse(String address) {
            return address == null ? Optional.empty() : Ipv4Subnet.toLong(address);
        }

        private static void checkLeases(LanSettings lan, Ipv4Subnet subnet, Violations violations) {
            Set<String> macs = new HashSet<>();
            Set<String> ips = new HashSet<>();
            for (int i = 0; i < lan.staticLeases().size(); i++) {
                StaticLease lease = lan.staticLeases().get(i);
                if (lease == null || lease.mac() == null || lease.ip() == null) {
                    continue;
                }
                String where = "staticLeases[" + i + "]";
                if (!macs.add(lease.mac().toLowerCase(Locale.ROOT))) {
                    violations.on(where + ".mac", "another static lease already has MAC " + lease.mac());
                }
                if (!ips.add(lease.ip())) {
                    violations.on(where + ".ip", "another static lease already has " + lease.ip());
                } else if (lease.ip().equals(lan.address())) {
                    violations.on(where + ".ip", lease.ip() + " is the box's own address");
                } else if (NetworkText.isIpv4(lease.ip()) && !subnet.containsHost(lease.ip())) {
                    violations.on(where + ".ip", lease.ip() + " is outside " + subnet.cidr());
                }
            }
        }
    }
}
