package io.miniman.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProcReaderTest {

    private final ProcReader proc = new ProcReader(Path.of("src/test/resources/proc"));

    @Test
    void readsTheFiguresTheDashboardShows() {
        assertThat(proc.hostname()).isEqualTo("miniman");
        assertThat(proc.uptime()).isEqualTo(Duration.ofMillis(93_784_120));
        assertThat(proc.loadAverage()).containsExactly(0.52, 0.40, 0.31);
        ProcReader.Memory memory = proc.memory();
        assertThat(memory.totalBytes()).isEqualTo(1_024_000_000L);
        assertThat(memory.availableBytes()).isEqualTo(409_600_000L);
        ProcReader.CpuTimes cpu = proc.cpu();
        assertThat(cpu.total()).isEqualTo(1000);
        assertThat(cpu.idle()).isEqualTo(850);
    }

    @Test
    void readsWhatTheResourceHistoryRecords() {
        assertThat(proc.cores()).containsOnlyKeys("cpu0", "cpu1");
        assertThat(proc.cores().get("cpu1").total()).isEqualTo(500);
        ProcReader.Memory memory = proc.memory();
        assertThat(memory.swapTotalBytes()).isEqualTo(512_000_000L);
        assertThat(memory.swapFreeBytes()).isEqualTo(409_600_000L);
        assertThat(proc.interfaceBytes()).containsKeys("lo", "eth0", "wlan0");
        assertThat(proc.interfaceBytes().get("eth0")).isEqualTo(new ProcReader.InterfaceBytes(123_456_789L, 98_765_432L));
        assertThat(proc.mounts()).contains(new ProcReader.Mount("/dev/mmcblk0p1", "/boot/firmware", "vfat"),
                new ProcReader.Mount("/dev/sda1", "/media/my stick", "ext4"));
        assertThat(proc.kernel()).isEqualTo("6.1.0-miniman-test");
    }

    @Test
    void cpuPercentIsTheBusyShareBetweenTwoSamples() {
        ProcReader.CpuTimes earlier = new ProcReader.CpuTimes(1000, 850);
        ProcReader.CpuTimes later = new ProcReader.CpuTimes(1200, 900);
        assertThat(later.percentSince(earlier)).isCloseTo(75.0, within(0.001));
    }

    @Test
    void theRealProcOfThisMachineParses() {
        ProcReader real = new ProcReader(Path.of("/proc"));
        assertThat(real.memory().totalBytes()).isPositive();
        assertThat(real.cpu().total()).isPositive();
        assertThat(real.hostname()).isNotBlank();
    }
}
