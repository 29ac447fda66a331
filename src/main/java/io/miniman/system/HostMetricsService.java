package io.miniman.system;

import io.miniman.Listeners;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.miniman.config.MinimanProperties;
import io.miniman.Subscription;

/**
 * Samples the host every 2 seconds, once for the whole console, keeps the last 5 minutes and pushes
 * each sample to the open dashboards: one reader of /proc however many phones are watching.
 */
@Service
public class HostMetricsService {

    static final int HISTORY = 150;
    private static final Logger log = LoggerFactory.getLogger(HostMetricsService.class);

    private final ProcReader proc;
    private final Path dataDir;
    private final Clock clock;
    private final Deque<HostSnapshot> history = new ArrayDeque<>();
    private final Listeners<HostSnapshot> listeners = new Listeners<>("host figures");
    private ProcReader.CpuTimes lastCpu;

    HostMetricsService(MinimanProperties properties, Clock clock) {
        this.proc = new ProcReader(properties.host().proc());
        this.dataDir = properties.dataDir();
        this.clock = clock;
    }

    @Scheduled(fixedRate = 2000)
    void sample() {
        try {
            HostSnapshot snapshot = read();
            synchronized (history) {
                history.addLast(snapshot);
                while (history.size() > HISTORY) {
                    history.removeFirst();
                }
            }
            listeners.publish(snapshot);
        } catch (RuntimeException e) {
            log.debug("host sample failed", e);
        }
    }

    public synchronized HostSnapshot read() {
        ProcReader.CpuTimes cpu = proc.cpu();
        double cpuPercent = lastCpu == null ? -1 : cpu.percentSince(lastCpu);
        lastCpu = cpu;
        ProcReader.Memory memory = proc.memory();
        double[] load = proc.loadAverage();
        FileStore store = dataStore();
        try {
            return new HostSnapshot(clock.instant(), proc.hostname(), proc.uptime(), load[0], load[1], load[2],
                    cpuPercent, memory.totalBytes(), memory.availableBytes(), dataDir.toAbsolutePath().toString(),
                    store.getTotalSpace(), store.getUsableSpace());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The samples of the last 5 minutes, oldest first. */
    public List<HostSnapshot> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    public Subscription subscribe(Consumer<HostSnapshot> listener) {
        return listeners.add(listener);
    }

    private FileStore dataStore() {
        try {
            Path existing = dataDir.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return Files.getFileStore(existing == null ? Path.of("/") : existing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
