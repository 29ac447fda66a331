package io.miniman.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;

import io.miniman.config.MinimanProperties;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

class SmokeTest extends KaribuTest {

    @Autowired
    MinimanProperties properties;

    @Test
    void dashboardShowsTheHostName() throws Exception {
        String hostname = Files.readString(properties.host().proc().resolve("sys/kernel/hostname")).strip();
        assertThat(hostname).isNotBlank();
        login(Roles.VIEWER);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(currentView()).isInstanceOf(DashboardView.class);
        assertThat(_get(Span.class, spec -> spec.withText(hostname)).isVisible()).isTrue();
    }
}
