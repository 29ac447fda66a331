package io.miniman.docker.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;

import io.miniman.docker.security.DockerSecurityActions;
import io.miniman.docker.security.DockerSecurityPolicy;
import io.miniman.docker.security.DockerSecuritySettings;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

class DockerSecurityViewTest extends KaribuTest {

    @Autowired
    DockerSecurityPolicy policy;
    @Autowired
    DockerSecurityActions actions;

    @Test
    void anAdminNamesTheFoldersOperatorsMayBindAndABadOneIsMarkedBesideTheField() {
        login(Roles.ADMIN);
        UI.getCurrent().navigate(DockerSecurityView.class);
        DockerSecurityView view = _get(DockerSecurityView.class);
        try {
            view.bindFolders.setValue("/srv/shared\nrelative/path");
            _click(view.save);
            assertThat(view.bindFolders.isInvalid()).isTrue();
            assertThat(view.bindFolders.getErrorMessage()).contains("must be an absolute folder other than /");
            assertThat(policy.settings().bindFolders()).isEmpty();

            view.bindFolders.setValue("/srv/shared\n/srv/media\n");
            _click(view.save);
            assertThat(view.bindFolders.isInvalid()).isFalse();
            assertThat(policy.settings().bindFolders()).containsExactly("/srv/media", "/srv/shared");
        } finally {
            actions.save(DockerSecuritySettings.DEFAULTS);
        }
    }
}
