package io.miniman.network.render;

import java.nio.charset.StandardCharsets;

public record RenderedFile(ManagedFile file, String content) {

    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
