package io.miniman.docker.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.springframework.stereotype.Service;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerMount;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Volume;

import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerFailure;

/**
 * Volume contents in and out as tar archives, through the engine's archive endpoints on a helper
 * container that is created but never started. Why not the root helper reading the mount point:
 * the engine already owns the volume, does the tar work with owners, modes and links right, and
 * does it for any volume driver and for an engine over tcp, while a root verb that reads and writes
 * anything under /var/lib/docker would widen what sudo allows. Since the helper never runs, any
 * image on the box serves (even one without a shell); none has to be pulled.
 */
@Service
public class VolumeTransfers {

    static final String HELPER_LABEL = "io.miniman.transfer";
    private static final String MOUNT = "/miniman-volume";

    private final DockerEngine engine;

    public VolumeTransfers(DockerEngine engine) {
        this.engine = engine;
    }

    /** Containers that mount the volume, running ones first: who to warn, and whom to pause. */
    public List<VolumeUser> users(String volume) {
        List<VolumeUser> users = new ArrayList<>();
        for (Container c : engine.call(client -> client.listContainersCmd().withShowAll(true).exec())) {
            for (ContainerMount m : c.getMounts() == null ? List.<ContainerMount>of() : c.getMounts()) {
                if (volume.equals(m.getName())) {
                    String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", "");
                    users.add(new VolumeUser(c.getId(), name, c.getState()));
                }
            }
        }
        users.sort((a, b) -> Boolean.compare(b.running(), a.running()));
        return users;
    }

    /** Writes the volume as a tar.gz whose entries are relative to the volume's top. */
    long backup(String volume, OutputStream out, boolean pause, Transfer transfer) throws IOException {
        requireVolume(volume);
        return withPaused(volume, pause, transfer, () -> withHelper(volume, true, helper -> {
            transfer.phase("reading volume " + volume, 0);
            try (InputStream in = engine.call(c -> c.copyArchiveFromContainerCmd(helper, MOUNT).exec());
                 TarArchiveInputStream tar = new TarArchiveInputStream(transfer.metered(in));
                 TarArchiveOutputStream gz = new TarArchiveOutputStream(new GzipCompressorOutputStream(nonClosing(out)))) {
                gz.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                gz.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                String top = MOUNT.substring(1);
                for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                    String name = entry.getName();
                    if (name.equals(top) || name.equals(top + "/")) {
                        continue;
                    }
                    entry.setName(name.substring(top.length() + 1));
                    gz.putArchiveEntry(entry);
                    if (entry.isFile()) {
                        tar.transferTo(gz);
                    }
                    gz.closeArchiveEntry();
                }
                gz.finish();
            }
            transfer.note("volume " + volume + ": " + Bytes.text(transfer.bytes()) + " read");
            return transfer.bytes();
        }));
    }

    /**
     * Restores a checked archive into the volume, made when it does not exist. A volume with content
     * is refused unless {@code overwrite}. When the restore fails, a volume this call made is removed
     * and one that was empty is emptied again (removed and made anew with its driver and labels), so
     * no half-restored volume stays; written over on purpose, a volume keeps what was written.
     */
    void restore(String volume, Spooled upload, boolean overwrite, boolean pause, Transfer transfer) throws IOException {
        Map<String, Object> existing = inspect(volume);
        boolean created = existing == null;
        if (created) {
            engine.run(c -> c.createVolumeCmd().withName(volume).exec());
        }
        boolean wasEmpty = created || isEmpty(volume);
        if (!wasEmpty && !overwrite) {
            throw new IllegalArgumentException("Volume " + volume + " is not empty: confirm to write the archive over its content");
        }
        try {
            withPaused(volume, pause, transfer, () -> withHelper(volume, false, helper -> {
                transfer.phase("writing into volume " + volume, upload.size());
                try (InputStream in = transfer.metered(Files.newInputStream(upload.file()))) {
                    // the engine unpacks tar and tar.gz itself, as the chosen volume's owner would see it
                    engine.run(c -> c.copyArchiveToContainerCmd(helper).withRemotePath(MOUNT).withTarInputStream(in).exec());
                }
                transfer.checkCancelled();
                return null;
            }));
        } catch (IOException | RuntimeException e) {
            if (wasEmpty && users(volume).isEmpty()) {
                Cleanup.quietly(() -> engine.run(c -> c.removeVolumeCmd(volume).exec()));
                if (!created) {
                    recreate(volume, existing);
                }
            }
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private void recreate(String volume, Map<String, Object> was) {
        Cleanup.quietly(() -> engine.run(c -> c.createVolumeCmd().withName(volume).withDriver(String.valueOf(was.get("Driver")))
                .withDriverOpts(was.get("Options") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of())
                .withLabels(was.get("Labels") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of()).exec()));
    }

    private void requireVolume(String volume) {
        if (inspect(volume) == null) {
            throw new IllegalArgumentException("There is no volume " + volume);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> inspect(String volume) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().convertValue(engine.getJson("/volumes/" + volume), Map.class);
        } catch (DockerFailure e) {
            if (e.notFound()) {
                return null;
            }
            throw e;
        }
    }

    boolean isEmpty(String volume) throws IOException {
        return withHelper(volume, true, helper -> {
            try (InputStream in = engine.call(c -> c.copyArchiveFromContainerCmd(helper, MOUNT).exec());
                 TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                int entries = 0;
                while (tar.getNextEntry() != null && entries < 2) {
                    entries++;
                }
                // the first entry is the mount point itself
                return entries < 2;
            }
        });
    }

    private interface HelperWork<T> {
        T run(String helperId) throws IOException;
    }

    private interface PausedWork<T> {
        T run() throws IOException;
    }

    /** A container holding the volume, never started; removed whatever happens. */
    private <T> T withHelper(String volume, boolean readOnly, HelperWork<T> work) throws IOException {
        String image = helperImage(volume);
        String id = engine.call(c -> c.createContainerCmd(image)
                .withName("miniman-transfer-" + Long.toHexString(System.nanoTime()))
                .withLabels(Map.of(HELPER_LABEL, "volume " + volume))
                // never run: the command only has to exist for images that have none
                .withEntrypoint("/miniman-transfer-never-started").withCmd(List.of())
                .withNetworkDisabled(true)
                .withHostConfig(HostConfig.newHostConfig().withBinds(new Bind(volume, new Volume(MOUNT),
                        readOnly ? com.github.dockerjava.api.model.AccessMode.ro : com.github.dockerjava.api.model.AccessMode.rw)))
                .exec().getId());
        try {
            return work.run(id);
        } finally {
            Cleanup.quietly(() -> engine.run(c -> c.removeContainerCmd(id).withForce(true).exec()));
        }
    }

    /** The image of a container that uses the volume if there is one, else the smallest image on the box. */
    private String helperImage(String volume) {
        List<VolumeUser> users = users(volume);
        if (!users.isEmpty()) {
            return engine.call(c -> c.inspectContainerCmd(users.get(0).id()).exec().getImageId());
        }
        return engine.call(c -> c.listImagesCmd().exec()).stream()
                .min((a, b) -> Long.compare(size(a), size(b))).map(Image::getId)
                .orElseThrow(() -> new IllegalArgumentException("There is no image on the box to attach the volume to;"
                        + " import any image first"));
    }

    private static long size(Image image) {
        return image.getSize() == null ? Long.MAX_VALUE : image.getSize();
    }

    /** Pauses the running users for the copy when asked, and unpauses them whatever happens. */
    private <T> T withPaused(String volume, boolean pause, Transfer transfer, PausedWork<T> work) throws IOException {
        List<VolumeUser> paused = new ArrayList<>();
        try {
            if (pause) {
                for (VolumeUser user : users(volume)) {
                    if ("running".equals(user.state())) {
                        engine.run(c -> c.pauseContainerCmd(user.id()).exec());
                        paused.add(user);
                        transfer.note("paused " + user.name());
                    }
                }
            }
            return work.run();
        } finally {
            for (VolumeUser user : paused) {
                Cleanup.quietly(() -> engine.run(c -> c.unpauseContainerCmd(user.id()).exec()));
                transfer.note("unpaused " + user.name());
            }
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

}
