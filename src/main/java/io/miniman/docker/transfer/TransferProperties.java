package io.miniman.docker.transfer;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Files that come in and go out of the box.
 *
 * @param dir         where uploads are received before the engine gets them; empty: {@code <data-dir>/transfers}.
 *                    Never /tmp: it is a RAM disk on many boxes, and an image is larger than the RAM
 * @param imageLimit  largest image archive accepted, in bytes (compressed as uploaded)
 * @param volumeLimit largest volume archive accepted, and largest total it may unpack to, in bytes
 */
@ConfigurationProperties("miniman.transfer")
public record TransferProperties(
        Path dir,
        @DefaultValue("4294967296") long imageLimit,
        @DefaultValue("4294967296") long volumeLimit) {
}
