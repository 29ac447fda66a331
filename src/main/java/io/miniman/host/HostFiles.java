package io.miniman.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.miniman.config.MinimanProperties;

/**
 * Every device path (/etc/hostapd/hostapd.conf, ...) resolved under the configured host root, so the
 * same code writes the real files on the box and a scratch tree on a developer's machine or in tests.
 */
@Component
public class HostFiles {

    private final Path root;

    @Autowired
    public HostFiles(MinimanProperties properties) {
        this(properties.host().root());
    }

    public HostFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path resolve(String devicePath) {
        if (!devicePath.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute device path: " + devicePath);
        }
        Path resolved = root.resolve(devicePath.substring(1)).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("path escapes the host root: " + devicePath);
        }
        return resolved;
    }

    public boolean exists(String devicePath) {
        return Files.exists(resolve(devicePath));
    }

    public Optional<byte[]> read(String devicePath) {
        Path path = resolve(devicePath);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    public void writeAtomically(String devicePath, byte[] content, String posixPerms) {
        atomicWrite(resolve(devicePath), content, posixPerms);
    }

    public void delete(String devicePath) {
        try {
            Files.deleteIfExists(resolve(devicePath));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + devicePath + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes to a temp file beside the target, syncs it and renames it over the target, so a reader
     * (or a power cut) sees either the old file or the new one, never half of it.
     */
    public static void atomicWrite(Path target, byte[] content, String posixPerms) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(posixPerms)));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(content));
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is the one worth reporting
                }
            }
        }
    }
}
