package io.miniman.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;

/** The ⋮ menu at the end of a grid row, in the column keyed {@link PhoneRows#ACTIONS} so it stays on a phone. */
public final class RowMenu {

    private RowMenu() {
    }

    /** {@code subject} names the menu for screen readers; {@code items} adds what the user's role allows. */
    public static MenuBar of(String subject, Consumer<SubMenu> items) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        MenuItem root = menu.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
        root.setAriaLabel("Actions for " + subject);
        items.accept(root.getSubMenu());
        return menu;
    }
}
