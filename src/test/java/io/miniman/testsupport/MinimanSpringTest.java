package io.miniman.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import io.miniman.MinimanApplication;

/**
 * The one Spring context of the test suite: every Spring test uses exactly this annotation (and no
 * extra properties or mocks), so the context starts once. Each JVM gets a fresh data dir and host root.
 * The application class is named so an extension's tests, in a package of their own, get the same context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MinimanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "miniman.data-dir=target/test-data/${random.uuid}",
        "miniman.host.root=target/test-host/${random.uuid}",
        "miniman.admin-password=" + MinimanSpringTest.INITIAL_ADMIN_PASSWORD,
        "miniman.metrics.token=" + MinimanSpringTest.METRICS_TOKEN,
        // systemd is not PID 1 where the tests run: the units' state is a recording from the simulated box
        "miniman.system.systemctl=src/test/resources/system/systemctl-recorded",
        // views are tested through Karibu, which needs no frontend bundle and no dev server
        "vaadin.productionMode=true"})
public @interface MinimanSpringTest {
    String INITIAL_ADMIN_PASSWORD = "first-Run-pw-2024";
    String METRICS_TOKEN = "scrape-token-for-tests";
}
