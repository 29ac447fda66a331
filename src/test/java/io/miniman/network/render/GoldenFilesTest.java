package io.miniman.network.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jakarta.validation.Validation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sample's files against src/test/resources/network/golden/SAMPLE/FILE. After a deliberate change
 * to a renderer, regenerate with {@code -Dminiman.golden.update=true} and review the diff.
 */
class GoldenFilesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/network/golden");

    static Stream<Arguments> cases() {
        return SampleSettings.ALL.keySet().stream().sorted().flatMap(sample -> Stream.of(ManagedFile.values())
                .map(file -> Arguments.of(sample, file)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void renderedFileMatchesGolden(String sample, ManagedFile file) throws IOException {
        var settings = SampleSettings.ALL.get(sample);
        assertThat(Validation.buildDefaultValidatorFactory().getValidator().validate(settings)).isEmpty();
        String rendered = NetworkFiles.render(file, settings);
        Path golden = GOLDEN.resolve(sample).resolve(file.fileName());
        if (Boolean.getBoolean("miniman.golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertThat(rendered).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
