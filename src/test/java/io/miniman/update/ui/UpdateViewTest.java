package io.miniman.update.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;

import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

class UpdateViewTest extends KaribuTest {

    @Test
    void theUpdatePageWaitsForBothFilesBeforeItInstalls() {
        login(Roles.ADMIN);
        UI.getCurrent().navigate(UpdateView.class);
        UpdateView view = _get(UpdateView.class);
        assertThat(view.install.isEnabled()).isFalse();
        assertThat(view.staged.getText()).contains("Jar: not uploaded");
        assertThat(view.waiting.isVisible()).isFalse();
    }

    @Test
    void anOperatorCannotOpenIt() {
        login(Roles.OPERATOR);
        assertThatThrownBy(() -> UI.getCurrent().navigate(UpdateView.class))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
    }
}
