package io.miniman.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredResourcesTest {

    @TempDir
    Path lib;

    @Test
    void resourcesAreStoredClassesStayDeflatedAndEveryEntryReadsTheSame() throws IOException {
        byte[] properties = "greeting=hello\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        byte[] clazz = new byte[5000];
        Path jar = lib.resolve("a.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("META-INF/spring/a.properties"));
            out.write(properties);
            out.putNextEntry(new JarEntry("io/example/A.class"));
            out.write(clazz);
            out.putNextEntry(new JarEntry("io/example/"));
        }
        Files.writeString(lib.resolve("notes.txt"), "not a jar");

        assertThat(StoredResources.run(new String[] {lib.toString()})).isZero();

        try (JarFile rewritten = new JarFile(jar.toFile())) {
            assertThat(rewritten.getManifest().getMainAttributes().getValue(Attributes.Name.MANIFEST_VERSION)).isEqualTo("1.0");
            JarEntry resource = rewritten.getJarEntry("META-INF/spring/a.properties");
            assertThat(resource.getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(rewritten.getInputStream(resource).readAllBytes()).isEqualTo(properties);
            JarEntry compiled = rewritten.getJarEntry("io/example/A.class");
            assertThat(compiled.getMethod()).isEqualTo(ZipEntry.DEFLATED);
            assertThat(rewritten.getInputStream(compiled).readAllBytes()).isEqualTo(clazz);
            assertThat(rewritten.getJarEntry("io/example/").isDirectory()).isTrue();
        }
        assertThat(Files.readString(lib.resolve("notes.txt"))).isEqualTo("not a jar");
        try (var left = Files.list(lib)) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("a.jar", "notes.txt");
        }
    }

    @Test
    void theScriptsRunItByItsName() throws IOException {
        for (String script : new String[] {"provisioning/install.sh", "provisioning/miniman-update", "src/test/bench/footprint.sh"}) {
            assertThat(Files.readString(Path.of(script))).as(script).contains(" " + StoredResources.class.getName() + " ");
        }
    }

    @Test
    void aBrokenJarFailsTheRunAndIsLeftAsItWas() throws IOException {
        Path jar = lib.resolve("broken.jar");
        Files.writeString(jar, "not a zip");

        assertThat(StoredResources.run(new String[] {lib.toString()})).isEqualTo(1);

        assertThat(Files.readString(jar)).isEqualTo("not a zip");
        try (var left = Files.list(lib)) {
            assertThat(left).hasSize(1);
        }
        assertThat(StoredResources.run(new String[0])).isEqualTo(2);
    }
}
