package io.miniman.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

class DashboardViewTest extends KaribuTest {

    /** The host's figures, and the history one tap away in the app's router rather than drawn here. */
    @Test
    void showsTheRealHostAndLinksItsHistory() throws Exception {
        login(Roles.VIEWER);
        UI.getCurrent().navigate(DashboardView.class);
        String hostname = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        assertThat(_find(Span.class).stream().map(Span::getText)).contains(hostname);
        assertThat(_find(Div.class, spec -> spec.withId(DashboardView.FIGURES_ID)).get(0).getChildren()).hasSize(6);
        assertThat(_find(ApexChart.class)).isEmpty();
        Anchor history = _get(Anchor.class, spec -> spec.withText("Resource history"));
        assertThat(history.getHref()).isEqualTo(ResourcesView.ROUTE);
        assertThat(history.getElement().hasAttribute("router-link")).isTrue();
        UI.getCurrent().navigate(history.getHref());
        assertThat(_find(ApexChart.class, spec -> spec.withId("memory-chart"))).hasSize(1);
    }
}
