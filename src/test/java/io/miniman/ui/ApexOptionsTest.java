package io.miniman.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import elemental.json.Json;
import elemental.json.JsonObject;

class ApexOptionsTest {

    @Test
    void anAxisChartCarriesItsTypeSeriesAndLiveSettings() {
        JsonObject json = Json.parse(ApexOptions.area().title("CPU").datetimeX().yRange(0, 100).unit(" %", 0)
                .series("CPU", List.of(new ApexOptions.Point(1000, 12.5), new ApexOptions.Point(3000, 20)))
                .maxPoints(150).toJson());
        assertThat(json.getObject("chart").getString("type")).isEqualTo("area");
        assertThat(json.getObject("chart").getObject("animations").getBoolean("enabled")).isFalse();
        assertThat(json.getArray("series").getObject(0).getString("name")).isEqualTo("CPU");
        assertThat(json.getArray("series").getObject(0).getArray("data").getArray(1).getNumber(1)).isEqualTo(20.0);
        assertThat(json.getObject("xaxis").getString("type")).isEqualTo("datetime");
        assertThat(json.getObject("yaxis").getNumber("max")).isEqualTo(100.0);
        assertThat(json.getObject("miniman").getNumber("maxPoints")).isEqualTo(150.0);
        assertThat(json.getObject("miniman").getString("unit")).isEqualTo(" %");
    }

    @Test
    void donutAndRadialBarTakeLabelledValues() {
        JsonObject donut = Json.parse(ApexOptions.donut().value("used", 30).value("free", 70).toJson());
        assertThat(donut.getObject("chart").getString("type")).isEqualTo("donut");
        assertThat(donut.getArray("labels").getString(1)).isEqualTo("free");
        assertThat(donut.getArray("series").getNumber(0)).isEqualTo(30.0);
        assertThat(Json.parse(ApexOptions.radialBar().value("disk", 42).toJson()).getObject("chart").getString("type"))
                .isEqualTo("radialBar");
        assertThat(Json.parse(ApexOptions.bar().series("rx", List.of()).toJson()).getObject("chart").getString("type"))
                .isEqualTo("bar");
        assertThat(Json.parse(ApexOptions.line().series("tx", List.of()).toJson()).getObject("chart").getString("type"))
                .isEqualTo("line");
    }

    @Test
    void kindsRefuseOptionsThatDoNotFitThem() {
        assertThatThrownBy(() -> ApexOptions.donut().series("x", List.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ApexOptions.line().value("x", 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void textsWithQuotesStayInsideTheirJsonString() {
        JsonObject json = Json.parse(ApexOptions.line().title("a \"quoted\" </script> title").toJson());
        assertThat(json.getObject("title").getString("text")).isEqualTo("a \"quoted\" </script> title");
    }
}
