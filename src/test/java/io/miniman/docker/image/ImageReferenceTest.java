package io.miniman.docker.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reference parsing and the one operation target per image: no engine. */
class ImageReferenceTest {

    @Test
    void everySpellingOfAnImageIsOneTarget() {
        assertThat(ImageReference.parse("busybox").canonical()).isEqualTo("docker.io/library/busybox:latest");
        assertThat(ImageReference.parse("library/busybox:latest").canonical()).isEqualTo("docker.io/library/busybox:latest");
        assertThat(ImageReference.parse("docker.io/busybox").canonical()).isEqualTo("docker.io/library/busybox:latest");
        assertThat(ImageReference.parse("index.docker.io/library/busybox").canonical()).isEqualTo("docker.io/library/busybox:latest");
        assertThat(ImageReference.parse("someone/tool:2").canonical()).isEqualTo("docker.io/someone/tool:2");
        assertThat(ImageReference.parse("127.0.0.1:5000/tools").canonical()).isEqualTo("127.0.0.1:5000/tools:latest");
        assertThat(ImageReference.parse("localhost/x:1").canonical()).isEqualTo("localhost/x:1");

        assertThat(ImageActions.image("busybox")).extracting("kind", "id")
                .containsExactly(ImageActions.image("docker.io/library/busybox:latest").kind(),
                        ImageActions.image("docker.io/library/busybox:latest").id());
        assertThat(ImageActions.image("busybox").label()).isEqualTo("busybox");
    }

    @Test
    void aReferenceSplitsForThePullEndpoint() {
        assertThat(ImageReference.parse("127.0.0.1:5000/a/b:1")).isEqualTo(new ImageReference("127.0.0.1:5000/a/b", "1"));
        assertThat(ImageReference.parse("127.0.0.1:5000/a")).isEqualTo(new ImageReference("127.0.0.1:5000/a", "latest"));
        String digest = "busybox@sha256:" + "0".repeat(64);
        assertThat(ImageReference.parse(digest)).isEqualTo(new ImageReference(digest, null));
        assertThatThrownBy(() -> ImageReference.parse("Bad Ref")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Bad Ref' is not an image reference");
    }
}
