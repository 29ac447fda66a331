package io.miniman.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.miniman.InvalidInputException;
import io.miniman.host.HostFiles;

/**
 * The stacks folder, which is the truth: one folder per stack, found by listing (so a folder made by
 * hand is a stack too). Every path is checked to stay inside the folder without following links, so
 * a name or a planted symlink can never make the console read or write elsewhere.
 */
@Component
class StackFiles {

    /** Names compose itself looks for, in its order; the console writes the first. */
    static final List<String> COMPOSE_NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");
    static final String ENV = ".env";

    private final Path root;

    StackFiles(ComposeProperties properties) {
        this.root = properties.stacksDir().toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    List<String> names() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (name.matches(StackDraft.NAME_PATTERN) && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                        && composeFile(dir).isPresent()) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    boolean exists(String name) {
        return Files.exists(dir(name), LinkOption.NOFOLLOW_LINKS);
    }

    /** The stack's folder; refuses names that could leave the stacks folder and folders that are links. */
    Path dir(String name) {
        if (name == null || !name.matches(StackDraft.NAME_PATTERN)) {
            throw new InvalidInputException("name", "Not a stack name: " + name);
        }
        Path dir = root.resolve(name).normalize();
        if (!dir.getParent().equals(root) || Files.isSymbolicLink(dir)) {
            throw new InvalidInputException("name", "Stack '" + name + "' is not a plain folder inside " + root);
        }
        return dir;
    }

    /** The compose file of an existing stack (whichever of compose's names it uses). */
    Path composeFile(String name) {
        Path dir = dir(name);
        return composeFile(dir).orElseThrow(() -> new InvalidInputException("name", "No stack named '" + name + "'"));
    }

    private static Optional<Path> composeFile(Path dir) {
        return COMPOSE_NAMES.stream().map(dir::resolve).filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).findFirst();
    }

    StackText read(String name, long limit) {
        Path file = composeFile(name);
        Path env = dir(name).resolve(ENV);
        return new StackText(readLimited(file, limit), Files.isRegularFile(env, LinkOption.NOFOLLOW_LINKS) ? readLimited(env, limit) : "");
    }

    private static String readLimited(Path file, long limit) {
        try {
            if (Files.size(file) > limit) {
                throw new InvalidInputException("compose", file.getFileName() + " is larger than " + limit + " bytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the stack's files, each atomically (temp file beside it, then rename). The .env may hold
     * secrets: only the console's user reads it. An empty .env that never existed is
     * not created; a new stack's folder is.
     */
    void write(String name, StackText text) {
        Path dir = dir(name);
        Path file = composeFile(dir).orElse(dir.resolve(COMPOSE_NAMES.get(0)));
        refuseLink(file);
        Path env = dir.resolve(ENV);
        refuseLink(env);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        HostFiles.atomicWrite(file, text.compose().getBytes(StandardCharsets.UTF_8), "rw-r-----");
        if (!text.env().isEmpty() || Files.exists(env)) {
            HostFiles.atomicWrite(env, text.env().getBytes(StandardCharsets.UTF_8), "rw-------");
        }
    }

    private static void refuseLink(Path file) {
        if (Files.isSymbolicLink(file)) {
            throw new InvalidInputException("compose", file.getFileName() + " is a link; the console writes plain files only");
        }
    }

    /** A scratch folder inside the stacks folder (same file system) whose name no stack can have. */
    Path scratch() {
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, ".check-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder in " + root + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
