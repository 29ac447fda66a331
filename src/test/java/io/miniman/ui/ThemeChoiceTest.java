package io.miniman.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.menubar.MenuBar;

import io.miniman.security.PasswordChange;
import io.miniman.security.Role;
import io.miniman.security.Roles;
import io.miniman.security.ThemeChoice;
import io.miniman.security.UserService;
import io.miniman.testsupport.KaribuTest;

/**
 * Light / Dark / System in the user menu: stored for the user and painted by their next page load
 * (PhoneRoutesBrowserIT sees it applied at once in a browser).
 */
class ThemeChoiceTest extends KaribuTest {

    @Autowired
    UserService users;

    @Test
    void aUserFollowsTheDeviceUntilChoosingDarkWhichIsKeptForTheirNextPage() {
        String name = "theme-" + System.nanoTime() % 100000;
        login(Roles.ADMIN);
        users.create(name, Role.VIEWER, "Viewer-pass-1234");
        login(name, Roles.VIEWER);
        // past the forced first change, which shows no layout
        users.changeOwnPassword(new PasswordChange("Viewer-pass-1234", "Viewer-pass-5678", "Viewer-pass-5678"));
        UI.getCurrent().navigate(DashboardView.class);

        assertThat(users.themeOf(name)).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(checked()).containsEntry("System", true).containsEntry("Dark", false).containsEntry("Light", false);
        assertThat(AppShell.themeScript(users.themeOf(name))).contains("var choice = 'SYSTEM'", "prefers-color-scheme: dark");

        ContextMenuKt._clickItemWithCaption(userMenu(), "Dark");

        assertThat(users.themeOf(name)).isEqualTo(ThemeChoice.DARK);
        assertThat(checked()).containsEntry("Dark", true).containsEntry("System", false).containsEntry("Light", false);
        // the next page (any device) is painted dark from its first frame
        assertThat(AppShell.themeScript(users.themeOf(name))).contains("var choice = 'DARK'");
    }

    @Test
    void nobodySignedInFollowsTheDevice() {
        assertThat(users.themeOf(null)).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(users.themeOf("no-such-user")).isEqualTo(ThemeChoice.SYSTEM);
    }

    private static MenuBar userMenu() {
        return _find(MenuBar.class).stream().filter(menu -> themeItems(menu).size() == 3).findFirst().orElseThrow();
    }

    private static List<MenuItem> themeItems(MenuBar menu) {
        return menu.getItems().stream().flatMap(item -> item.getSubMenu().getItems().stream())
                .filter(item -> item.getText().equals("Theme"))
                .flatMap(theme -> theme.getSubMenu().getItems().stream()).toList();
    }

    private static Map<String, Boolean> checked() {
        return themeItems(userMenu()).stream().collect(Collectors.toMap(MenuItem::getText, MenuItem::isChecked));
    }
}
