package io.miniman.docker;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the engine is, how much an upload may weigh and how long long work may take.
 *
 * @param host             {@code unix:///var/run/docker.sock} or {@code tcp://host:2376}
 * @param certPath         folder with ca.pem, cert.pem and key.pem; when set, tcp is spoken with TLS
 * @param buildContextLimit largest build context accepted, in bytes
 * @param logBufferLines   lines a log view keeps in the browser; older ones are dropped
 * @param pullTimeout      a pull still running after this is stopped and fails (it holds an operation worker)
 * @param buildTimeout     the same for a build
 */
@ConfigurationProperties("miniman.docker")
public record DockerProperties(
        @DefaultValue("unix:///var/run/docker.sock") String host,
        String certPath,
        @DefaultValue("67108864") long buildContextLimit,
        @DefaultValue("10000") int logBufferLines,
        @DefaultValue("30m") Duration pullTimeout,
        @DefaultValue("60m") Duration buildTimeout) {

    public static DockerProperties of(String host) {
        return new DockerProperties(host, null, 64L * 1024 * 1024, 10000, Duration.ofMinutes(30), Duration.ofMinutes(60));
    }
}
