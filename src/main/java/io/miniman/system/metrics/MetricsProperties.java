package io.miniman.system.metrics;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code miniman.metrics.*}: sys is where /sys/class/thermal is read (tests point it at files of their
 * own); retention is how long the history is kept.
 */
@ConfigurationProperties("miniman.metrics")
public record MetricsProperties(@DefaultValue("/sys") Path sys, @DefaultValue("90d") Duration retention) {
}
