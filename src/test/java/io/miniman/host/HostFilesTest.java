package io.miniman.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFilesTest {

    @TempDir
    Path root;

    @Test
    void writesUnderTheRootAtomicallyWithTheGivenMode() throws Exception {
        HostFiles files = new HostFiles(root);
        files.writeAtomically("/etc/hostapd/hostapd.conf", "ssid=a\n".getBytes(StandardCharsets.UTF_8), "rw-r-----");
        Path written = root.resolve("etc/hostapd/hostapd.conf");
        assertThat(written).hasContent("ssid=a");
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        files.writeAtomically("/etc/hostapd/hostapd.conf", "ssid=b\n".getBytes(StandardCharsets.UTF_8), "rw-r-----");
        assertThat(files.read("/etc/hostapd/hostapd.conf")).hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("ssid=b\n"));
        try (var listing = Files.list(written.getParent())) {
            assertThat(listing).containsExactly(written);
        }
    }

    @Test
    void refusesPathsThatLeaveTheRoot() {
        HostFiles files = new HostFiles(root);
        assertThatThrownBy(() -> files.resolve("/etc/../../outside")).hasMessageContaining("escapes");
        assertThatThrownBy(() -> files.resolve("relative/path")).hasMessageContaining("absolute");
    }
}
