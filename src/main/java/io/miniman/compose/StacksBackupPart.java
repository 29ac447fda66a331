package io.miniman.compose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.miniman.InvalidInputException;
import io.miniman.backup.BackupPart;
import io.miniman.backup.PartPreview;
import io.miniman.backup.RestoreContext;
import io.miniman.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The stacks' files in a backup ({@code <stack>/compose.yaml} and {@code <stack>/.env}). A restore writes
 * each stack of the backup as a new revision, checked by compose first like any save; stacks this box has
 * and the backup lacks stay, and no stack is started or stopped (its containers are the admin's call).
 */
@Component
class StacksBackupPart implements BackupPart {

    private static final String COMPOSE = "compose.yaml";

    private final StackFiles files;
    private final StackValidator validator;
    private final StackRevisions revisions;
    private final ComposeProperties properties;

    StacksBackupPart(StackFiles files, StackValidator validator, StackRevisions revisions, ComposeProperties properties) {
        this.files = files;
        this.validator = validator;
        this.revisions = revisions;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "stacks";
    }

    @Override
    public String title() {
        return "Compose stacks";
    }

    @Override
    public int restoreOrder() {
        return 300;
    }

    @Override
    public Map<String, byte[]> export() {
        Map<String, byte[]> entries = new TreeMap<>();
        for (String name : files.names()) {
            StackText text = files.read(name, properties.composeFileLimit());
            entries.put(name + "/" + COMPOSE, text.compose().getBytes(StandardCharsets.UTF_8));
            if (!text.env().isEmpty()) {
                entries.put(name + "/" + StackFiles.ENV, text.env().getBytes(StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Override
    public PartPreview preview(Map<String, byte[]> entries) {
        Map<String, StackText> restored = parse(entries);
        List<String> changes = new ArrayList<>();
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (Map.Entry<String, StackText> stack : restored.entrySet()) {
            String name = stack.getKey();
            StackText now = files.exists(name) ? files.read(name, properties.composeFileLimit()) : null;
            if (stack.getValue().equals(now)) {
                continue;
            }
            try {
                validator.check(name, stack.getValue());
            } catch (InvalidInputException e) {
                throw new IllegalArgumentException("stack '" + name + "' is refused: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                // compose missing or not answering: the files are still the admin's to restore
                changes.add("Stack '" + name + "' could not be checked by compose (" + e.getMessage() + ").");
            }
            changes.add(now == null ? "Stack '" + name + "' is added (not started)." : "Stack '" + name
                    + "' gets the files of the backup (" + StackRevisions.summary(now, stack.getValue())
                    + "; running containers are not recreated).");
            append(before, name, now);
            append(after, name, stack.getValue());
        }
        files.names().stream().filter(name -> !restored.containsKey(name))
                .forEach(name -> changes.add("Stack '" + name + "' is not in the backup and stays."));
        return new PartPreview(before.toString(), after.toString(), changes, List.of());
    }

    @Override
    public String restore(Map<String, byte[]> entries, RestoreContext context) {
        String user = CurrentUser.name().orElse("system");
        int written = 0;
        for (Map.Entry<String, StackText> stack : parse(entries).entrySet()) {
            String name = stack.getKey();
            StackText now = files.exists(name) ? files.read(name, properties.composeFileLimit()) : null;
            if (stack.getValue().equals(now)) {
                continue;
            }
            if (now != null) {
                revisions.rememberOutsideChange(name, now);
            }
            context.progress().accept("writing stack " + name);
            files.write(name, stack.getValue());
            revisions.record(name, user, stack.getValue(), null);
            written++;
        }
        return "stacks: " + written + " written";
    }

    private Map<String, StackText> parse(Map<String, byte[]> entries) {
        Map<String, String> compose = new TreeMap<>();
        Map<String, String> env = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String[] path = entry.getKey().split("/");
            if (path.length != 2 || !path[0].matches(StackDraft.NAME_PATTERN) || path[0].length() > 63) {
                throw new IllegalArgumentException("'" + entry.getKey() + "' is not a stack's file");
            }
            if (entry.getValue().length > properties.composeFileLimit()) {
                throw new IllegalArgumentException("'" + entry.getKey() + "' is larger than " + properties.composeFileLimit() + " bytes");
            }
            String text = new String(entry.getValue(), StandardCharsets.UTF_8);
            switch (path[1]) {
                case COMPOSE -> compose.put(path[0], text);
                case StackFiles.ENV -> env.put(path[0], text);
                default -> throw new IllegalArgumentException("'" + entry.getKey() + "' is not a stack's file");
            }
        }
        Map<String, StackText> stacks = new LinkedHashMap<>();
        env.keySet().stream().filter(name -> !compose.containsKey(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("stack '" + name + "' has a .env but no compose.yaml");
        });
        compose.forEach((name, text) -> stacks.put(name, new StackText(text, env.getOrDefault(name, ""))));
        return stacks;
    }

    private static void append(StringBuilder out, String name, StackText text) {
        out.append("──── ").append(name).append(" ────\n");
        if (text != null) {
            out.append(text.compose()).append('\n');
            if (!text.env().isEmpty()) {
                out.append("──── ").append(name).append("/.env ────\n").append(StackRevisions.maskEnv(text.env())).append('\n');
            }
        }
    }
}
