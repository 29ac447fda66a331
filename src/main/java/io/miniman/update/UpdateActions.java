package io.miniman.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.miniman.config.MinimanProperties;
import io.miniman.docker.transfer.Spooled;
import io.miniman.docker.transfer.Transfer;
import io.miniman.docker.transfer.TransferFolder;
import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;
import io.miniman.host.PrivilegedHelper;
import io.miniman.operation.OperationContext;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;

/**
 * The console updates itself from an uploaded release: {@code miniman-VERSION.jar} and its
 * {@code .sha256}. The operation checks the checksum, that the version is newer (or chosen
 * explicitly), that the jar starts ({@code --version}) and accepts a copy of the database
 * ({@code check}), then stages it for the root helper, which swaps the app folder in a unit of its
 * own with a watchdog that restores the previous version (jar and database) if the new one is not
 * healthy within 90 s. What the watchdog decided is recorded by {@link UpdateOutcome} at the next start.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class UpdateActions {

    static final long JAR_LIMIT = 512L * 1024 * 1024;
    private static final Duration DRY_RUN_TIMEOUT = Duration.ofMinutes(2);
    private static final String SQLITE_TMPDIR = "org.sqlite.tmpdir";
    static final OperationTarget CONSOLE = OperationTarget.of(OperationTarget.Kind.SETTINGS, "console-version", "console");

    private final Path dir;
    private final TransferFolder incoming;
    private final Path database;
    private final JdbcTemplate jdbc;
    private final CommandRunner runner;
    private final PrivilegedHelper helper;
    private final OperationService operations;
    private volatile Spooled jar;
    private volatile ReleaseVersion jarVersion;
    private volatile String checksum;

    public UpdateActions(MinimanProperties properties, JdbcTemplate jdbc, CommandRunner runner, PrivilegedHelper helper,
            OperationService operations) {
        this.dir = properties.dataDir().resolve("updates");
        this.incoming = new TransferFolder(dir);
        this.database = properties.databaseFile();
        this.jdbc = jdbc;
        this.runner = runner;
        this.helper = helper;
        this.operations = operations;
    }

    /** What was uploaded so far; the version is what the jar's build-info says, checked again by {@link #update}. */
    public record Staged(Optional<String> jarName, Optional<ReleaseVersion> version, Optional<String> checksum) {
    }

    public Staged staged() {
        Spooled current = jar;
        return new Staged(Optional.ofNullable(current).map(Spooled::fileName), Optional.ofNullable(jarVersion),
                Optional.ofNullable(checksum));
    }

    /** Takes one uploaded file: the jar, or its {@code .sha256} ("HEX" or "HEX  NAME"). */
    public synchronized void receive(String fileName, long declaredSize, InputStream in) {
        if (fileName.endsWith(".sha256")) {
            try {
                String text = new String(in.readNBytes(1024), StandardCharsets.US_ASCII).trim();
                String hex = text.split("\\s+")[0].toLowerCase();
                if (!hex.matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException("'" + fileName + "' holds no sha256 checksum");
                }
                checksum = hex;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (fileName.endsWith(".jar")) {
            Spooled received = incoming.receive(fileName, declaredSize, JAR_LIMIT, in, Transfer.detached());
            ReleaseVersion version;
            try {
                version = ReleaseVersion.ofJar(received.file());
            } catch (IllegalArgumentException notAConsole) {
                received.close();
                throw notAConsole;
            }
            Spooled previous = jar;
            jar = received;
            jarVersion = version;
            if (previous != null) {
                previous.close();
            }
        } else {
            throw new IllegalArgumentException("'" + fileName + "': upload miniman-VERSION.jar and miniman-VERSION.jar.sha256");
        }
    }

    /** Forgets the uploaded files. */
    public synchronized void discard() {
        if (jar != null) {
            jar.close();
        }
        jar = null;
        jarVersion = null;
        checksum = null;
    }

    /**
     * Checks and hands over the staged release. {@code anyVersion}: install it even when it is not newer
     * than the running one (a rollback by hand, or the same version rebuilt).
     */
    public synchronized OperationHandle update(boolean anyVersion) {
        Spooled release = jar;
        String expected = checksum;
        if (release == null || expected == null) {
            throw new IllegalArgumentException("Upload both the jar and its .sha256 first");
        }
        jar = null;
        jarVersion = null;
        checksum = null;
        return operations.submit(OperationType.SYSTEM, "Update console", CONSOLE, ctx -> {
            try (release) {
                ReleaseVersion version = verify(release, expected, anyVersion, ctx);
                stage(release, expected, version);
                ctx.progress("5/5 handing over to the root helper: it stops the console, keeps the current version"
                        + " and a copy of the database, swaps, restarts and watches /health for 90 s");
                PrivilegedHelper.Outcome outcome = helper.verb("update");
                if (outcome instanceof PrivilegedHelper.Outcome.Skipped skipped) {
                    throw new IllegalStateException("checked, but not installed: " + skipped.reason());
                }
                if (outcome instanceof PrivilegedHelper.Outcome.Failed failed) {
                    throw new IllegalStateException(failed.message());
                }
                return "update to " + version + " handed over; the console restarts now";
            } catch (Exception e) {
                deleteQuietly(dir.resolve("ready"));
                throw e;
            }
        });
    }

    /** Every check but the swap; each step is a line in the operation's log. */
    ReleaseVersion verify(Spooled release, String expected, boolean anyVersion, OperationContext ctx) throws IOException {
        ctx.progress("1/5 checksum of " + release.fileName());
        String actual = sha256(release.file());
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException("the checksum does not match: the jar's sha256 is " + actual
                    + ", the .sha256 file says " + expected);
        }
        ReleaseVersion version = ReleaseVersion.ofJar(release.file());
        ReleaseVersion running = ReleaseVersion.current();
        ctx.progress("2/5 version " + version + " (running: " + running + ")");
        if (version.compareTo(running) <= 0 && !anyVersion) {
            throw new IllegalArgumentException(version + " is not newer than the running " + running
                    + "; choose it explicitly to install it anyway");
        }
        ctx.progress("3/5 dry run: java -jar " + release.fileName() + " --version");
        CommandResult printed = runner.run(dryRun(release.file(), "--version"), DRY_RUN_TIMEOUT);
        if (!printed.ok() || !printed.stdout().trim().equals("miniman " + version)) {
            throw new IllegalArgumentException("the jar does not start: --version gave " + printed.failureText());
        }
        ctx.progress("4/5 dry run: check against a copy of the database");
        Path copy = dir.resolve("check.db");
        try {
            Files.deleteIfExists(copy);
            // a consistent copy while the console writes on: SQLite's own, not a file copy of a WAL database
            jdbc.execute("VACUUM INTO '" + copy.toAbsolutePath().toString().replace("'", "''") + "'");
            CommandResult checked = runner.run(dryRun(release.file(), "check", "--db", copy.toString()), DRY_RUN_TIMEOUT);
            if (!checked.ok()) {
                throw new IllegalArgumentException("the jar refuses this box's database: " + checked.failureText());
            }
        } finally {
            Files.deleteIfExists(copy);
        }
        return version;
    }

    /** data/updates/ready/{miniman.jar, miniman.jar.sha256, version}, made whole in a scratch folder and renamed. */
    private void stage(Spooled release, String expected, ReleaseVersion version) throws IOException {
        Path scratch = dir.resolve("ready.new");
        deleteQuietly(scratch);
        Files.createDirectories(scratch);
        Files.move(release.file(), scratch.resolve("miniman.jar"));
        Files.writeString(scratch.resolve("miniman.jar.sha256"), expected + "  miniman.jar\n");
        Files.writeString(scratch.resolve("version"), version + "\n");
        deleteQuietly(dir.resolve("ready"));
        Files.move(scratch, dir.resolve("ready"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The file's SHA-256 in lower-case hex, as {@code sha256sum} prints it. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The new jar on the java that runs this console (it must start on the same runtime), with the place
     * sqlite-jdbc unpacks its native library into: on a box /tmp is noexec, and the unit points it elsewhere.
     */
    private static List<String> dryRun(Path jar, String... args) {
        List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        String nativeDir = System.getProperty(SQLITE_TMPDIR);
        if (nativeDir != null) {
            argv.add("-D" + SQLITE_TMPDIR + "=" + nativeDir);
        }
        argv.addAll(List.of("-jar", jar.toString()));
        argv.addAll(List.of(args));
        return argv;
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // left for the next update, which clears it first
        }
    }
}
