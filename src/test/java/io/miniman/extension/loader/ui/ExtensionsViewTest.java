package io.miniman.extension.loader.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;

import io.miniman.extension.loader.ExtensionProblem;
import io.miniman.extension.loader.Extensions;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

class ExtensionsViewTest extends KaribuTest {

    @Test
    void theAdminsExtensionsPageListsWhatLoadedAndWhatWasSkipped() {
        login(Roles.ADMIN);

        UI.getCurrent().navigate(ExtensionsView.class);

        ExtensionsView view = _get(ExtensionsView.class);
        List<Extensions.Loaded> loaded = view.loaded.getGenericDataView().getItems().toList();
        assertThat(loaded).extracting(l -> l.descriptor().name()).containsExactly("fixture");
        assertThat(view.skipped.getGenericDataView().getItems().map(ExtensionProblem::source).toList())
                .anyMatch(source -> source.endsWith("(com.example.fixture.UndeclaredPage)"));
    }

    @Test
    void anOperatorCannotOpenIt() {
        login(Roles.OPERATOR);

        assertThatThrownBy(() -> UI.getCurrent().navigate(ExtensionsView.class))
                .hasRootCauseInstanceOf(com.vaadin.flow.router.AccessDeniedException.class);
    }
}
