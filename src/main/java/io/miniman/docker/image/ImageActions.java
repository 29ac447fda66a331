package io.miniman.docker.image;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.miniman.Subscription;
import io.miniman.docker.ProgressFeeds;
import io.miniman.docker.validation.SpecValidator;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;

/**
 * Every change to images as an operation. Pull and build publish their progress to a feed of their
 * own ({@link #followPull}, {@link #followBuild}) and to the operation's details; they never call a view.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
public class ImageActions {

    private final ImageService images;
    private final OperationService operations;
    private final SpecValidator validator;
    private final ProgressFeeds<PullProgress> pulls = new ProgressFeeds<>("image pull progress");
    private final ProgressFeeds<String> builds = new ProgressFeeds<>("image build log");

    public ImageActions(ImageService images, OperationService operations, SpecValidator validator) {
        this.images = images;
        this.operations = operations;
        this.validator = validator;
    }

    /** The operation log gets a line only when a layer's status changes, so a long download does not flood it. */
    public OperationHandle pull(PullSpec spec) {
        validator.check(spec);
        return pulls.start(progress -> operations.submit(OperationType.DOCKER, "Pull image", image(spec.reference()), ctx -> {
            RegistryAuth auth = spec.auth();
            if (auth != null && auth.password() != null && !auth.password().isEmpty()) {
                ctx.secret(auth.password());
            }
            Map<String, String> lastStatus = new HashMap<>();
            images.pull(spec.reference(), auth, p -> {
                if (!p.status().equals(lastStatus.put(p.layer(), p.status()))) {
                    ctx.progress(p.layer() + ": " + p.status());
                }
                progress.accept(p);
            });
            return "pulled " + spec.reference();
        }));
    }

    /** Every progress message of a running pull (bytes included), from now until it ends. */
    public Subscription followPull(long operationId, Consumer<? super PullProgress> listener) {
        return pulls.follow(operationId, listener);
    }

    /** Builds from a context staged by {@link ImageService#prepare}; the operation deletes it when done. */
    public OperationHandle build(PreparedContext context, BuildSpec spec) {
        validator.check(spec);
        return builds.start(log -> operations.submit(OperationType.DOCKER, "Build image", image(spec.tag()), ctx -> {
            try (context) {
                ctx.progress("context: " + context.description());
                String id = images.build(context, spec.tag(), spec.buildArgs(), line -> {
                    ctx.progress(line);
                    log.accept(line);
                });
                return "built " + spec.tag() + " (" + id + ")";
            }
        }));
    }

    /** The log lines of a running build, from now until it ends. */
    public Subscription followBuild(long operationId, Consumer<? super String> listener) {
        return builds.follow(operationId, listener);
    }

    public OperationHandle tag(TagSpec spec) {
        validator.check(spec);
        return operations.submit(OperationType.DOCKER, "Tag image", image(spec.reference()), ctx -> {
            images.tag(spec.image(), spec.reference());
            return "tagged " + spec.image() + " as " + spec.reference();
        });
    }

    /** {@code image}: an id, or a reference (then one target with every spelling of it). */
    public OperationHandle remove(String image, String label, boolean force) {
        OperationTarget target = image.startsWith("sha256:") ? OperationTarget.of(OperationTarget.Kind.IMAGE, image, label)
                : OperationTarget.of(OperationTarget.Kind.IMAGE, ImageReference.parse(image).canonical(), label);
        return operations.submit(OperationType.DOCKER, "Remove image", target, ctx -> {
            images.remove(image, force);
            return "removed " + label;
        });
    }

    public OperationHandle prune(boolean unusedToo) {
        return operations.submit(OperationType.DOCKER, unusedToo ? "Prune unused images" : "Prune dangling images",
                OperationTarget.of(OperationTarget.Kind.IMAGE, "*", "unused images"),
                ctx -> images.prune(unusedToo, null).toString());
    }

    /** Keyed by the canonical reference: "busybox" and "docker.io/library/busybox:latest" are one image. */
    static OperationTarget image(String reference) {
        return OperationTarget.of(OperationTarget.Kind.IMAGE, ImageReference.parse(reference).canonical(), reference);
    }
}
