package io.miniman.operation.forward;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Destinations set by the fleet's environment (MINIMAN_FORWARD_SYSLOG=udp://host:514, ...); they receive
 * every operation transition and are shown read-only beside the ones set in the console.
 */
@ConfigurationProperties("miniman.forward")
public record ForwardProperties(
        @DefaultValue List<String> syslog,
        @DefaultValue List<String> gelf,
        @DefaultValue List<String> snmp,
        @DefaultValue("public") String snmpCommunity,
        @DefaultValue("500") int queueCapacity) {
}
