package io.miniman.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;

/**
 * A grid's phone layout. Narrower than {@link NarrowScreen#WIDTH}, the desktop columns give way to one
 * column: the row's name in full (it wraps, never ellipsized) and two or three facts under it; the row
 * menu (the column keyed {@link #ACTIONS}) stays, with the same items for the same roles. One
 * LitRenderer draws the column in the browser, so a phone row costs the server no component.
 *
 * <pre>PhoneRows.of(grid, "Name", VolumeSummary::name).fact(v -&gt; Formats.bytes(v.sizeBytes())).install();</pre>
 */
public final class PhoneRows<T> {

    public static final String KEY = "phone";
    public static final String ACTIONS = "actions";

    private final Grid<T> grid;
    private final String header;
    private final ValueProvider<T, String> name;
    private ValueProvider<T, String> href;
    private final List<ValueProvider<T, String>> texts = new ArrayList<>();
    private final List<ValueProvider<T, String>> themes = new ArrayList<>();
    private final Map<Grid.Column<T>, IntPredicate> desktopOnlyIf = new HashMap<>();
    private int width = Integer.MAX_VALUE;

    private PhoneRows(Grid<T> grid, String header, ValueProvider<T, String> name) {
        this.grid = grid;
        this.header = header;
        this.name = name;
    }

    /** {@code header} heads the phone column; {@code name} is the row's primary name, shown whole. */
    public static <T> PhoneRows<T> of(Grid<T> grid, String header, ValueProvider<T, String> name) {
        return new PhoneRows<>(grid, header, name);
    }

    /** The name links to the row's own page ({@code href} as {@code RouteConfiguration.getUrl} gives it). */
    public PhoneRows<T> link(ValueProvider<T, String> href) {
        this.href = href;
        return this;
    }

    /** A plain fact under the name (size, age, address); an empty one takes no room. */
    public PhoneRows<T> fact(ValueProvider<T, String> text) {
        return badge(text, null);
    }

    /** A state under the name as a Lumo badge, {@code theme} as in {@link StatusBadge} ("success", "error"...). */
    public PhoneRows<T> badge(ValueProvider<T, String> text, ValueProvider<T, String> theme) {
        texts.add(text);
        themes.add(theme);
        return this;
    }

    /** Desktop columns that also fold away on a window narrower than {@code minWidth} (a tablet held upright). */
    public PhoneRows<T> wideOnly(int minWidth, List<Grid.Column<T>> columns) {
        columns.forEach(column -> desktopOnlyIf.put(column, width -> width >= minWidth));
        return this;
    }

    /** A desktop column the view shows only at times ({@code shown}); the view calls {@link #relayout} when that changes. */
    public PhoneRows<T> showIf(Grid.Column<T> column, BooleanSupplier shown) {
        desktopOnlyIf.put(column, width -> shown.getAsBoolean());
        return this;
    }

    /**
     * Adds the phone column (hidden until the window is known to be narrow) and follows the window's width.
     * Call it after the desktop columns; only the row menu's column may come later.
     */
    public Grid.Column<T> install() {
        LitRenderer<T> renderer = LitRenderer.<T>of(template()).withProperty("name", name);
        if (href != null) {
            renderer.withProperty("href", href);
        }
        for (int i = 0; i < texts.size(); i++) {
            ValueProvider<T, String> text = texts.get(i);
            renderer.withProperty("f" + i, item -> orEmpty(text.apply(item)));
            ValueProvider<T, String> theme = themes.get(i);
            if (theme != null) {
                renderer.withProperty("t" + i, item -> orEmpty(theme.apply(item)));
            }
        }
        Grid.Column<T> column = grid.addColumn(renderer).setKey(KEY).setHeader(header).setFlexGrow(1).setWidth("8rem");
        ComponentUtil.setData(grid, PhoneRows.class, this);
        NarrowScreen.follow(grid, this::layoutFor);
        layoutFor(width);
        return column;
    }

    /** Shows the columns of {@code grid} that fit a window {@code width} pixels wide (tests call it as the browser would). */
    public static void layoutFor(Grid<?> grid, int width) {
        ((PhoneRows<?>) ComponentUtil.getData(grid, PhoneRows.class)).layoutFor(width);
    }

    /** Lays {@code grid} out again for the last width, after a {@link #showIf} condition changed. */
    public static void relayout(Grid<?> grid) {
        PhoneRows<?> rows = (PhoneRows<?>) ComponentUtil.getData(grid, PhoneRows.class);
        rows.layoutFor(rows.width);
    }

    private void layoutFor(int width) {
        this.width = width;
        boolean phone = width < NarrowScreen.WIDTH;
        for (Grid.Column<T> column : grid.getColumns()) {
            if (KEY.equals(column.getKey())) {
                column.setVisible(phone);
            } else if (!ACTIONS.equals(column.getKey())) {
                column.setVisible(!phone && desktopOnlyIf.getOrDefault(column, w -> true).test(width));
            }
        }
    }

    /** Lit escapes every bound value, so names and facts reach the page as text. */
    String template() {
        StringBuilder html = new StringBuilder("<div class=\"miniman-phone-row\">");
        html.append(href == null ? "<span class=\"miniman-phone-name\">${item.name}</span>"
                : "<a class=\"miniman-phone-name\" router-link href=\"${item.href}\">${item.name}</a>");
        html.append("<div class=\"miniman-phone-facts\">");
        for (int i = 0; i < texts.size(); i++) {
            String value = "${item.f" + i + "}";
            html.append(themes.get(i) == null ? "<span" : "<span theme=\"badge small ${item.t" + i + "}\"")
                    .append(" ?hidden=\"${!item.f").append(i).append("}\">").append(value).append("</span>");
        }
        return html.append("</div></div>").toString();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
