package io.miniman.docker.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.miniman.docker.image.ImageReference;

/**
 * What a {@code docker save} archive holds, read to its end before the engine sees a byte: its
 * manifest, every tag checked as a reference, every file the manifest names present and whole. A
 * truncated archive or one the engine would load only half of is refused here, so a refused import
 * leaves no tag behind.
 *
 * @param tags          the tags it will create, as written in the manifest
 * @param imageIds      the images' ids (the config files' digests)
 * @param unpackedBytes the size of the tar inside (what the engine will need, at least)
 */
public record ImageArchive(List<String> tags, List<String> imageIds, long unpackedBytes) {

    private static final int MANIFEST_LIMIT = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    static ImageArchive read(Path file, String name, Transfer transfer) throws IOException {
        Compression compression = Compression.of(file, name);
        Map<String, Long> files = new HashMap<>();
        byte[] manifest = null;
        long unpacked = 0;
        try (InputStream raw = transfer.metered(Files.newInputStream(file));
             TarArchiveInputStream tar = new TarArchiveInputStream(compression.open(raw))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String path = entry.getName().replaceFirst("^\\./", "");
                if (path.equals("manifest.json")) {
                    if (entry.getSize() > MANIFEST_LIMIT) {
                        throw new IllegalArgumentException("'" + name + "' has a manifest.json of " + Bytes.text(entry.getSize()));
                    }
                    manifest = tar.readAllBytes();
                } else {
                    // reading, not skipping: a short last file shows only when its bytes are read
                    Compression.readWhole(tar, entry);
                }
                files.put(path, entry.getSize());
                unpacked += entry.getSize();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + name + "' is damaged or truncated: " + Bytes.reason(e));
        }
        if (manifest == null) {
            throw new IllegalArgumentException("'" + name + "' is not a docker save archive: it has no manifest.json");
        }
        return fromManifest(name, manifest, files, unpacked);
    }

    private static ImageArchive fromManifest(String name, byte[] manifest, Map<String, Long> files, long unpacked) {
        JsonNode root;
        try {
            root = JSON.readTree(manifest);
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + name + "' has an unreadable manifest.json: " + e.getMessage());
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' has a manifest.json that lists no image");
        }
        Set<String> tags = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode image : root) {
            String config = image.path("Config").asText("");
            requireFile(name, files, config);
            ids.add("sha256:" + config.replaceFirst("^blobs/sha256/", "").replaceFirst("\\.json$", ""));
            for (JsonNode layer : image.path("Layers")) {
                requireFile(name, files, layer.asText(""));
            }
            for (JsonNode tag : image.path("RepoTags")) {
                String text = tag.asText("");
                try {
                    ImageReference.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + name + "' names an image '" + text + "' that is no valid reference");
                }
                if (!text.contains(":") || text.contains("@")) {
                    throw new IllegalArgumentException("'" + name + "' names an image '" + text + "' without a tag");
                }
                tags.add(text);
            }
        }
        return new ImageArchive(List.copyOf(tags), List.copyOf(ids), unpacked);
    }

    private static void requireFile(String name, Map<String, Long> files, String path) {
        if (path.isEmpty() || !files.containsKey(path)) {
            throw new IllegalArgumentException("'" + name + "' is incomplete: its manifest names "
                    + (path.isEmpty() ? "an image without a config" : "'" + path + "'") + ", which it does not contain");
        }
    }
}
