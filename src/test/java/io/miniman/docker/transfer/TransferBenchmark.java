package io.miniman.docker.transfer;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerProperties;

/**
 * The console's side of src/test/bench/transfer-throughput.sh: export IMAGE through the service to a
 * file, remove it, receive and import that file through the service; prints both times in seconds.
 */
public final class TransferBenchmark {

    private TransferBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String tag = args[0];
        Path work = Path.of(args[1]);
        DockerEngine engine = new DockerEngine(DockerProperties.of("unix:///var/run/docker.sock"));
        ImageTransfers images = new ImageTransfers(engine);
        Path file = work.resolve("console.tar");
        long start = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(file)) {
            images.save(List.of(tag), out, Transfer.detached());
        }
        double save = (System.nanoTime() - start) / 1e9;
        engine.run(c -> c.removeImageCmd(tag).exec());
        TransferFolder folder = new TransferFolder(Files.createDirectories(work.resolve("spool")));
        start = System.nanoTime();
        try (InputStream in = Files.newInputStream(file);
             Spooled upload = folder.receive("console.tar", Files.size(file), Long.MAX_VALUE, in, Transfer.detached())) {
            Transfer transfer = Transfer.detached();
            images.load(upload, images.check(upload, transfer), transfer);
        }
        double load = (System.nanoTime() - start) / 1e9;
        System.out.println(save + " " + load);
        engine.close();
        System.exit(0);
    }
}
