package io.miniman.operation.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code miniman.metrics.token}: the bearer token a Prometheus server off the box sends to read
 * /actuator/prometheus. Without it only the box itself (loopback) can read the figures.
 */
@ConfigurationProperties("miniman.metrics")
public record MetricsProperties(String token) {

    public boolean hasToken() {
        return token != null && !token.isBlank();
    }
}
