package io.miniman.system.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * journalctl -o json as systemd 252 wrote it on the simulated box for a unit that printed a Latin-1 byte,
 * a plain line, a colour escape and a tab (src/test/resources/system/journal-bytes.json).
 */
class JournalJsonTest {

    private static List<JournalLine> recorded() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/system/journal-bytes.json")).stream()
                .map(JournalJson::parse).toList();
    }

    @Test
    void entriesWithTheirTimeSourceAndPriority() throws IOException {
        List<JournalLine> lines = recorded();
        assertThat(lines).hasSize(7);
        JournalLine plain = lines.get(3);
        assertThat(plain.message()).isEqualTo("plain line");
        assertThat(plain.source()).isEqualTo("sh");
        assertThat(plain.pid()).isEqualTo(762);
        assertThat(plain.priority()).isEqualTo(6);
        assertThat(plain.time()).isEqualTo(Instant.ofEpochSecond(1795957809, 215327000));
        assertThat(plain.problem()).isFalse();
        assertThat(lines.get(1).priority()).isEqualTo(4);
        assertThat(lines.get(1).problem()).isTrue();
        assertThat(lines.get(6).message()).isEqualTo("mm-bytes.service: Deactivated successfully.");
    }

    @Test
    void aMessageSentAsBytesIsDecoded() throws IOException {
        List<JournalLine> lines = recorded();
        assertThat(lines.get(2).message()).as("a Latin-1 é is no UTF-8: replaced, the rest kept").isEqualTo("caf\uFFFD latin1");
        assertThat(lines.get(4).message()).as("the colour escapes go").isEqualTo("colour red");
        assertThat(lines.get(5).message()).isEqualTo("tab\there");
    }

    @Test
    void utf8BytesRepeatedFieldsAndOversizedMessages() {
        // "grüß" as bytes: valid UTF-8 that journalctl still sends as an array when a control byte is near
        JournalLine bytes = JournalJson.parse("{\"MESSAGE\":[103,114,195,188,195,159,7],\"PRIORITY\":\"3\",\"_COMM\":\"dnsmasq\"}");
        assertThat(bytes.message()).isEqualTo("grüß");
        assertThat(bytes.source()).as("no SYSLOG_IDENTIFIER: the command").isEqualTo("dnsmasq");
        assertThat(bytes.time()).isNull();
        assertThat(JournalJson.parse("{\"MESSAGE\":[\"one\",\"two\"]}").message()).isEqualTo("one two");
        assertThat(JournalJson.parse("{\"MESSAGE\":null,\"__REALTIME_TIMESTAMP\":\"1\"}").message())
                .isEqualTo(JournalJson.TOO_LONG);
    }

    @Test
    void aLineThatIsNoEntryIsShownAsItCame() {
        JournalLine refusal = JournalJson.parse("miniman-helper: not an allowlisted unit: ssh");
        assertThat(refusal.message()).isEqualTo("miniman-helper: not an allowlisted unit: ssh");
        assertThat(refusal.time()).isNull();
        assertThat(JournalJson.parse("{\"MESSAGE\":\"cut off").message()).isEqualTo("{\"MESSAGE\":\"cut off");
    }
}
