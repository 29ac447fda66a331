package io.miniman.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;

/** Push is on for the whole console: operations, charts and grids update live over one WebSocket. */
@Push
@Theme("miniman")
@PWA(name = "Mini Manager", shortName = "Miniman", offlineResources = {})
public class AppShell implements AppShellConfigurator {
}
