package io.miniman.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's own settings, under {@code miniman.*}; each can be overridden by the environment
 * (MINIMAN_DATA_DIR, MINIMAN_PORT, MINIMAN_HOST_ROOT, MINIMAN_SESSION_TIMEOUT, MINIMAN_ADMIN_PASSWORD, ...).
 */
@ConfigurationProperties("miniman")
public record MinimanProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("8000") int port,
        @DefaultValue("30m") Duration sessionTimeout,
        String adminPassword,
        @DefaultValue("10") int minPasswordLength,
        @DefaultValue Host host) {

    /** root: where device paths such as /etc/hostapd live; proc: where the kernel's /proc is read. */
    public record Host(@DefaultValue("./data/host") Path root, @DefaultValue("/proc") Path proc) {
    }

    public Path databaseFile() {
        return dataDir.resolve("miniman.db");
    }
}
