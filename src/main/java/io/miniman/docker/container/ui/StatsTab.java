package io.miniman.docker.container.ui;

import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.miniman.docker.DockerFailure;
import io.miniman.Subscription;
import io.miniman.docker.container.ContainerService;
import io.miniman.docker.container.StatsSample;
import io.miniman.ui.ApexChart;
import io.miniman.ui.ApexOptions;
import io.miniman.ui.Formats;

/** Live CPU, memory, network and block I/O, a sample a second, the last five minutes. */
class StatsTab extends VerticalLayout {

    private static final int FIVE_MINUTES = 300;
    private static final double KIB = 1024;

    private final ContainerService containers;
    private final String containerId;

    final ApexChart cpu = new ApexChart(ApexOptions.line().title("CPU").unit(" %", 1).datetimeX().maxPoints(FIVE_MINUTES)
            .series("CPU", List.of()));
    final ApexChart memory = new ApexChart(ApexOptions.area().title("Memory").unit(" MiB", 1).datetimeX()
            .maxPoints(FIVE_MINUTES).series("Used", List.of()));
    final ApexChart network = new ApexChart(ApexOptions.line().title("Network").unit(" KiB/s", 1).datetimeX()
            .maxPoints(FIVE_MINUTES).series("Received", List.of()).series("Sent", List.of()));
    final ApexChart disk = new ApexChart(ApexOptions.line().title("Block I/O").unit(" KiB/s", 1).datetimeX()
            .maxPoints(FIVE_MINUTES).series("Read", List.of()).series("Written", List.of()));
    final Span summary = new Span();
    private Subscription stream;
    private StatsSample previous;
    private int samples;

    StatsTab(ContainerService containers, String containerId) {
        this.containers = containers;
        this.containerId = containerId;
        setPadding(false);
        setWidthFull();
        add(summary, cpu, memory, network, disk);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        UI ui = attach.getUI();
        try {
            stream = containers.stats(containerId, sample -> ui.access(() -> show(sample)));
        } catch (DockerFailure e) {
            summary.setText(e.getMessage());
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (stream != null) {
            stream.close();
            stream = null;
        }
        super.onDetach(detach);
    }

    void show(StatsSample s) {
        long t = s.time().toEpochMilli();
        samples++;
        cpu.appendPoint(0, t, s.cpuPercent());
        memory.appendPoint(0, t, s.memoryBytes() / KIB / KIB);
        summary.setText(String.format("CPU %.1f %% · memory %s of %s", s.cpuPercent(), Formats.bytes(s.memoryBytes()),
                Formats.bytes(s.memoryLimitBytes())));
        if (previous != null) {
            double seconds = Math.max(0.001, (s.time().toEpochMilli() - previous.time().toEpochMilli()) / 1000.0);
            network.appendPoint(0, t, Math.max(0, s.networkRxBytes() - previous.networkRxBytes()) / KIB / seconds);
            network.appendPoint(1, t, Math.max(0, s.networkTxBytes() - previous.networkTxBytes()) / KIB / seconds);
            disk.appendPoint(0, t, Math.max(0, s.blockReadBytes() - previous.blockReadBytes()) / KIB / seconds);
            disk.appendPoint(1, t, Math.max(0, s.blockWriteBytes() - previous.blockWriteBytes()) / KIB / seconds);
        }
        previous = s;
    }

    int samples() {
        return samples;
    }
}
