package io.miniman.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.data.renderer.LitRenderer;

import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

/** Karibu cannot measure layout: these check the structure a phone gets (the browser test checks the pixels). */
class PhoneRowsTest extends KaribuTest {

    record Box(String name, String state, long size, String note) {
    }

    static final String LONG = "spike-detector-for-the-greenhouse-sensors-with-a-name-longer-than-any-phone-is-wide";

    Grid<Box> grid;
    Grid.Column<Box> size;
    Grid.Column<Box> note;
    final AtomicBoolean noteShown = new AtomicBoolean(true);

    @BeforeEach
    void grid() {
        login(Roles.ADMIN);
        grid = new Grid<>();
        grid.addColumn(Box::name).setKey("name").setHeader("Name");
        grid.addColumn(Box::state).setKey("state").setHeader("State");
        size = grid.addColumn(b -> Formats.bytes(b.size())).setKey("size").setHeader("Size");
        note = grid.addColumn(Box::note).setKey("note").setHeader("Note");
        PhoneRows.of(grid, "Box", Box::name).badge(Box::state, b -> "running".equals(b.state()) ? "success" : "error")
                .fact(b -> Formats.bytes(b.size())).fact(Box::note).wideOnly(900, List.of(size)).showIf(note, noteShown::get).install();
        grid.addComponentColumn(b -> RowMenu.of(b.name(), items -> {
            items.addItem("Inspect");
            items.addItem("Remove");
        })).setKey(PhoneRows.ACTIONS);
        grid.setItems(new Box(LONG, "running", 3 * 1024 * 1024, ""), new Box("b", "exited", 0, "kept for the logs"));
        UI.getCurrent().add(grid);
    }

    private List<String> visibleKeys() {
        return grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey).toList();
    }

    @Test
    void aDesktopKeepsItsColumnsAndTheMenuAndHidesThePhoneColumn() {
        PhoneRows.layoutFor(grid, 1280);
        assertThat(visibleKeys()).containsExactly("name", "state", "size", "note", PhoneRows.ACTIONS);
    }

    @Test
    void aPhoneGetsOneColumnWithTheWholeNameAndItsFactsBesideTheRowMenu() {
        PhoneRows.layoutFor(grid, 360);
        assertThat(visibleKeys()).containsExactly(PhoneRows.KEY, PhoneRows.ACTIONS);

        List<String> first = GridKt._getFormattedRow(grid, 0);
        assertThat(first.get(0)).contains(LONG, "running", "3.0 MB").doesNotContain("…");
        assertThat(GridKt._getFormattedRow(grid, 1).get(0)).contains("b", "exited", "kept for the logs");

        // the row menu is the desktop's own column: the same items for the same user
        MenuBar menu = (MenuBar) GridKt._getCellComponent(grid, 0, PhoneRows.ACTIONS);
        assertThat(menu.getItems().get(0).getSubMenu().getItems()).extracting(i -> i.getText()).containsExactly("Inspect", "Remove");
        assertThat(menu.getItems().get(0).getElement().getAttribute("aria-label")).isEqualTo("Actions for " + LONG);
    }

    @Test
    void theNameWrapsInItsOwnLineAndBadgesCarryTheirTheme() {
        @SuppressWarnings("unchecked")
        LitRenderer<Box> renderer = (LitRenderer<Box>) grid.getColumnByKey(PhoneRows.KEY).getRenderer();
        String template = ((PhoneRows<?>) ComponentUtil.getData(grid, PhoneRows.class)).template();
        assertThat(template).contains("<span class=\"miniman-phone-name\">${item.name}</span>",
                "theme=\"badge small ${item.t0}\"", "?hidden=\"${!item.f2}\"");
        assertThat(renderer.getValueProviders().get("t0").apply(grid.getListDataView().getItem(1))).isEqualTo("error");
    }

    @Test
    void aTabletHidesTheWideOnlyColumnsAndAConditionalColumnFollowsItsCondition() {
        PhoneRows.layoutFor(grid, 800);
        assertThat(visibleKeys()).containsExactly("name", "state", "note", PhoneRows.ACTIONS);

        noteShown.set(false);
        PhoneRows.relayout(grid);
        assertThat(visibleKeys()).containsExactly("name", "state", PhoneRows.ACTIONS);

        PhoneRows.layoutFor(grid, 360);
        assertThat(visibleKeys()).containsExactly(PhoneRows.KEY, PhoneRows.ACTIONS);
    }
}
