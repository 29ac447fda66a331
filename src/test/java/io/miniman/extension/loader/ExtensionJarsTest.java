package io.miniman.extension.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.miniman.extension.ExtensionApi;

class ExtensionJarsTest {

    @TempDir
    Path folder;

    @Test
    void aJarWithAGoodDescriptorIsFound() throws IOException {
        jar("hello.jar", "name=hello\nversion=1.2\npackage=org.example.hello\napi-version=" + ExtensionApi.VERSION);

        ExtensionJars.Scan scan = ExtensionJars.scan(folder, Clock.systemUTC());

        assertThat(scan.problems()).isEmpty();
        assertThat(scan.jars()).singleElement().satisfies(found -> {
            assertThat(found.jar()).isEqualTo(folder.resolve("hello.jar"));
            assertThat(found.descriptor()).isEqualTo(new ExtensionDescriptor("hello", "1.2", "org.example.hello",
                    ExtensionApi.VERSION, "hello.jar"));
        });
    }

    @Test
    void aFileThatIsNotAJarIsSkippedWithTheReason() throws IOException {
        Files.writeString(folder.resolve("notes.jar"), "these are not the classes you are looking for");

        ExtensionJars.Scan scan = ExtensionJars.scan(folder, Clock.systemUTC());

        assertThat(scan.jars()).isEmpty();
        assertThat(scan.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("notes.jar");
            assertThat(p.reason()).startsWith("it is not a readable jar");
        });
    }

    @Test
    void aJarBuiltForAnotherApiVersionIsRefusedNamingBothVersions() throws IOException {
        jar("future.jar", "name=future\npackage=org.example.future\napi-version=" + (ExtensionApi.VERSION + 1));

        ExtensionJars.Scan scan = ExtensionJars.scan(folder, Clock.systemUTC());

        assertThat(scan.jars()).isEmpty();
        assertThat(scan.problems()).singleElement().extracting(ExtensionProblem::reason).isEqualTo(
                "it was built for extension API " + (ExtensionApi.VERSION + 1) + "; this console provides API "
                        + ExtensionApi.VERSION);
    }

    @Test
    void aJarWithoutDescriptorOrWithTheConsolesOwnPackageIsRefused() throws IOException {
        jar("plain.jar", null);
        jar("intruder.jar", "name=intruder\npackage=io.miniman.security\napi-version=" + ExtensionApi.VERSION);

        ExtensionJars.Scan scan = ExtensionJars.scan(folder, Clock.systemUTC());

        assertThat(scan.jars()).isEmpty();
        assertThat(scan.problems()).extracting(ExtensionProblem::source, ExtensionProblem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("intruder.jar",
                        "its descriptor needs package=<its own Java package, outside io.miniman>, not 'io.miniman.security'"),
                org.assertj.core.groups.Tuple.tuple("plain.jar",
                        "it has no " + ExtensionApi.DESCRIPTOR + ": not a console extension"));
    }

    @Test
    void aMissingFolderMeansNoExtensions() {
        ExtensionJars.Scan scan = ExtensionJars.scan(folder.resolve("absent"), Clock.systemUTC());

        assertThat(scan.jars()).isEmpty();
        assertThat(scan.problems()).isEmpty();
    }

    private void jar(String name, String descriptor) throws IOException {
        try (OutputStream file = Files.newOutputStream(folder.resolve(name));
                JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("org/example/Readme.txt"));
            jar.write("x".getBytes(StandardCharsets.UTF_8));
            if (descriptor != null) {
                jar.putNextEntry(new JarEntry(ExtensionApi.DESCRIPTOR));
                jar.write(descriptor.getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
