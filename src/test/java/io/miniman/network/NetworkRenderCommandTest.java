package io.miniman.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.miniman.host.HostFiles;
import io.miniman.network.render.ManagedFile;
import io.miniman.network.render.NetworkFiles;
import io.miniman.network.render.RenderedFile;
import io.miniman.network.store.NetworkSettingsStore;
import io.miniman.testsupport.MinimanSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@MinimanSpringTest
class NetworkRenderCommandTest {

    @Autowired
    NetworkSettingsStore store;
    @Autowired
    HostFiles hostFiles;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private NetworkRenderCommand command() {
        return new NetworkRenderCommand(store, hostFiles, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesEveryFileAtItsDevicePathUnderTheRoot() throws Exception {
        assertThat(command().run(new String[] {"--root", dir.toString()})).isZero();

        for (RenderedFile file : NetworkFiles.render(store.current())) {
            Path written = dir.resolve(file.file().devicePath().substring(1));
            assertThat(Files.readAllBytes(written)).isEqualTo(file.bytes());
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("wrote " + written);
        }
        assertThat(dir.resolve("etc/hostapd/hostapd.conf")).exists();
        assertThat(dir.resolve("etc/dnsmasq.d/miniman.conf")).exists();
        assertThat(dir.resolve("etc/iptables/rules.v4")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve(ManagedFile.HOSTAPD.devicePath().substring(1))))).isEqualTo("rw-------");
    }

    @Test
    void renderingAtTheConsolesOwnRootIsRememberedForDriftDetection() {
        assertThat(command().run(new String[] {"--root=" + hostFiles.root()})).isZero();
        assertThat(store.lastWritten(ManagedFile.DNSMASQ.devicePath()))
                .hasValue(NetworkFiles.render(ManagedFile.DNSMASQ, store.current()));
    }

    @Test
    void refusesMissingRoot() {
        assertThat(command().run(new String[0])).isEqualTo(2);
        assertThat(command().run(new String[] {"--root"})).isEqualTo(2);
        assertThat(command().run(new String[] {"--rot", dir.toString()})).isEqualTo(2);
    }
}
