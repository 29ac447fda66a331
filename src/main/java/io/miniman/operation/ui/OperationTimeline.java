package io.miniman.operation.ui;

import java.time.Instant;
import java.util.List;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;
import io.miniman.ui.ApexChart;
import io.miniman.ui.ApexOptions;

/** The filtered operations as bars along time, one row per operation name; failures in red. */
class OperationTimeline extends Composite<Div> {

    /** The newest operations of the filter shown; older ones are in the list. */
    static final int LIMIT = 200;
    static final String FAILED = "#dc2626";

    private final ApexChart chart = new ApexChart(ApexOptions.rangeBar().height("420px"));
    private final Span empty = new Span("No operations match the filters.");
    private List<OperationUpdate> shown = List.of();

    OperationTimeline() {
        chart.setId("operations-timeline");
        getContent().add(empty, chart);
        getContent().setWidthFull();
    }

    void show(List<OperationUpdate> operations, Instant now) {
        shown = operations;
        empty.setVisible(operations.isEmpty());
        chart.setVisible(!operations.isEmpty());
        if (operations.isEmpty()) {
            return;
        }
        long first = operations.stream().mapToLong(op -> op.startTime().toEpochMilli()).min().orElse(now.toEpochMilli());
        // a 50 ms operation on a day-long axis would be invisible: every bar gets at least 1/300 of the span
        long minimum = Math.max(1000, (now.toEpochMilli() - first) / 300);
        ApexOptions options = ApexOptions.rangeBar().height(Math.min(600, 80 + 28 * distinctNames(operations)) + "px");
        for (OperationUpdate op : operations) {
            long start = op.startTime().toEpochMilli();
            long end = (op.endTime() == null ? now : op.endTime()).toEpochMilli();
            options.range(new ApexOptions.Range(op.name(), start, Math.max(end, start + minimum), color(op.status())));
        }
        chart.setOptions(options);
    }

    List<OperationUpdate> shown() {
        return shown;
    }

    ApexChart chart() {
        return chart;
    }

    static String color(OperationStatus status) {
        return switch (status) {
            case PENDING -> "#9ca3af";
            case RUNNING -> "#2563eb";
            case COMPLETED -> "#16a34a";
            case FAILED -> FAILED;
        };
    }

    private static long distinctNames(List<OperationUpdate> operations) {
        return operations.stream().map(OperationUpdate::name).distinct().count();
    }
}
