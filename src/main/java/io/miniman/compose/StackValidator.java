package io.miniman.compose;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import io.miniman.InvalidInputException;
import io.miniman.host.CommandResult;
import io.miniman.host.HostFiles;

/**
 * Checks a stack's files before anything on disk changes: size, YAML, then the real {@code compose config}
 * run on copies in a scratch folder (with the stack's folder as project directory, so relative paths
 * mean what they will mean). What it returns is compose's own effective configuration.
 */
@Component
class StackValidator {

    private static final Duration CONFIG_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private final StackFiles files;
    private final ComposeCli cli;
    private final ComposeProperties properties;

    StackValidator(StackFiles files, ComposeCli cli, ComposeProperties properties) {
        this.files = files;
        this.cli = cli;
        this.properties = properties;
    }

    /** @return the effective configuration as compose prints it */
    String check(String name, StackText text) {
        limit("compose", text.compose());
        limit("env", text.env());
        parse(text.compose());
        Path scratch = files.scratch();
        try {
            Path compose = scratch.resolve("compose.yaml");
            Path env = scratch.resolve(StackFiles.ENV);
            HostFiles.atomicWrite(compose, text.compose().getBytes(StandardCharsets.UTF_8), "rw-------");
            HostFiles.atomicWrite(env, text.env().getBytes(StandardCharsets.UTF_8), "rw-------");
            CommandResult result = cli.run(files.dir(name), name, compose, env, List.of("config"), CONFIG_TIMEOUT);
            if (!result.ok()) {
                String message = result.failureText().replace(compose.toString(), "compose.yaml")
                        .replace(env.toString(), StackFiles.ENV).replace(scratch.toString(), ".");
                throw new ComposeRejectedException(message, lineOf(message));
            }
            return result.stdout();
        } finally {
            StackFiles.deleteTree(scratch);
        }
    }

    private void limit(String field, String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > properties.composeFileLimit()) {
            throw new InvalidInputException(field, (field.equals("env") ? ".env" : "compose.yaml") + " is larger than "
                    + properties.composeFileLimit() + " bytes");
        }
    }

    /** YAML first: its error names the line at once, and a file that is not a mapping of services is not worth a compose run. */
    static Map<?, ?> parse(String compose) {
        Object doc;
        try {
            doc = yaml().load(compose);
        } catch (MarkedYAMLException e) {
            throw new ComposeRejectedException("YAML error at line " + (e.getProblemMark().getLine() + 1) + ", column "
                    + (e.getProblemMark().getColumn() + 1) + ": " + e.getProblem(), e.getProblemMark().getLine() + 1);
        } catch (YAMLException e) {
            throw new ComposeRejectedException("YAML error: " + e.getMessage(), 0);
        }
        if (!(doc instanceof Map<?, ?> map) || !(map.get("services") instanceof Map<?, ?> services) || services.isEmpty()) {
            throw new ComposeRejectedException("A compose file is a mapping with a 'services:' section naming at least one service", 1);
        }
        return map;
    }

    /** Safe types only, and a cap on aliases: a "billion laughs" file must not eat the heap. */
    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    private static int lineOf(String message) {
        Matcher m = LINE.matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
