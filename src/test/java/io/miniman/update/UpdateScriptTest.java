package io.miniman.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.miniman.testsupport.Requires;

/**
 * provisioning/miniman-update on a folder root: the swap keeps the previous app folder and database,
 * the watchdog keeps a healthy version and restores the previous jar and database when /health has
 * not answered for 90 s. systemctl and java are stand-ins that log what they were asked; /health is a
 * file:// URL that exists or not. (The same flow on the simulated box is left to BoxSimulationIT.)
 */
class UpdateScriptTest {

    private static final Path SCRIPT = Path.of("provisioning/miniman-update").toAbsolutePath();

    @TempDir
    Path root;
    private Path prefix;

    @BeforeEach
    void box() throws IOException {
        Requires.program("curl");
        prefix = root.resolve("opt/miniman");
        write("app/miniman.jar", "OLD JAR");
        write("app/version", "0.1.0\n");
        write("data/miniman.db", "old database");
        write("app.jsa", "old archive");
        stage("NEW JAR", null);
        executable(root.resolve("systemctl"), "#!/bin/sh\necho \"$*\" >> " + root.resolve("systemctl.log") + "\n");
        // the jar's own classes run with -cp (StoredResources) are only noted
        fakeJava("echo \"$*\" >> " + root.resolve("java.log"));
        write("jvm.options", "-Xmx128m\n-XX:SharedArchiveFile=" + prefix.resolve("app.jsa") + "\n");
        // record-archive OPTIONS JAR ARCHIVE SCRATCH: notes the options it was given and an archive of the jar
        executable(root.resolve("record-archive"), "#!/bin/sh\ncp \"$1\" " + root.resolve("recorded-with")
                + " && { printf 'archive of '; cat \"$2\"; } > \"$3\"\n");
    }

    /**
     * A java that does what `java -Djarmode=tools -jar JAR extract --destination DIR` does, without a Boot jar,
     * and runs {@code onClassPath} for `java -cp ...`.
     */
    private void fakeJava(String onClassPath) throws IOException {
        executable(root.resolve("java"), "#!/bin/sh\nif [ \"$1\" = -cp ]; then " + onClassPath
                + "; else mkdir -p \"$6\" && cp \"$3\" \"$6/miniman.jar\"; fi\n");
    }

    private void write(String path, String text) throws IOException {
        Path file = prefix.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private String read(String path) throws IOException {
        return Files.readString(prefix.resolve(path));
    }

    private void stage(String jar, String claimedSum) throws IOException {
        write("data/updates/ready/miniman.jar", jar);
        String sum = claimedSum != null ? claimedSum : UpdateActions.sha256(prefix.resolve("data/updates/ready/miniman.jar"));
        write("data/updates/ready/miniman.jar.sha256", sum + "  miniman.jar\n");
        write("data/updates/ready/version", "0.2.0\n");
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private int run(String verb) throws Exception {
        return run(verb, Map.of());
    }

    private int run(String verb, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), verb).redirectErrorStream(true)
                .redirectOutput(root.resolve("script.log").toFile());
        builder.environment().put("MINIMAN_UPDATE_ROOT", root.toString());
        builder.environment().put("MINIMAN_UPDATE_SYSTEMCTL", root.resolve("systemctl").toString());
        builder.environment().put("MINIMAN_UPDATE_JAVA", root.resolve("java").toString());
        builder.environment().put("MINIMAN_UPDATE_RECORD_ARCHIVE", root.resolve("record-archive").toString());
        builder.environment().put("MINIMAN_UPDATE_HEALTH_URL", "file://" + root.resolve("health"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private List<String> systemctl() throws IOException {
        Path log = root.resolve("systemctl.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** The watchdog judges by the age written at the swap: make the swap look {@code seconds} old. */
    private void swappedAgo(long seconds) throws IOException {
        Path pending = prefix.resolve("update/pending");
        String[] fields = Files.readString(pending).split("\t", 2);
        Files.writeString(pending, (Long.parseLong(fields[0]) - seconds) + "\t" + fields[1]);
    }

    @Test
    void anUnhealthyVersionIsReplacedByThePreviousJarAndDatabaseAfter90Seconds() throws Exception {
        assertThat(run("apply")).as(Files.readString(root.resolve("script.log"))).isZero();
        assertThat(read("app/miniman.jar")).isEqualTo("NEW JAR");
        assertThat(read("app/version")).isEqualTo("0.2.0\n");
        assertThat(read("app.previous/miniman.jar")).isEqualTo("OLD JAR");
        assertThat(read("update/previous-db/miniman.db")).isEqualTo("old database");
        assertThat(read("app.jsa")).isEqualTo("archive of NEW JAR");
        assertThat(Files.readString(root.resolve("java.log"))).as("libraries rewritten before the archive is recorded")
                .endsWith(" io.miniman.update.StoredResources " + prefix.resolve("app.new/lib") + "\n");
        assertThat(Files.readString(root.resolve("recorded-with"))).as("recorded without the archive it replaces")
                .isEqualTo("-Xmx128m\n");
        assertThat(systemctl()).containsExactly("stop miniman.service", "start miniman.service",
                "start miniman-update-watchdog.timer");
        // the new version migrates the database, then never answers
        write("data/miniman.db", "migrated by 0.2.0");

        assertThat(run("watchdog")).isZero();
        assertThat(read("app/miniman.jar")).as("still within 90 s").isEqualTo("NEW JAR");

        swappedAgo(91);
        assertThat(run("watchdog")).isZero();
        assertThat(read("app/miniman.jar")).isEqualTo("OLD JAR");
        assertThat(read("data/miniman.db")).isEqualTo("old database");
        assertThat(read("app.jsa")).isEqualTo("old archive");
        assertThat(Files.exists(prefix.resolve("update/pending"))).isFalse();
        assertThat(read("data/update-result")).startsWith("rolled-back\tupdate to 0.2.0 rolled back to 0.1.0: ")
                .contains("did not answer within 90s");
        assertThat(systemctl()).endsWith("stop miniman.service", "start miniman.service",
                "stop miniman-update-watchdog.timer");
    }

    @Test
    void aReleaseThatCannotStoreItsResourcesIsStillInstalled() throws Exception {
        // a release from before StoredResources: java -cp finds no such class
        fakeJava("exit 1");

        assertThat(run("apply")).as(Files.readString(root.resolve("script.log"))).isZero();

        assertThat(read("app/miniman.jar")).isEqualTo("NEW JAR");
        assertThat(read("app.jsa")).isEqualTo("archive of NEW JAR");
        assertThat(Files.readString(root.resolve("script.log"))).contains("libraries kept as extracted");
    }

    @Test
    void aHealthyVersionIsKept() throws Exception {
        assertThat(run("apply")).isZero();
        Files.writeString(root.resolve("health"), "ok");
        assertThat(run("watchdog")).isZero();
        assertThat(read("app/miniman.jar")).isEqualTo("NEW JAR");
        assertThat(read("data/update-result")).startsWith("ok\tupdated from 0.1.0 to 0.2.0");
        assertThat(systemctl()).last().isEqualTo("stop miniman-update-watchdog.timer");
        // a later run (the timer fired once more) has nothing to do
        assertThat(run("watchdog")).isZero();
        assertThat(read("app/miniman.jar")).isEqualTo("NEW JAR");
    }

    @Test
    void anUpdateWhoseArchiveCannotBeRecordedStillStartsTheNewVersion() throws Exception {
        executable(root.resolve("record-archive"), "#!/bin/sh\necho 'the console did not start' >&2\nexit 1\n");
        assertThat(run("apply")).as(Files.readString(root.resolve("script.log"))).isZero();
        assertThat(read("app/miniman.jar")).isEqualTo("NEW JAR");
        assertThat(Files.exists(prefix.resolve("app.jsa"))).isFalse();
        assertThat(read("app.previous.jsa")).isEqualTo("old archive");
        assertThat(Files.readString(root.resolve("script.log"))).contains("no class-data archive for the new version");
        assertThat(systemctl()).containsExactly("stop miniman.service", "start miniman.service",
                "start miniman-update-watchdog.timer");
    }

    @Test
    void aJarThatIsNotTheCheckedOneIsRefusedAndNothingChanges() throws Exception {
        stage("NEW JAR, changed after the console checked it", "0".repeat(64));
        assertThat(run("apply")).isNotZero();
        assertThat(read("app/miniman.jar")).isEqualTo("OLD JAR");
        assertThat(systemctl()).isEmpty();
        assertThat(read("data/update-result")).startsWith("failed\t").contains("sha256");
        assertThat(Files.exists(prefix.resolve("update/miniman.jar.tmp"))).isFalse();
    }

    @Test
    void anInterruptedSwapIsHealedFirst() throws Exception {
        Files.move(prefix.resolve("app"), prefix.resolve("app.previous"));
        assertThat(run("watchdog")).isZero();
        assertThat(read("app/miniman.jar")).isEqualTo("OLD JAR");
        assertThat(new String(Files.readAllBytes(root.resolve("script.log")), StandardCharsets.UTF_8))
                .contains("interrupted swap");
    }

    @Test
    void theHealthWindowComesFromTheWatchdogsEnvironment() throws Exception {
        assertThat(run("apply")).isZero();
        swappedAgo(31);
        assertThat(run("watchdog")).isZero();
        assertThat(read("app/miniman.jar")).as("31 s into the default 90").isEqualTo("NEW JAR");

        assertThat(run("watchdog", Map.of("MINIMAN_UPDATE_HEALTH_WINDOW", "1; reboot"))).isNotZero();
        assertThat(read("app/miniman.jar")).isEqualTo("NEW JAR");
        assertThat(run("watchdog", Map.of("MINIMAN_UPDATE_HEALTH_WINDOW", "30"))).isZero();
        assertThat(read("app/miniman.jar")).isEqualTo("OLD JAR");
        assertThat(read("data/update-result")).contains("did not answer within 30s");
    }

    /** The staging folder is the console's: a link there must not make root copy a file of its choosing. */
    @Test
    void aStagedLinkIsRefusedAndNothingChanges() throws Exception {
        Path staged = prefix.resolve("data/updates/ready/miniman.jar");
        Files.delete(staged);
        Files.createSymbolicLink(staged, prefix.resolve("app/miniman.jar"));
        assertThat(run("apply")).isNotZero();
        assertThat(Files.readString(root.resolve("script.log"))).contains("miniman.jar is a symbolic link: refused");
        assertThat(read("app/miniman.jar")).isEqualTo("OLD JAR");
        assertThat(systemctl()).isEmpty();
        assertThat(Files.exists(prefix.resolve("update/miniman.jar"))).isFalse();
    }
}
