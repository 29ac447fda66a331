package io.miniman.docker.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.miniman.docker.container.PortMapping;
import io.miniman.docker.container.RunSpec;
import io.miniman.docker.image.BuildSpec;
import io.miniman.docker.image.PullSpec;
import io.miniman.docker.image.TagSpec;
import io.miniman.docker.network.NetworkSpec;
import io.miniman.docker.volume.VolumeSpec;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/** The Docker forms' input checks, from their annotations alone: no engine, no Spring. */
class DockerSpecValidationTest {

    private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void close() {
        factory.close();
    }

    /** Property path to message, e.g. "mounts[0].target" -> "must be an absolute path in the container". */
    private static Map<String, String> problems(Object spec) {
        Set<ConstraintViolation<Object>> violations = factory.getValidator().validate(spec);
        return violations.stream().collect(Collectors.toMap(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage,
                (a, b) -> a + "; " + b));
    }

    private static RunSpec run(String image, String name) {
        return RunSpec.of(image, name, List.of());
    }

    @Test
    void aPlainRunSpecIsValid() {
        assertThat(problems(new RunSpec("127.0.0.1:5000/tools:1", "web-1", List.of("sleep", "1"), Map.of("DB_PASSWORD", "x"),
                List.of(PortMapping.parse("8080:80"), PortMapping.parse("8080:80/udp")),
                List.of(new RunSpec.Mount("data", "/data", false), new RunSpec.Mount("/srv/x", "/x", true)),
                "container:db", RunSpec.RestartPolicy.ALWAYS, 64L << 20, 0.5, Map.of("a", "b"),
                new RunSpec.HostAccess(true, List.of("/dev/ttyUSB0:/dev/ttyUSB0:rw"), List.of("NET_ADMIN", "CAP_SYS_TIME"), "host"))))
                .isEmpty();
        assertThat(problems(run("busybox@sha256:" + "a".repeat(64), ""))).isEmpty();
    }

    @Test
    void eachBadRunFieldIsReportedAtItsOwnProperty() {
        assertThat(problems(run("", ""))).containsOnly(Map.entry("image", "An image is required"));
        assertThat(problems(run("Not An/Image", "bad name"))).containsOnlyKeys("image", "name");
        assertThat(problems(new RunSpec("busybox", "", null, Map.of("A=B", "x", "OK", "nul\0"), null, null, null, null,
                null, null, null))).containsOnlyKeys("env<K>[A=B].<map key>", "env[OK].<map value>");
        assertThat(problems(new RunSpec("busybox", "", null, null,
                List.of(PortMapping.parse("8080:80"), PortMapping.parse("8080:81")), null, null, null, null, null, null)))
                .containsOnly(Map.entry("ports", "map a host port only once per protocol"));
        assertThat(problems(new RunSpec("busybox", "", null, null, null,
                List.of(new RunSpec.Mount("data", "relative", false), new RunSpec.Mount("../etc", "/x", false)),
                "bad network!", null, 1024L, 0.0, null)))
                .containsOnlyKeys("mounts[0].target", "mounts[1].source", "network", "memoryBytes", "cpus");
        assertThat(problems(new RunSpec("busybox", "", null, null, null, null, null, null, null, null, null,
                new RunSpec.HostAccess(false, List.of("ttyUSB0"), List.of("net admin"), "everything"))))
                .containsOnlyKeys("hostAccess.devices[0].<list element>", "hostAccess.capAdd[0].<list element>",
                        "hostAccess.pidMode");
    }

    @Test
    void volumeNetworkAndImageSpecs() {
        assertThat(problems(new VolumeSpec("", null, Map.of("type", "tmpfs"), null))).isEmpty();
        assertThat(problems(new VolumeSpec("no/slash", "a driver", Map.of("", "x"), null)))
                .containsOnlyKeys("name", "driver", "options<K>[].<map key>");

        assertThat(problems(new NetworkSpec("net-1", "172.30.0.0/24", "172.30.0.1", "172.30.0.128/25", true, null))).isEmpty();
        assertThat(problems(new NetworkSpec("", "10.0.0.0/33", "10.0.0.256", "x", false, null)))
                .containsOnlyKeys("name", "subnet", "gateway", "ipRange");
        assertThat(problems(new NetworkSpec("ok", "", "10.9.0.1", "", false, null)))
                .containsOnly(Map.entry("subnetGiven", "a gateway or IP range needs a subnet"));

        assertThat(problems(new PullSpec(" busybox ", null))).isEmpty();
        assertThat(problems(new PullSpec("Not A/Ref", null))).containsOnlyKeys("reference");
        assertThat(problems(new TagSpec("sha256:abc", ""))).containsOnly(Map.entry("reference", "A repository:tag is required"));
        assertThat(problems(new BuildSpec("tools:1", Map.of("WHO", "x")))).isEmpty();
        assertThat(problems(new BuildSpec("UPPER:1", Map.of("A B", "x")))).containsOnlyKeys("tag", "buildArgs<K>[A B].<map key>");
    }
}
