package io.miniman.compose;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where stacks live and how far the compose CLI may go. Bound from the {@code miniman.*} keys that
 * concern stacks; {@code stacks-dir} defaults to {@code <data-dir>/stacks} in application.properties.
 *
 * @param stacksDir        one folder per stack: {@code compose.yaml} and an optional {@code .env}
 * @param composeFileLimit largest compose.yaml or .env accepted, in bytes
 * @param composeTimeout   longest a compose run (up, pull, down) may take before it is stopped
 * @param composeLogLines  lines a followed stack log keeps; older ones are dropped
 */
@ConfigurationProperties("miniman")
public record ComposeProperties(
        @DefaultValue("./data/stacks") Path stacksDir,
        @DefaultValue("1048576") long composeFileLimit,
        @DefaultValue("10m") Duration composeTimeout,
        @DefaultValue("2000") int composeLogLines) {
}
