package io.miniman;

import java.util.Arrays;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

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
        SpringApplication.run(MinimanApplication.class, args);
    }

    static int runVerb(String[] args) {
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
