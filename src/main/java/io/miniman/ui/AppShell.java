package io.miniman.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.LoadDependenciesOnStartup;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;

import io.miniman.security.ui.LoginView;

/**
 * Push is on for the whole console: operations, charts and grids update live over one WebSocket.
 * Only the login page's components are in the bundle every first visit loads; without the annotation Vaadin
 * also puts the root route's there, so the login page downloaded the dashboard's ApexCharts (165 kB gzipped).
 */
@LoadDependenciesOnStartup(LoginView.class)
@Push
@Theme("miniman")
@PWA(name = "Mini Manager", shortName = "Miniman", offlineResources = {})
public class AppShell implements AppShellConfigurator {
}
