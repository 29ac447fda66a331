package io.miniman.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class RenderOptionsTest {

    @Test
    void readsBothSpellingsOfEachOption() {
        RenderOptions options = RenderOptions.parse(new String[] {"--root=/", "--ssid", "a b", "--country=FR",
                "--ssh-from-uplink"}).orElseThrow();
        assertThat(options.root()).isEqualTo(Path.of("/"));
        assertThat(options.ssid()).hasValue("a b");
        assertThat(options.country()).hasValue("FR");
        assertThat(options.sshFromUplink()).isTrue();
        assertThat(options.seedsSettings()).isTrue();
        assertThat(options.firstSettings("x".repeat(12)).firewall().sshLanOnly()).isFalse();
    }

    @Test
    void refusesWhatItDoesNotKnowOrGetsTwice() {
        assertThat(RenderOptions.parse(new String[] {"--root", "/", "--ssid", "a", "--ssid", "b"})).isEmpty();
        assertThat(RenderOptions.parse(new String[] {"--root", "/", "--channel", "6"})).isEmpty();
        assertThat(RenderOptions.parse(new String[] {"--root", "/", "--ssid"})).isEmpty();
        assertThat(RenderOptions.parse(new String[] {"--root", "/", "--ssid", " "})).isEmpty();
        assertThat(RenderOptions.parse(new String[] {"--root", "/", "--ssh-from-uplink=no"})).isEmpty();
        assertThat(RenderOptions.parse(new String[] {"--ssid", "a"})).isEmpty();
        assertThat(RenderOptions.parse(new String[] {"--root", "/"}).orElseThrow().seedsSettings()).isFalse();
    }
}
