package io.miniman.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;

import io.miniman.security.Roles;
import io.miniman.security.ui.UsersView;
import io.miniman.testsupport.KaribuTest;

class MenuPerRoleTest extends KaribuTest {

    @Test
    void anAdminSeesUsersAndOperations() {
        login(Roles.ADMIN);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(menuLabels()).contains("Dashboard", "Operations", "Users", "Logs");
    }

    @Test
    void aViewerSeesNoUsersMenu() {
        login(Roles.VIEWER);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(menuLabels()).contains("Dashboard", "Operations").doesNotContain("Users");
    }

    @Test
    void anOperatorSeesNoUsersMenu() {
        login(Roles.OPERATOR);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(menuLabels()).contains("Dashboard").doesNotContain("Users");
    }

    @Test
    void aViewerCannotOpenTheUsersView() {
        login(Roles.VIEWER);
        // Karibu reports Vaadin's access denial as an exception where a browser would see the denied page
        assertThatThrownBy(() -> UI.getCurrent().navigate(UsersView.class))
                .hasRootCauseInstanceOf(com.vaadin.flow.router.AccessDeniedException.class);
        assertThat(_find(UsersView.class)).isEmpty();
    }

    @Test
    void anAdminCanOpenTheUsersView() {
        login(Roles.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        assertThat(_get(UsersView.class)).isNotNull();
    }

    private static List<String> menuLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
