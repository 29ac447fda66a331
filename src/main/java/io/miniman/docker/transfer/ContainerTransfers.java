package io.miniman.docker.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.springframework.stereotype.Service;

import io.miniman.docker.DockerEngine;
import io.miniman.docker.image.ImageReference;

/** A container's file system out as a tar ({@code docker export}), or kept as a new image ({@code docker commit}). */
@Service
public class ContainerTransfers {

    private final DockerEngine engine;

    public ContainerTransfers(DockerEngine engine) {
        this.engine = engine;
    }

    long export(String container, OutputStream out, Transfer transfer) throws IOException {
        transfer.phase("exporting the file system of " + container, 0);
        try (InputStream in = engine.call(c -> c.exportContainerCmd(container).exec())) {
            long written = transfer.copy(in, out);
            transfer.note("exported " + Bytes.text(written));
            return written;
        }
    }

    /** @return the new image's id */
    String commit(String container, String reference, String message, boolean pause) {
        ImageReference ref = ImageReference.parse(reference);
        if (ref.tag() == null) {
            throw new IllegalArgumentException("'" + reference + "': a commit needs a tag, not a digest");
        }
        return engine.call(c -> c.commitCmd(container).withRepository(ref.repository()).withTag(ref.tag())
                .withMessage(message == null || message.isBlank() ? null : message).withPause(pause).exec());
    }

    /** The container's name, for file names and operation labels. */
    String name(String container) {
        return engine.call(c -> c.inspectContainerCmd(container).exec().getName()).replaceFirst("^/", "");
    }
}
