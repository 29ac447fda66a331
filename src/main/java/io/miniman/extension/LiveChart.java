package io.miniman.extension;

import java.time.Instant;
import java.util.List;

import com.vaadin.flow.component.Composite;

import io.miniman.ui.ApexChart;
import io.miniman.ui.ApexOptions;

/** The console's line chart over time, for a live figure: points are appended, the oldest fall off. */
public class LiveChart extends Composite<ApexChart> {

    private final String title;
    private final String unit;
    private final int maxPoints;

    /** unit is shown on the axis (e.g. "%", "°C"); the chart keeps the last maxPoints points. */
    public LiveChart(String title, String unit, int maxPoints) {
        this.title = title;
        this.unit = unit;
        this.maxPoints = maxPoints;
    }

    @Override
    protected ApexChart initContent() {
        ApexChart chart = new ApexChart(ApexOptions.line().title(title).datetimeX().unit(unit, 1)
                .maxPoints(maxPoints).series(title, List.of()));
        chart.setHeight("220px");
        return chart;
    }

    public void add(Instant at, double value) {
        getContent().appendPoint(0, at.toEpochMilli(), value);
    }
}
