package io.miniman.system.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.miniman.MinimanApplication;
import io.miniman.backup.BackupPart;
import io.miniman.config.MinimanProperties;
import io.miniman.system.backup.BackupWriter.VersionedEntries;
import org.springframework.stereotype.Service;

/**
 * Makes backup archives from every {@link BackupPart} bean, keeps them in {@code miniman.backup.dir}
 * (mode 0600: they hold the WiFi passphrase, stacks' .env files and password hashes) and lists them.
 * Changes go through {@link BackupActions}; this class only reads, writes archives and prunes.
 */
@Service
public class BackupService {

    public static final String SCHEDULED = "scheduled";
    public static final String MANUAL = "manual";
    public static final String PRE_RESTORE = "pre-restore";
    /** Automatic backups taken before a restore that are kept; older ones go. */
    static final int PRE_RESTORE_KEPT = 5;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern STORED = Pattern.compile(
            "miniman-(scheduled|manual|pre-restore)-(\\d{8}-\\d{6})(-\\d{1,3})?\\.tar\\.gz");

    private final List<BackupPart> parts;
    private final BackupProperties properties;
    private final MinimanProperties console;
    private final Clock clock;

    BackupService(List<BackupPart> parts, BackupProperties properties, MinimanProperties console, Clock clock) {
        this.parts = parts.stream().sorted(Comparator.comparingInt(BackupPart::restoreOrder)).toList();
        this.properties = properties;
        this.console = console;
        this.clock = clock;
    }

    public List<BackupPart> parts() {
        return parts;
    }

    public BackupProperties limits() {
        return properties;
    }

    BackupReader reader() {
        return new BackupReader(properties.archiveLimit(), properties.unpackedLimit(), parts);
    }

    Path dir() {
        return properties.dir().toAbsolutePath().normalize();
    }

    /** Writes a backup of the current state; {@code withUsers} false leaves the optional parts out. */
    BackupManifest write(OutputStream out, boolean withUsers) throws IOException {
        Map<String, VersionedEntries> content = new LinkedHashMap<>();
        for (BackupPart part : parts) {
            if (withUsers || !part.optional()) {
                content.put(part.name(), new VersionedEntries(part.version(), part.export()));
            }
        }
        return BackupWriter.write(out, consoleVersion(), hostName(), clock.instant(), content);
    }

    /** A new archive in the backup folder, written beside its final name and renamed, so a half one never lists. */
    StoredBackup store(String kind, boolean withUsers) {
        Path dir = dir();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".writing-", ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    write(out, withUsers);
                }
                Path target = freeName(dir, kind);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                return describe(target).orElseThrow();
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a backup to " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path freeName(Path dir, String kind) {
        String stem = "miniman-" + kind + "-" + LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(STAMP);
        Path target = dir.resolve(stem + ".tar.gz");
        for (int i = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS); i++) {
            target = dir.resolve(stem + "-" + i + ".tar.gz");
        }
        return target;
    }

    /** The archives kept on the box, newest first. */
    public List<StoredBackup> list() {
        Path dir = dir();
        List<StoredBackup> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "miniman-*.tar.gz")) {
            for (Path file : files) {
                describe(file).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(StoredBackup::createdAt).thenComparing(StoredBackup::name).reversed());
        return out;
    }

    /** A kept archive's file; refuses any name that is not one of them. */
    Path file(String name) {
        if (name == null || !STORED.matcher(name).matches()) {
            throw new IllegalArgumentException("No backup named '" + name + "'");
        }
        Path file = dir().resolve(name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("No backup named '" + name + "'");
        }
        return file;
    }

    public InputStream open(String name) throws IOException {
        return Files.newInputStream(file(name));
    }

    /** Deletes a kept archive; refuses any name that is not one of them. */
    void delete(String name) {
        try {
            Files.delete(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + name + ": " + e.getMessage(), e);
        }
    }

    /** The daily backup is due when none of the schedule's archives is younger than a day. */
    boolean due(BackupSchedule schedule, Instant now) {
        return schedule.enabled() && list().stream().filter(b -> b.kind().equals(SCHEDULED)).findFirst()
                .map(newest -> !newest.createdAt().isAfter(now.minus(Duration.ofDays(1)).plusSeconds(60)))
                .orElse(true);
    }

    /** A new archive of this kind, then the oldest of its kind beyond {@code keep} deleted; says what happened. */
    String storeAndPrune(String kind, boolean withUsers, int keep) {
        StoredBackup made = store(kind, withUsers);
        int pruned = prune(kind, keep);
        return made.name() + " (" + made.size() + " bytes)" + (pruned > 0 ? "; " + pruned + " older removed" : "");
    }

    /** Deletes the oldest archives of this kind beyond {@code keep}; returns how many went. */
    int prune(String kind, int keep) {
        List<StoredBackup> ofKind = list().stream().filter(b -> b.kind().equals(kind)).toList();
        int deleted = 0;
        for (StoredBackup old : ofKind.subList(Math.min(keep, ofKind.size()), ofKind.size())) {
            try {
                Files.deleteIfExists(file(old.name()));
                deleted++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + old.name() + ": " + e.getMessage(), e);
            }
        }
        return deleted;
    }

    String downloadName() {
        return "miniman-" + hostName().replaceAll("[^A-Za-z0-9.-]", "_") + "-"
                + LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(STAMP) + ".tar.gz";
    }

    private Optional<StoredBackup> describe(Path file) {
        Matcher m = STORED.matcher(file.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Instant created = LocalDateTime.parse(m.group(2), STAMP).toInstant(ZoneOffset.UTC);
            return Optional.of(new StoredBackup(file.getFileName().toString(), Files.size(file), created, m.group(1)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    String hostName() {
        try {
            return Files.readString(console.host().proc().resolve("sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String consoleVersion() {
        String version = MinimanApplication.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
