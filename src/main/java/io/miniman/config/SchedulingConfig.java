package io.miniman.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Timed jobs (samplers, retention, scheduled backups and reports) belong to the running console only: in
 * a one-shot verb such as {@code render} they would race the verb, e.g. a sampler seeding the network
 * settings before provisioning's first render stores its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class SchedulingConfig {
}
