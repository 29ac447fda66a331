package io.miniman.docker.transfer;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.miniman.Subscription;
import io.miniman.docker.ProgressFeeds;
import io.miniman.docker.image.ImageReference;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;

/**
 * Images, volumes and containers in and out of the box as files, each transfer an operation with
 * live progress ({@link #follow}) that a user may cancel ({@link #cancel}). Uploads are received
 * first ({@code receive*}, while the upload request is open) into the transfer folder; the
 * operation then checks the whole file before the engine sees it and deletes it when it ends.
 * Downloads run in the operation and write to the caller's stream; the caller waits for the handle.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
public class TransferActions {

    private final ImageTransfers images;
    private final VolumeTransfers volumes;
    private final ContainerTransfers containers;
    private final TransferFolder folder;
    private final TransferProperties properties;
    private final OperationService operations;
    private final ProgressFeeds<TransferProgress> feeds = new ProgressFeeds<>("transfer progress");
    private final Map<Long, Transfer> running = new ConcurrentHashMap<>();

    public TransferActions(ImageTransfers images, VolumeTransfers volumes, ContainerTransfers containers,
            TransferFolder folder, TransferProperties properties, OperationService operations) {
        this.images = images;
        this.volumes = volumes;
        this.containers = containers;
        this.folder = folder;
        this.properties = properties;
        this.operations = operations;
    }

    /** Receives an image archive ({@code declaredSize} negative when unknown) within the image limit and the free space. */
    public Spooled receiveImageArchive(String fileName, long declaredSize, InputStream in) {
        return folder.receive(fileName, declaredSize, properties.imageLimit(), in, Transfer.detached());
    }

    public Spooled receiveVolumeArchive(String fileName, long declaredSize, InputStream in) {
        return folder.receive(fileName, declaredSize, properties.volumeLimit(), in, Transfer.detached());
    }

    /** Checks and loads a received archive; the operation's result names the loaded tags. */
    public OperationHandle importImages(Spooled upload) {
        return start("Import images from " + upload.fileName(), null, transfer -> {
            try (upload) {
                ImageArchive archive = images.check(upload, transfer);
                List<String> loaded = images.load(upload, archive, transfer);
                return "loaded " + (loaded.isEmpty() ? "nothing" : String.join(", ", loaded));
            }
        });
    }

    /** Writes one {@code docker save} archive of the images (ids or references) to {@code out}. */
    public OperationHandle exportImages(List<String> imageRefs, OutputStream out) {
        imageRefs.stream().filter(i -> !i.startsWith("sha256:")).forEach(ImageReference::parse);
        return start("Export images " + String.join(", ", imageRefs), null,
                transfer -> "exported " + Bytes.text(images.save(imageRefs, out, transfer)));
    }

    public List<VolumeUser> volumeUsers(String volume) {
        return volumes.users(volume);
    }

    /** Writes the volume as a tar.gz to {@code out}; {@code pause}: the running containers using it are paused meanwhile. */
    public OperationHandle backupVolume(String volume, boolean pause, OutputStream out) {
        return start("Back up volume", OperationTarget.of(OperationTarget.Kind.VOLUME, volume),
                transfer -> "backed up " + volume + " (" + Bytes.text(volumes.backup(volume, out, pause, transfer)) + " read)");
    }

    /** Restores a received archive into a new or empty volume, or over a full one when {@code overwrite}. */
    public OperationHandle restoreVolume(String volume, Spooled upload, boolean overwrite, boolean pause) {
        return start("Restore volume", OperationTarget.of(OperationTarget.Kind.VOLUME, volume), transfer -> {
            try (upload) {
                transfer.phase("checking '" + upload.fileName() + "'", upload.size());
                VolumeArchive archive = VolumeArchive.read(upload.file(), upload.fileName(), properties.volumeLimit(), transfer);
                volumes.restore(volume, upload, overwrite, pause, transfer);
                return "restored " + archive.entries() + " entries (" + Bytes.text(archive.unpackedBytes()) + ") into " + volume;
            }
        });
    }

    /** Writes the container's file system as a tar to {@code out}. */
    public OperationHandle exportContainer(String container, OutputStream out) {
        return start("Export container", OperationTarget.of(OperationTarget.Kind.CONTAINER, container, containers.name(container)),
                transfer -> "exported " + Bytes.text(containers.export(container, out, transfer)));
    }

    /** Keeps the container's file system as the image {@code reference}; {@code pause} it meanwhile for a consistent copy. */
    public OperationHandle commit(String container, String reference, String message, boolean pause) {
        ImageReference.parse(reference);
        return operations.submit(OperationType.DOCKER, "Commit container",
                OperationTarget.of(OperationTarget.Kind.CONTAINER, container, containers.name(container)),
                ctx -> "committed as " + reference + " (" + containers.commit(container, reference, message, pause) + ")");
    }

    /** Every progress report of a running transfer from now on. */
    public Subscription follow(long operationId, Consumer<? super TransferProgress> listener) {
        return feeds.follow(operationId, listener);
    }

    /** Stops a running transfer at its next buffer; it fails as cancelled and undoes what it did. */
    public boolean cancel(long operationId) {
        Transfer transfer = running.get(operationId);
        if (transfer == null) {
            return false;
        }
        transfer.cancel();
        return true;
    }

    public boolean cancellable(long operationId) {
        return running.containsKey(operationId);
    }

    private interface TransferWork {
        String run(Transfer transfer) throws Exception;
    }

    private OperationHandle start(String name, OperationTarget target, TransferWork work) {
        return feeds.start(feed -> operations.submit(OperationType.DOCKER, name, target, ctx -> {
            Transfer transfer = new Transfer(ctx, feed);
            running.put(ctx.id(), transfer);
            try {
                return work.run(transfer);
            } catch (java.io.InterruptedIOException e) {
                throw new IllegalStateException("cancelled", e);
            } finally {
                running.remove(ctx.id());
            }
        }));
    }
}
