package io.miniman.docker.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallbackTemplate;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.PruneType;
import com.github.dockerjava.api.model.PullResponseItem;

import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerFailure;
import io.miniman.docker.PruneResult;

/** Images on the engine, in records: list, pull, build, tag, remove, prune, inspect. */
@Service
public class ImageService {

    private static final String NONE = "<none>:<none>";
    /** The classic builder names the image each step made: " ---> 0123456789ab". */
    private static final Pattern STEP_IMAGE = Pattern.compile("^\\s*---> ([0-9a-f]{12})$");

    private final DockerEngine engine;
    private final ObjectMapper json = new ObjectMapper();

    public ImageService(DockerEngine engine) {
        this.engine = engine;
    }

    public List<ImageSummary> list() {
        List<Image> images = engine.call(c -> c.listImagesCmd().exec());
        Map<String, Integer> usage = new HashMap<>();
        for (Container container : engine.call(c -> c.listContainersCmd().withShowAll(true).exec())) {
            usage.merge(container.getImageId(), 1, Integer::sum);
        }
        List<ImageSummary> out = new ArrayList<>(images.size());
        for (Image image : images) {
            List<String> tags = tags(image);
            out.add(new ImageSummary(image.getId(), tags, image.getSize() == null ? 0 : image.getSize(),
                    Instant.ofEpochSecond(image.getCreated() == null ? 0 : image.getCreated()),
                    usage.getOrDefault(image.getId(), 0), tags.isEmpty()));
        }
        return out;
    }

    private static List<String> tags(Image image) {
        return image.getRepoTags() == null ? List.of()
                : Arrays.stream(image.getRepoTags()).filter(t -> !NONE.equals(t)).toList();
    }

    public boolean present(String reference) {
        try {
            engine.run(c -> c.inspectImageCmd(reference).exec());
            return true;
        } catch (DockerFailure e) {
            if (e.notFound()) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Pulls an image, reporting every layer's progress as the engine sends it. Without a tag or digest the
     * tag is "latest": an empty tag would make the engine pull every tag of the repository.
     */
    public void pull(String reference, RegistryAuth auth, Consumer<PullProgress> progress) {
        ImageReference ref = ImageReference.parse(reference);
        PullImageResultCallback callback = engine.call(c -> {
            PullImageCmd cmd = c.pullImageCmd(ref.repository());
            if (ref.tag() != null) {
                cmd.withTag(ref.tag());
            }
            if (auth != null && auth.username() != null && !auth.username().isBlank()) {
                cmd.withAuthConfig(new AuthConfig().withUsername(auth.username()).withPassword(auth.password())
                        .withRegistryAddress(auth.serverAddress()));
            }
            return cmd.exec(new PullImageResultCallback() {
                @Override
                public void onNext(PullResponseItem item) {
                    if (item.getId() != null && item.getStatus() != null) {
                        var detail = item.getProgressDetail();
                        progress.accept(new PullProgress(item.getId(), item.getStatus(),
                                detail == null || detail.getCurrent() == null ? 0 : detail.getCurrent(),
                                detail == null || detail.getTotal() == null ? 0 : detail.getTotal()));
                    }
                    super.onNext(item);
                }
            });
        });
        awaitOrStop(callback, engine.properties().pullTimeout(), "Pull of " + reference, "miniman.docker.pull-timeout");
    }

    /**
     * Waits for a stream to end. Past the timeout the stream is closed (the engine stops the work when its
     * client goes) and the work fails, so a stuck registry or build cannot hold an operation worker for ever.
     */
    private void awaitOrStop(ResultCallbackTemplate<?, ?> callback, Duration timeout, String what, String setting) {
        engine.run(c -> {
            try {
                if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    closeQuietly(callback);
                    throw new DockerFailure(what + " did not finish within " + timeout.toString().substring(2).toLowerCase()
                            + " (" + setting + ")");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closeQuietly(callback);
                throw new DockerFailure(what + " interrupted");
            }
        });
    }

    private static void closeQuietly(Closeable stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the stream ended on its own meanwhile
        }
    }

    /**
     * Checks a build source (an archive at all, within the size limit) and stages it on disk. For an
     * upload this must happen while the upload request is open; the build can follow later.
     */
    public PreparedContext prepare(BuildSource source) {
        try {
            Path file = BuildContextFile.prepare(source, engine.properties().buildContextLimit());
            return new PreparedContext(file, source instanceof BuildSource.Upload u ? u.fileName() : "typed Dockerfile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prepares and builds in one go; see {@link #build(PreparedContext, String, Map, Consumer)}. */
    public String build(BuildSource source, String tag, Map<String, String> buildArgs, Consumer<String> log) {
        ImageReference.parse(tag);
        try (PreparedContext context = prepare(source)) {
            return build(context, tag, buildArgs, log);
        }
    }

    /**
     * Builds an image and tags it, streaming the engine's log lines. When the build fails, the untagged
     * images its finished steps left behind are removed again: a failed build leaves nothing of ours.
     * The context stays the caller's to close.
     *
     * @return the new image's full id
     */
    public String build(PreparedContext context, String tag, Map<String, String> buildArgs, Consumer<String> log) {
        ImageReference.parse(tag);
        Set<String> before = allImageIds();
        Set<String> produced = ConcurrentHashMap.newKeySet();
        try (InputStream tar = Files.newInputStream(context.file())) {
            BuildImageResultCallback callback = engine.call(c -> {
                BuildImageCmd cmd = c.buildImageCmd().withTarInputStream(tar).withTags(Set.of(tag))
                        .withForcerm(true).withPull(false);
                buildArgs.forEach(cmd::withBuildArg);
                return cmd.exec(new BuildImageResultCallback() {
                    @Override
                    public void onNext(BuildResponseItem item) {
                        if (item.getStream() != null) {
                            item.getStream().lines().filter(line -> !line.isBlank()).forEach(line -> {
                                Matcher step = STEP_IMAGE.matcher(line);
                                if (step.matches()) {
                                    produced.add(step.group(1));
                                }
                                log.accept(line);
                            });
                        }
                        if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
                            log.accept(item.getErrorDetail().getMessage());
                        }
                        super.onNext(item);
                    }
                });
            });
            awaitOrStop(callback, engine.properties().buildTimeout(), "Build of " + tag, "miniman.docker.build-timeout");
            engine.run(c -> callback.awaitImageId());
            return engine.call(c -> c.inspectImageCmd(tag).exec().getId());
        } catch (DockerFailure e) {
            removeLeftovers(before, produced);
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> allImageIds() {
        Set<String> ids = new HashSet<>();
        engine.call(c -> c.listImagesCmd().withShowAll(true).exec()).forEach(i -> ids.add(i.getId()));
        return ids;
    }

    private void removeLeftovers(Set<String> before, Set<String> produced) {
        engine.run(c -> leftovers(c, before, produced).forEach(id -> {
            try {
                c.removeImageCmd(id).withNoPrune(false).exec();
            } catch (RuntimeException alreadyGone) {
                // removed with a child, or in use by someone else: not ours to force
            }
        }));
    }

    /**
     * Untagged images this build's steps made (named in its log as " ---> id") that did not exist before
     * it: another build running at the same time keeps its own. Newest first, so children go before parents.
     */
    private static List<String> leftovers(DockerClient c, Set<String> before, Set<String> produced) {
        return c.listImagesCmd().withShowAll(true).exec().stream()
                .filter(i -> !before.contains(i.getId()) && tags(i).isEmpty()
                        && produced.contains(i.getId().replaceFirst("^sha256:", "").substring(0, 12)))
                .sorted((a, b) -> Long.compare(b.getCreated(), a.getCreated()))
                .map(Image::getId).toList();
    }

    public void tag(String image, String newReference) {
        ImageReference ref = ImageReference.parse(newReference);
        engine.run(c -> c.tagImageCmd(image, ref.repository(), ref.tag() == null ? "latest" : ref.tag()).exec());
    }

    public void remove(String image, boolean force) {
        engine.run(c -> c.removeImageCmd(image).withForce(force).exec());
    }

    /**
     * {@code unusedToo}: every image no container uses, not only the dangling ones. {@code label}
     * ("key=value", or null for all) limits it the way {@code docker image prune --filter label=} does.
     */
    public PruneResult prune(boolean unusedToo, String label) {
        Long reclaimed = engine.call(c -> {
            var cmd = c.pruneCmd(PruneType.IMAGES).withDangling(!unusedToo);
            if (label != null) {
                cmd.withLabelFilter(label);
            }
            return cmd.exec().getSpaceReclaimed();
        });
        return new PruneResult(reclaimed == null ? 0 : reclaimed);
    }

    public String inspectJson(String image) {
        JsonNode node = engine.getJson("/images/" + image + "/json");
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<HistoryEntry> history(String image) {
        List<HistoryEntry> out = new ArrayList<>();
        for (JsonNode layer : engine.getJson("/images/" + image + "/history")) {
            List<String> tags = new ArrayList<>();
            layer.path("Tags").forEach(t -> tags.add(t.asText()));
            out.add(new HistoryEntry(layer.path("Id").asText(), Instant.ofEpochSecond(layer.path("Created").asLong()),
                    layer.path("CreatedBy").asText(), layer.path("Size").asLong(), tags));
        }
        return out;
    }
}
