package io.miniman.docker.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Service;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.SaveImagesCmd;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.LoadResponseItem;

import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerFailure;
import io.miniman.docker.image.ImageReference;

/**
 * Images in and out as {@code docker save} archives, streamed: an upload goes from its file on the
 * data disk to the engine's load endpoint, a download from the engine's save endpoint to the
 * caller's stream; neither passes through the heap as a whole. Raw engine work: {@link TransferActions}
 * runs it as operations.
 */
@Service
public class ImageTransfers {

    private static final long EXPANSION_ALLOWANCE = 2;

    private final DockerEngine engine;

    public ImageTransfers(DockerEngine engine) {
        this.engine = engine;
    }

    /** Reads the archive to its end and refuses it when it is not a whole, loadable save archive. */
    ImageArchive check(Spooled upload, Transfer transfer) throws IOException {
        transfer.phase("checking '" + upload.fileName() + "'", upload.size());
        ImageArchive archive = ImageArchive.read(upload.file(), upload.fileName(), transfer);
        long free = TransferFolder.usable(java.nio.file.Path.of(engine.call(c -> c.infoCmd().exec()).getDockerRootDir()));
        // the engine unpacks each layer next to the archive it reads: room for twice the tar is a fair floor
        long needed = archive.unpackedBytes() * EXPANSION_ALLOWANCE;
        if (needed > free) {
            throw new IllegalArgumentException("'" + upload.fileName() + "' unpacks to " + Bytes.text(archive.unpackedBytes())
                    + "; the engine's disk has " + Bytes.text(free) + " free, " + Bytes.text(needed) + " are needed");
        }
        return archive;
    }

    /**
     * Loads a checked archive. The engine tags each image as it finishes it, so when the load fails
     * half-way every tag it moved goes back where it was and images it added untagged are removed.
     *
     * @return the tags (or, for an archive saved by id, the ids) the engine reports as loaded
     */
    List<String> load(Spooled upload, ImageArchive archive, Transfer transfer) throws IOException {
        Map<String, String> before = tagTargets(archive.tags());
        Set<String> idsBefore = imageIds();
        transfer.phase("loading into the engine", upload.size());
        try (InputStream in = transfer.metered(Files.newInputStream(upload.file()))) {
            LoadCallback callback = engine.call(c -> c.loadImageAsyncCmd(in).exec(new LoadCallback(transfer)));
            awaitLoad(callback, transfer);
            if (!callback.errors.isEmpty()) {
                throw new DockerFailure("the engine refused the archive: " + String.join("; ", callback.errors));
            }
            return List.copyOf(callback.loaded);
        } catch (IOException | RuntimeException e) {
            undo(archive, before, idsBefore);
            if (transfer.cancelled()) {
                throw new DockerFailure("cancelled; nothing of '" + upload.fileName() + "' was kept");
            }
            throw e;
        }
    }

    /**
     * Waits for the engine to finish, looking for a cancel five times a second; leaving closes the
     * request, which makes the engine stop reading. Not with a timed awaitCompletion: docker-java
     * closes the stream when that one times out.
     */
    private void awaitLoad(LoadCallback callback, Transfer transfer) throws IOException {
        try (callback) {
            while (!callback.ended.await(200, TimeUnit.MILLISECONDS)) {
                transfer.checkCancelled();
            }
            callback.awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerFailure("load interrupted");
        } catch (RuntimeException e) {
            throw engine.failure(e);
        }
    }

    /** The engine's load messages: "Loaded image: TAG" (or "Loaded image ID: ID" for untagged ones), or an error. */
    private static final class LoadCallback extends ResultCallback.Adapter<LoadResponseItem> {

        private final Transfer transfer;
        private final CountDownLatch ended = new CountDownLatch(1);
        private final List<String> loaded = new CopyOnWriteArrayList<>();
        private final List<String> errors = new CopyOnWriteArrayList<>();

        LoadCallback(Transfer transfer) {
            this.transfer = transfer;
        }

        @Override
        public void onNext(LoadResponseItem item) {
            if (item.getErrorDetail() != null) {
                errors.add(item.getErrorDetail().getMessage());
            }
            String stream = item.getStream();
            if (stream != null && !stream.isBlank()) {
                String line = stream.trim();
                transfer.note(line);
                if (line.startsWith("Loaded image: ")) {
                    loaded.add(line.substring("Loaded image: ".length()));
                } else if (line.startsWith("Loaded image ID: ")) {
                    loaded.add(line.substring("Loaded image ID: ".length()));
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            super.onError(throwable);
            ended.countDown();
        }

        @Override
        public void onComplete() {
            super.onComplete();
            ended.countDown();
        }
    }

    /** Which image each tag names now (tags that do not exist are left out). */
    private Map<String, String> tagTargets(List<String> tags) {
        Map<String, String> targets = new HashMap<>();
        for (Image image : engine.call(c -> c.listImagesCmd().exec())) {
            for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
                if (tags.contains(tag)) {
                    targets.put(tag, image.getId());
                }
            }
        }
        return targets;
    }

    private Set<String> imageIds() {
        Set<String> ids = new java.util.HashSet<>();
        engine.call(c -> c.listImagesCmd().withShowAll(true).exec()).forEach(i -> ids.add(i.getId()));
        return ids;
    }

    private void undo(ImageArchive archive, Map<String, String> before, Set<String> idsBefore) {
        Map<String, String> after = tagTargets(archive.tags());
        for (String tag : archive.tags()) {
            String now = after.get(tag);
            String was = before.get(tag);
            if (now == null || now.equals(was)) {
                continue;
            }
            ImageReference ref = ImageReference.parse(tag);
            Cleanup.quietly(() -> {
                if (was != null) {
                    engine.run(c -> c.tagImageCmd(was, ref.repository(), ref.tag()).exec());
                } else {
                    engine.run(c -> c.removeImageCmd(tag).exec());
                }
            });
        }
        for (String id : archive.imageIds()) {
            if (!idsBefore.contains(id)) {
                Cleanup.quietly(() -> engine.run(c -> c.removeImageCmd(id).exec()));
            }
        }
    }

    /**
     * Streams one archive of the given images (ids or references) from the engine to {@code out}.
     *
     * @return the bytes written
     */
    long save(List<String> images, OutputStream out, Transfer transfer) throws IOException {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one image to export");
        }
        transfer.phase("saving " + String.join(", ", images), 0);
        try (InputStream in = engine.call(c -> {
            SaveImagesCmd cmd = c.saveImagesCmd();
            for (String image : images) {
                if (image.startsWith("sha256:")) {
                    cmd.withImage(image, null);
                } else {
                    ImageReference ref = ImageReference.parse(image);
                    cmd.withImage(ref.repository(), ref.tag());
                }
            }
            return cmd.exec();
        })) {
            long written = transfer.copy(in, out);
            transfer.note("saved " + Bytes.text(written));
            return written;
        }
    }

    /** A file name for an export: its tags, made safe for a file system ({@code busybox_1.36+web_2.tar}). */
    public static String fileName(List<String> images) {
        List<String> parts = new ArrayList<>();
        for (String image : images) {
            String name = image.startsWith("sha256:") ? image.substring(7, Math.min(image.length(), 19))
                    : image.replaceFirst("^docker\\.io/(library/)?", "");
            parts.add(name.replaceAll("[^A-Za-z0-9._-]+", "_"));
        }
        String joined = String.join("+", parts);
        return (joined.length() > 120 ? joined.substring(0, 120) : joined) + ".tar";
    }
}
