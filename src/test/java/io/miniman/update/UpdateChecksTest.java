package io.miniman.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.ToolProvider;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.miniman.config.MinimanProperties;
import io.miniman.docker.transfer.Spooled;
import io.miniman.host.CommandRunner;
import io.miniman.host.PrivilegedHelper;
import io.miniman.operation.OperationContext;

/**
 * The checks an uploaded release passes before the swap: checksum, version, and the two dry runs,
 * with small jars made here that answer {@code --version} and {@code check} as a console build
 * would, or refuse. And the real {@code check} verb against a database this build migrated.
 */
class UpdateChecksTest {

    @TempDir
    static Path work;
    private static Path database;
    private static UpdateActions actions;
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final OperationContext context = new OperationContext() {
        @Override
        public long id() {
            return 1;
        }

        @Override
        public void progress(String line) {
            steps.add(line);
        }

        @Override
        public void secret(String value) {
        }
    };

    @BeforeAll
    static void box() {
        database = work.resolve("data/miniman.db");
        database.getParent().toFile().mkdirs();
        String url = "jdbc:sqlite:" + database;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        MinimanProperties properties = new MinimanProperties(work.resolve("data"), 0, java.time.Duration.ofMinutes(1), null, 10,
                new MinimanProperties.Host(work.resolve("host"), Path.of("/proc")));
        CommandRunner runner = new CommandRunner();
        actions = new UpdateActions(properties, new JdbcTemplate(new DriverManagerDataSource(url)), runner,
                new PrivilegedHelper(runner, work.resolve("no-helper")), null);
    }

    /** A jar that says it is miniman {@code version} and answers {@code check} with {@code checkExit}. */
    static Path release(String version, int checkExit) throws IOException {
        Path src = Files.createDirectories(work.resolve("src-" + version + "-" + checkExit));
        Files.writeString(src.resolve("Main.java"), """
                public class Main {
                    public static void main(String[] args) {
                        if (args[0].equals("--version")) { System.out.println("miniman %s"); return; }
                        if (args[0].equals("check")) { System.out.println("check said %d"); System.exit(%d); }
                    }
                }
                """.formatted(version, checkExit, checkExit));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(),
                src.resolve("Main.java").toString())).isZero();
        Path jar = work.resolve("miniman-" + version + "-" + checkExit + ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Main");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("Main.class"));
            Files.copy(src.resolve("Main.class"), out);
            out.putNextEntry(new JarEntry(ReleaseVersion.BUILD_INFO));
            out.write(("build.version=" + version + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private ReleaseVersion verify(Path jar, String sum, boolean anyVersion) throws IOException {
        return actions.verify(new Spooled(jar, jar.getFileName().toString(), Files.size(jar)), sum, anyVersion, context);
    }

    @Test
    void aNewerReleaseThatStartsAndAcceptsTheDatabasePasses() throws IOException {
        Path jar = release("99.0.0", 0);
        assertThat(verify(jar, UpdateActions.sha256(jar), false)).isEqualTo(new ReleaseVersion("99.0.0"));
        assertThat(steps).hasSize(4).first().asString().startsWith("1/5 checksum");
        assertThat(Files.exists(work.resolve("data/updates/check.db"))).isFalse();
    }

    @Test
    void aWrongChecksumIsRefused() throws IOException {
        Path jar = release("99.0.0", 0);
        assertThatThrownBy(() -> verify(jar, "ab".repeat(32), false)).hasMessageContaining("the checksum does not match");
    }

    @Test
    void anOlderVersionNeedsTheExplicitChoice() throws IOException {
        Path jar = release("0.0.1", 0);
        assertThatThrownBy(() -> verify(jar, UpdateActions.sha256(jar), false))
                .hasMessageContaining("0.0.1 is not newer than the running").hasMessageContaining("choose it explicitly");
        assertThat(verify(jar, UpdateActions.sha256(jar), true)).isEqualTo(new ReleaseVersion("0.0.1"));
    }

    @Test
    void aJarThatFailsItsCheckIsRefused() throws IOException {
        Path jar = release("99.0.1", 1);
        assertThatThrownBy(() -> verify(jar, UpdateActions.sha256(jar), false))
                .hasMessageContaining("refuses this box's database").hasMessageContaining("check said 1");
        Path notAJar = Files.writeString(work.resolve("miniman-1.jar"), "not a jar");
        assertThatThrownBy(() -> verify(notAJar, UpdateActions.sha256(notAJar), false)).hasMessageContaining("not a readable jar");
    }

    @Test
    void theCheckVerbAcceptsThisBuildsDatabaseAndRefusesOneFromTheFuture() throws IOException {
        assertThat(OfflineVerbs.check(database)).isNull();
        Path future = work.resolve("future.db");
        Files.copy(database, future);
        new JdbcTemplate(new DriverManagerDataSource("jdbc:sqlite:" + future)).update(
                "insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                        + " installed_by, execution_time, success) values (999, '999', 'later', 'SQL', 'V999__later.sql', 1, 'x', 1, 1)");
        long before = Files.size(future);
        assertThat(OfflineVerbs.check(future)).contains("999");
        assertThat(Files.size(future)).isEqualTo(before);
        assertThat(OfflineVerbs.check(work.resolve("none.db"))).startsWith("no database");
    }

    @Test
    void versionsOrderAsPeopleExpect() {
        assertThat(List.of("0.10.0", "0.2.0", "0.2.0-SNAPSHOT", "1.0", "0.2.1").stream().map(ReleaseVersion::new).sorted()
                .map(ReleaseVersion::text)).containsExactly("0.2.0-SNAPSHOT", "0.2.0", "0.2.1", "0.10.0", "1.0");
        assertThatThrownBy(() -> new ReleaseVersion("1.0; rm -rf /")).isInstanceOf(IllegalArgumentException.class);
    }

}
