package io.miniman.ui;

import io.miniman.Subscription;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

import io.miniman.operation.OperationEvents;
import io.miniman.operation.OperationService;
import io.miniman.operation.alert.InAppAlerts;
import io.miniman.operation.alert.ui.AlertBell;
import io.miniman.operation.OperationStatus;
import io.miniman.security.CurrentUser;
import io.miniman.security.ThemeChoice;
import io.miniman.security.UserService;

/**
 * The shell: a drawer with the side nav grouped by feature (the first segment of each route), and a
 * header with the live count of running operations, a marker for failures not seen yet and the user menu.
 * Menu entries come from {@code @Menu} on the views and are already filtered by the user's roles.
 */
@PermitAll
public class MainLayout extends AppLayout {

    static final Map<String, String> SECTIONS = sections();
    static final Map<ThemeChoice, String> THEME_LABELS = Map.of(ThemeChoice.LIGHT, "Light", ThemeChoice.DARK, "Dark",
            ThemeChoice.SYSTEM, "System");

    private final OperationService operations;
    private final OperationEvents events;
    private final UserService users;
    private final Span running = StatusBadge.of("", "contrast pill");
    private final Button failures = new Button(new Icon(VaadinIcon.WARNING));

    public MainLayout(OperationService operations, OperationEvents events, UserService users,
            AuthenticationContext authentication, InAppAlerts alerts) {
        this.operations = operations;
        this.events = events;
        this.users = users;
        setPrimarySection(Section.DRAWER);

        H1 title = new H1("Mini Manager");
        title.addClassName("miniman-title");
        running.setId("running-operations");
        running.getElement().setAttribute("title", "Operations running now");
        failures.setId("unseen-failures");
        failures.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        failures.getElement().setAttribute("aria-label", "Failed operations you have not seen");
        failures.addClickListener(click -> UI.getCurrent().navigate("operations"));

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, running, failures,
                new AlertBell(alerts), userMenu(authentication));
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.setWidthFull();
        header.addClassName("miniman-header");
        addToNavbar(header);

        Scroller nav = new Scroller(buildNav());
        addToDrawer(nav);
        LiveUpdates.whileAttached(this, this::follow);
    }

    private static Map<String, String> sections() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("network", "Network");
        map.put("system", "System");
        map.put("docker", "Docker");
        map.put("operations", "Logs");
        map.put("users", "Users");
        map.put("extensions", "Extensions");
        return map;
    }

    static String sectionOf(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        String first = trimmed.contains("/") ? trimmed.substring(0, trimmed.indexOf('/')) : trimmed;
        return SECTIONS.getOrDefault(first, "");
    }

    private SideNav buildNav() {
        SideNav nav = new SideNav();
        Map<String, SideNavItem> groups = new LinkedHashMap<>();
        List<MenuEntry> entries = MenuConfiguration.getMenuEntries();
        for (MenuEntry entry : entries) {
            SideNavItem item = entry.icon() == null ? new SideNavItem(entry.title(), entry.path())
                    : new SideNavItem(entry.title(), entry.path(), iconOf(entry.icon()));
            String section = sectionOf(entry.path());
            if (section.isEmpty()) {
                nav.addItem(item);
            } else {
                groups.computeIfAbsent(section, name -> {
                    SideNavItem group = new SideNavItem(name);
                    group.setExpanded(true);
                    nav.addItem(group);
                    return group;
                }).addItem(item);
            }
        }
        return nav;
    }

    private static Icon iconOf(String name) {
        String[] parts = name.split(":");
        return parts.length == 2 ? new Icon(parts[0], parts[1]) : new Icon(name);
    }

    private MenuBar userMenu(AuthenticationContext authentication) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        String name = CurrentUser.name().orElse("?");
        Avatar avatar = new Avatar(name);
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        SubMenu sub = menu.addItem(avatar).getSubMenu();
        sub.addItem(name + (CurrentUser.hasRole("ADMIN") ? " (admin)" : "")).setEnabled(false);
        sub.addItem("Change password", click -> UI.getCurrent().navigate("change-password"));
        themeMenu(sub.addItem("Theme").getSubMenu());
        sub.addItem("Log out", click -> authentication.logout());
        return menu;
    }

    private void themeMenu(SubMenu menu) {
        ThemeChoice current = users.themeOf(CurrentUser.name().orElse(null));
        Map<ThemeChoice, MenuItem> items = new EnumMap<>(ThemeChoice.class);
        for (ThemeChoice choice : ThemeChoice.values()) {
            MenuItem item = menu.addItem(THEME_LABELS.get(choice), click -> {
                users.chooseTheme(choice);
                items.forEach((other, otherItem) -> otherItem.setChecked(other == choice));
                UI.getCurrent().getPage().executeJs("window.minimanTheme($0)", choice.name());
            });
            item.setCheckable(true);
            item.setChecked(choice == current);
            items.put(choice, item);
        }
    }

    private Subscription follow(UI ui) {
        String user = CurrentUser.name().orElse(null);
        refreshIndicators(user);
        return events.subscribe(update -> {
            // progress lines do not change the counts; only a transition does
            if (update.status() != OperationStatus.RUNNING || update.details() == null) {
                ui.access(() -> refreshIndicators(user));
            }
        });
    }

    void refreshIndicators(String user) {
        int active = operations.activeCount();
        running.setText(active + " running");
        running.setVisible(active > 0);
        long unseen = user == null ? 0
                : users.operationsSeenAt(user).map(operations::failuresSince).orElse(0L);
        failures.setText(unseen > 0 ? String.valueOf(unseen) : "");
        failures.setVisible(unseen > 0);
    }
}
