package io.miniman.system.metrics;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.miniman.system.ProcReader;
import io.miniman.system.ProcReader.CpuTimes;
import io.miniman.system.ProcReader.InterfaceBytes;
import io.miniman.system.ProcReader.Memory;
import io.miniman.system.ProcReader.Mount;

/**
 * Reads one sample of the host's own figures. CPU and network are rates, so each sample is the change
 * since the previous one: the first sample after a start has none of them.
 */
final class HostSampler {

    /** File systems worth a disk chart; "/" is taken whatever its type (overlay in a container). */
    private static final Set<String> DISK_TYPES = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "vfat", "exfat",
            "f2fs", "ntfs", "ntfs3", "zfs");

    private final ProcReader proc;
    private final ThermalZones thermal;
    private Map<String, CpuTimes> lastCpu = Map.of();
    private Map<String, InterfaceBytes> lastBytes = Map.of();
    private Instant lastAt;

    HostSampler(ProcReader proc, ThermalZones thermal) {
        this.proc = proc;
        this.thermal = thermal;
    }

    synchronized Map<SeriesKey, Double> sample(Instant at) {
        Map<SeriesKey, Double> values = new LinkedHashMap<>();
        cpu(values);
        values.put(SeriesKey.of(Metric.LOAD), proc.loadAverage()[0]);
        Memory memory = proc.memory();
        values.put(SeriesKey.of(Metric.MEMORY), percent(memory.totalBytes() - memory.availableBytes(), memory.totalBytes()));
        if (memory.swapTotalBytes() > 0) {
            values.put(SeriesKey.of(Metric.SWAP),
                    percent(memory.swapTotalBytes() - memory.swapFreeBytes(), memory.swapTotalBytes()));
        }
        disks(values);
        thermal.read().forEach((zone, celsius) -> values.put(new SeriesKey(Metric.TEMPERATURE, zone), celsius));
        network(values, at);
        lastAt = at;
        return values;
    }

    private void cpu(Map<SeriesKey, Double> values) {
        Map<String, CpuTimes> now = new HashMap<>(proc.cores());
        now.put("", proc.cpu());
        now.forEach((core, times) -> {
            CpuTimes before = lastCpu.get(core);
            if (before != null) {
                values.put(new SeriesKey(Metric.CPU, core), times.percentSince(before));
            }
        });
        lastCpu = now;
    }

    private void disks(Map<SeriesKey, Double> values) {
        Set<String> devices = new HashSet<>();
        for (Mount mount : proc.mounts()) {
            boolean wanted = mount.path().equals("/") || DISK_TYPES.contains(mount.type());
            // bind mounts (Docker's /etc/hosts, a second view of a folder) repeat a device: its first mount counts
            if (!wanted || !devices.add(mount.device())) {
                continue;
            }
            try {
                FileStore store = Files.getFileStore(Path.of(mount.path()));
                long total = store.getTotalSpace();
                if (total > 0) {
                    values.put(new SeriesKey(Metric.DISK, mount.path()), percent(total - store.getUsableSpace(), total));
                }
            } catch (IOException | SecurityException e) {
                // a mount the console's user may not stat (another user's FUSE mount) has no figure
            }
        }
    }

    private void network(Map<SeriesKey, Double> values, Instant at) {
        Map<String, InterfaceBytes> now = new HashMap<>();
        proc.interfaceBytes().forEach((name, bytes) -> {
            // loopback is the console talking to itself; veths come and go with each container
            if (!name.equals("lo") && !name.startsWith("veth")) {
                now.put(name, bytes);
            }
        });
        if (lastAt != null) {
            double seconds = Duration.between(lastAt, at).toMillis() / 1000.0;
            now.forEach((name, bytes) -> {
                InterfaceBytes before = lastBytes.get(name);
                // a counter that went back is an interface that was re-created: no rate this time
                if (before != null && seconds > 0 && bytes.received() >= before.received() && bytes.sent() >= before.sent()) {
                    values.put(new SeriesKey(Metric.NET_RECEIVED, name), (bytes.received() - before.received()) / seconds);
                    values.put(new SeriesKey(Metric.NET_SENT, name), (bytes.sent() - before.sent()) / seconds);
                }
            });
        }
        lastBytes = now;
    }

    private static double percent(long part, long whole) {
        return whole <= 0 ? 0 : 100.0 * part / whole;
    }
}
