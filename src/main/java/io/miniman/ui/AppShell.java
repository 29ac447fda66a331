package io.miniman.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.server.LoadDependenciesOnStartup;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;

import io.miniman.security.CurrentUser;
import io.miniman.security.ThemeChoice;
import io.miniman.security.UserService;
import io.miniman.security.ui.LoginView;

/**
 * Push is on for the whole console: operations, charts and grids update live over one WebSocket.
 * Only the login page's components are in the bundle every first visit loads; without the annotation Vaadin
 * also puts the root route's there, so the login page downloaded the dashboard's ApexCharts (165 kB gzipped).
 * Installable from the phone's browser ("Add to Home Screen" opens it full-screen); the service worker
 * ({@code frontend/sw.ts}) keeps only the offline page and the icons, never the console's pages.
 * Every page is painted in the user's colour scheme from its first frame: the choice is written into the
 * page's head, before Lumo's styles apply.
 * The viewport has no fixed height and lets the on-screen keyboard shrink the page
 * (interactive-widget), so the field being typed scrolls above the keyboard instead of under it.
 */
@LoadDependenciesOnStartup(LoginView.class)
@Push
@Viewport("width=device-width, initial-scale=1, viewport-fit=cover, interactive-widget=resizes-content")
@Theme("miniman")
@PWA(name = "Mini Manager", shortName = "miniman", description = "The admin console of the miniman WiFi box",
        themeColor = AppShell.THEME_COLOR, backgroundColor = "#ffffff", display = "standalone",
        iconPath = "icons/icon.png", offlinePath = "offline.html", offlineResources = {})
public class AppShell implements AppShellConfigurator {

    static final String THEME_COLOR = "#1a5fb4";

    private final UserService users;

    public AppShell(UserService users) {
        this.users = users;
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addInlineWithContents(Inline.Position.PREPEND, themeScript(users.themeOf(CurrentUser.name().orElse(null))),
                Inline.Wrapping.JAVASCRIPT);
    }

    /**
     * Defines {@code window.minimanTheme(choice)} (MainLayout calls it when the user picks another scheme)
     * and applies the user's choice now; with SYSTEM it also follows the phone when it switches at dusk.
     */
    static String themeScript(ThemeChoice choice) {
        return """
                (function () {
                  var choice = '%s';
                  var system = window.matchMedia('(prefers-color-scheme: dark)');
                  function apply() {
                    var dark = choice === 'DARK' || (choice === 'SYSTEM' && system.matches);
                    if (dark) { document.documentElement.setAttribute('theme', 'dark'); }
                    else { document.documentElement.removeAttribute('theme'); }
                  }
                  window.minimanTheme = function (next) { choice = next; apply(); };
                  system.addEventListener('change', apply);
                  apply();
                })();""".formatted(choice.name());
    }
}
