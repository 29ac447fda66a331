package io.miniman.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The REST API's limits.
 *
 * @param requestsPerSecond what one token may ask per second, sustained
 * @param burst how many requests a token may send at once after a quiet spell
 * @param maxBodySize the largest request body (a build context upload has its own limit)
 */
@ConfigurationProperties("miniman.api")
public record ApiProperties(
        @DefaultValue("60") int requestsPerSecond,
        @DefaultValue("120") int burst,
        @DefaultValue("10MB") DataSize maxBodySize) {
}
