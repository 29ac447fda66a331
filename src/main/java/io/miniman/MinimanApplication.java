package io.miniman;

import java.net.URL;
import java.util.Arrays;
import java.util.Set;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.SpringProperties;
import org.springframework.util.ClassUtils;

import io.miniman.update.OfflineVerbs;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MinimanApplication {

    /** Arguments that start the console rather than a verb. */
    private static final Set<String> SERVER = Set.of("serve");

    public static void main(String[] args) {
        int offline = OfflineVerbs.run(args);
        if (offline >= 0) {
            System.exit(offline);
        }
        if (args.length > 0 && !args[0].startsWith("-") && !SERVER.contains(args[0])) {
            System.exit(runVerb(args));
        }
        if (SpringProperties.checkFlag(AotDetector.AOT_ENABLED) == null && processedAheadOfTime()) {
            SpringProperties.setFlag(AotDetector.AOT_ENABLED);
        }
        SpringApplication.run(MinimanApplication.class, args);
    }

    /**
     * Whether this runs from the packaged jar, whose build wrote the bean definitions out as code: a start then
     * parses no configuration class and evaluates no condition (about a fifth of a start). A class folder (the
     * IDE, {@code spring-boot:run}) may hold definitions older than its classes, so it processes them at start.
     */
    static boolean processedAheadOfTime() {
        URL self = MinimanApplication.class.getResource(MinimanApplication.class.getSimpleName() + ".class");
        return self != null && "jar".equals(self.getProtocol())
                && ClassUtils.isPresent(MinimanApplication.class.getName() + "__ApplicationContextInitializer",
                        MinimanApplication.class.getClassLoader());
    }

    static int runVerb(String[] args) {
        // the definitions written at build time are the console's, with its web server; a verb has none
        SpringProperties.setFlag(AotDetector.AOT_ENABLED, false);
        SpringApplication app = new SpringApplication(MinimanApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        // Vaadin's auto-configuration needs a servlet context, which a verb without web server has not
        try (ConfigurableApplicationContext context = app.run("--spring.main.lazy-initialization=true",
                "--logging.level.root=warn", "--spring.autoconfigure.exclude="
                        + "com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration")) {
            var verbs = context.getBeansOfType(CliVerb.class).values();
            for (CliVerb verb : verbs) {
                if (verb.name().equals(args[0])) {
                    return verb.run(Arrays.copyOfRange(args, 1, args.length));
                }
            }
            System.err.println("Unknown command '" + args[0] + "'. Commands: serve (default)"
                    + verbs.stream().map(v -> ", " + v.usage()).reduce("", String::concat));
            return 2;
        } catch (Exception e) {
            System.err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }
}
