package io.miniman.ui;

import java.util.ArrayList;
import java.util.List;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;

/**
 * Typed options for the chart kinds the console uses. Only what we set reaches the browser; the web
 * component adds the formatters (functions cannot travel as JSON).
 */
public final class ApexOptions {

    public enum Type {
        LINE("line"), AREA("area"), BAR("bar"), DONUT("donut"), RADIAL_BAR("radialBar"), RANGE_BAR("rangeBar");

        private final String js;

        Type(String js) {
            this.js = js;
        }

        public String js() {
            return js;
        }

        boolean hasAxes() {
            return this == LINE || this == AREA || this == BAR || this == RANGE_BAR;
        }
    }

    /** A point of an axis chart. */
    public record Point(long x, double y) {
    }

    /** A named series of points (line, area, bar). */
    public record Series(String name, List<Point> points) {
    }

    /** A bar of a timeline: a row label, from and to in epoch milliseconds, and its colour. */
    public record Range(String row, long from, long to, String color) {
    }

    private final Type type;
    private String height = "220px";
    private String title;
    private final List<Series> series = new ArrayList<>();
    private final List<Range> ranges = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private final List<String> colors = new ArrayList<>();
    private boolean datetimeX;
    private Double yMin;
    private Double yMax;
    private String unit = "";
    private int decimals = 1;
    private int maxPoints = 150;
    private boolean stacked;

    private ApexOptions(Type type) {
        this.type = type;
    }

    public static ApexOptions line() {
        return new ApexOptions(Type.LINE);
    }

    public static ApexOptions area() {
        return new ApexOptions(Type.AREA);
    }

    public static ApexOptions bar() {
        return new ApexOptions(Type.BAR);
    }

    /** Horizontal bars along a time axis (a timeline); fill it with {@link #range}. */
    public static ApexOptions rangeBar() {
        return new ApexOptions(Type.RANGE_BAR).datetimeX();
    }

    public static ApexOptions donut() {
        return new ApexOptions(Type.DONUT);
    }

    public static ApexOptions radialBar() {
        return new ApexOptions(Type.RADIAL_BAR);
    }

    public Type type() {
        return type;
    }

    public ApexOptions height(String height) {
        this.height = height;
        return this;
    }

    public ApexOptions title(String title) {
        this.title = title;
        return this;
    }

    /** An axis series; for a live chart start it empty and append points. */
    public ApexOptions series(String name, List<Point> points) {
        requireAxes();
        series.add(new Series(name, List.copyOf(points)));
        return this;
    }

    public ApexOptions range(Range range) {
        if (type != Type.RANGE_BAR) {
            throw new IllegalStateException(type + " charts take series, not ranges");
        }
        ranges.add(range);
        return this;
    }

    public List<Range> ranges() {
        return List.copyOf(ranges);
    }

    /** A slice of a donut or a bar of a radial bar chart. */
    public ApexOptions value(String label, double value) {
        if (type.hasAxes()) {
            throw new IllegalStateException(type + " charts take series, not values");
        }
        labels.add(label);
        values.add(value);
        return this;
    }

    public ApexOptions colors(String... colors) {
        this.colors.addAll(List.of(colors));
        return this;
    }

    public ApexOptions datetimeX() {
        requireAxes();
        this.datetimeX = true;
        return this;
    }

    public ApexOptions yRange(double min, double max) {
        requireAxes();
        this.yMin = min;
        this.yMax = max;
        return this;
    }

    /** Shown after each value in labels and tooltips, e.g. "%" or " MB". */
    public ApexOptions unit(String unit, int decimals) {
        this.unit = unit;
        this.decimals = decimals;
        return this;
    }

    /** How many points of each series a live chart keeps; older ones scroll out. */
    public ApexOptions maxPoints(int maxPoints) {
        this.maxPoints = maxPoints;
        return this;
    }

    public ApexOptions stacked() {
        requireAxes();
        this.stacked = true;
        return this;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    public int maxPoints() {
        return maxPoints;
    }

    private void requireAxes() {
        if (!type.hasAxes()) {
            throw new IllegalStateException(type + " charts take values, not series");
        }
    }

    private JsonObject rangeSeries() {
        JsonArray data = Json.createArray();
        for (Range r : ranges) {
            JsonObject bar = Json.createObject();
            bar.put("x", r.row());
            JsonArray y = Json.createArray();
            y.set(0, r.from());
            y.set(1, r.to());
            bar.put("y", y);
            bar.put("fillColor", r.color());
            data.set(data.length(), bar);
        }
        JsonObject item = Json.createObject();
        item.put("name", "operations");
        item.put("data", data);
        return item;
    }

    public String toJson() {
        JsonObject root = Json.createObject();
        JsonObject chart = Json.createObject();
        chart.put("type", type.js());
        chart.put("height", height);
        chart.put("stacked", stacked);
        JsonObject toolbar = Json.createObject();
        toolbar.put("show", false);
        chart.put("toolbar", toolbar);
        JsonObject zoom = Json.createObject();
        zoom.put("enabled", false);
        chart.put("zoom", zoom);
        // live charts move every few seconds: animating each step costs a phone's battery for nothing
        JsonObject animations = Json.createObject();
        animations.put("enabled", false);
        chart.put("animations", animations);
        root.put("chart", chart);
        if (title != null) {
            JsonObject titleObject = Json.createObject();
            titleObject.put("text", title);
            root.put("title", titleObject);
        }
        if (type.hasAxes()) {
            JsonArray seriesArray = Json.createArray();
            if (type == Type.RANGE_BAR) {
                seriesArray.set(0, rangeSeries());
                JsonObject bar = Json.createObject();
                bar.put("horizontal", true);
                bar.put("rangeBarGroupRows", true);
                JsonObject plotOptions = Json.createObject();
                plotOptions.put("bar", bar);
                root.put("plotOptions", plotOptions);
            }
            for (Series s : series) {
                JsonObject item = Json.createObject();
                item.put("name", s.name());
                JsonArray data = Json.createArray();
                for (Point p : s.points()) {
                    JsonArray pair = Json.createArray();
                    pair.set(0, p.x());
                    pair.set(1, p.y());
                    data.set(data.length(), pair);
                }
                item.put("data", data);
                seriesArray.set(seriesArray.length(), item);
            }
            root.put("series", seriesArray);
            JsonObject xaxis = Json.createObject();
            if (datetimeX) {
                xaxis.put("type", "datetime");
                JsonObject labelsObject = Json.createObject();
                labelsObject.put("datetimeUTC", false);
                xaxis.put("labels", labelsObject);
            }
            root.put("xaxis", xaxis);
            JsonObject yaxis = Json.createObject();
            if (yMin != null) {
                yaxis.put("min", yMin);
                yaxis.put("max", yMax);
            }
            root.put("yaxis", yaxis);
            JsonObject stroke = Json.createObject();
            stroke.put("curve", "smooth");
            stroke.put("width", type == Type.BAR ? 0 : 2);
            root.put("stroke", stroke);
            JsonObject dataLabels = Json.createObject();
            dataLabels.put("enabled", false);
            root.put("dataLabels", dataLabels);
        } else {
            JsonArray seriesArray = Json.createArray();
            JsonArray labelArray = Json.createArray();
            for (int i = 0; i < values.size(); i++) {
                seriesArray.set(i, values.get(i));
                labelArray.set(i, labels.get(i));
            }
            root.put("series", seriesArray);
            root.put("labels", labelArray);
        }
        if (!colors.isEmpty()) {
            JsonArray colorArray = Json.createArray();
            colors.forEach(c -> colorArray.set(colorArray.length(), c));
            root.put("colors", colorArray);
        }
        JsonObject miniman = Json.createObject();
        miniman.put("unit", unit);
        miniman.put("decimals", decimals);
        miniman.put("maxPoints", maxPoints);
        root.put("miniman", miniman);
        return root.toJson();
    }
}
