package io.miniman.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;

import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

class SmokeTest extends KaribuTest {

    @Test
    void dashboardShowsTheHostName() {
        login(Roles.VIEWER);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_get(DashboardView.class)).isNotNull();
    }
}
