package io.miniman.docker.image;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;

/** Every change to images as an operation; pull and build report live to the view and to the operation's details. */
@Service
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
public class ImageActions {

    private final ImageService images;
    private final OperationService operations;

    public ImageActions(ImageService images, OperationService operations) {
        this.images = images;
        this.operations = operations;
    }

    /**
     * The view gets every progress message (bytes included); the operation log gets a line only when a
     * layer's status changes, so a long download does not flood it.
     */
    public OperationHandle pull(String reference, RegistryAuth auth, Consumer<PullProgress> progress) {
        return operations.submit(OperationType.DOCKER, "Pull image", image(reference), ctx -> {
            if (auth != null && auth.password() != null && !auth.password().isEmpty()) {
                ctx.secret(auth.password());
            }
            Map<String, String> lastStatus = new HashMap<>();
            images.pull(reference, auth, p -> {
                if (!p.status().equals(lastStatus.put(p.layer(), p.status()))) {
                    ctx.progress(p.layer() + ": " + p.status());
                }
                progress.accept(p);
            });
            return "pulled " + reference;
        });
    }

    /** Builds from a context staged by {@link ImageService#prepare}; the operation deletes it when done. */
    public OperationHandle build(PreparedContext context, String tag, Map<String, String> buildArgs, Consumer<String> log) {
        ImageService.Reference.parse(tag);
        return operations.submit(OperationType.DOCKER, "Build image", image(tag), ctx -> {
            try (context) {
                ctx.progress("context: " + context.description());
                String id = images.build(context, tag, buildArgs, line -> {
                    ctx.progress(line);
                    log.accept(line);
                });
                return "built " + tag + " (" + id + ")";
            }
        });
    }

    public OperationHandle tag(String image, String newReference) {
        return operations.submit(OperationType.DOCKER, "Tag image", image(newReference), ctx -> {
            images.tag(image, newReference);
            return "tagged " + image + " as " + newReference;
        });
    }

    public OperationHandle remove(String image, String label, boolean force) {
        return operations.submit(OperationType.DOCKER, "Remove image",
                OperationTarget.of(OperationTarget.Kind.IMAGE, image, label), ctx -> {
            images.remove(image, force);
            return "removed " + label;
        });
    }

    public OperationHandle prune(boolean unusedToo) {
        return operations.submit(OperationType.DOCKER, unusedToo ? "Prune unused images" : "Prune dangling images",
                OperationTarget.of(OperationTarget.Kind.IMAGE, "*", "unused images"),
                ctx -> images.prune(unusedToo, null).toString());
    }

    private static OperationTarget image(String reference) {
        return OperationTarget.of(OperationTarget.Kind.IMAGE, reference);
    }
}
