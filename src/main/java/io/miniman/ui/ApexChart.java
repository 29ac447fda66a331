package io.miniman.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * Our wrapper of the npm package apexcharts 4.7.0 (its last MIT release), bundled into the production
 * build so it works offline. Options are typed ({@link ApexOptions}); live charts get single points
 * appended by the server, and the browser keeps a bounded window of them.
 */
@Tag("miniman-apex-chart")
@NpmPackage(value = "apexcharts", version = "4.7.0")
@JsModule("./components/apex-chart.js")
public class ApexChart extends Component implements HasSize {

    private ApexOptions options;

    public ApexChart(ApexOptions options) {
        setOptions(options);
        setWidthFull();
    }

    public ApexOptions getOptions() {
        return options;
    }

    /** Replaces the whole chart (a new series layout); use {@link #appendPoint} for live data. */
    public void setOptions(ApexOptions options) {
        this.options = options;
        getElement().setProperty("options", options.toJson());
    }

    /** Adds one point to a series of a line, area or bar chart without redrawing the rest. */
    public void appendPoint(int series, long epochMillis, double y) {
        getElement().callJsFunction("appendPoint", series, (double) epochMillis, y);
    }

    /** New values for a donut or radial bar chart. */
    public void setValues(double... values) {
        elemental.json.JsonArray array = elemental.json.Json.createArray();
        for (int i = 0; i < values.length; i++) {
            array.set(i, values[i]);
        }
        getElement().callJsFunction("setValues", array);
    }
}
