package io.miniman.ui;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;

/** Grid columns that fold away on a phone (narrower than {@link #WIDTH} pixels, or a width of the grid's own) and come back on a wider window. */
public final class NarrowScreen {

    public static final int WIDTH = 600;

    private NarrowScreen() {
    }

    public static void hideColumns(Grid<?> grid, List<? extends Grid.Column<?>> columns) {
        hideColumns(grid, columns, WIDTH);
    }

    /** For a grid with many columns, which needs more than a phone's width to show them all. */
    public static void hideColumns(Grid<?> grid, List<? extends Grid.Column<?>> columns, int minWidth) {
        grid.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.getPage().retrieveExtendedClientDetails(details -> show(columns, details.getWindowInnerWidth(), minWidth));
            // the page outlives the grid: its listener must not keep the grid alive
            Registration resize = ui.getPage().addBrowserWindowResizeListener(event -> show(columns, event.getWidth(), minWidth));
            Registration[] detach = new Registration[1];
            detach[0] = grid.addDetachListener(event -> {
                resize.remove();
                detach[0].remove();
            });
        });
    }

    static void show(List<? extends Grid.Column<?>> columns, int width, int minWidth) {
        columns.forEach(column -> column.setVisible(width >= minWidth));
    }
}
