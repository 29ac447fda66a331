package io.miniman.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;

import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

class DashboardViewTest extends KaribuTest {

    @Test
    void showsTheRealHostAndTwoLiveCharts() throws Exception {
        login(Roles.VIEWER);
        UI.getCurrent().navigate(DashboardView.class);
        String hostname = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        assertThat(_find(Span.class).stream().map(Span::getText)).contains(hostname);
        assertThat(_get(ApexChart.class, spec -> spec.withId("cpu-chart")).getOptions().type())
                .isEqualTo(ApexOptions.Type.AREA);
        assertThat(_get(ApexChart.class, spec -> spec.withId("memory-chart"))).isNotNull();
    }
}
