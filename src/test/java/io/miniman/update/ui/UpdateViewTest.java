package io.miniman.update.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;

import io.miniman.docker.ui.DockerKaribu;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;
import io.miniman.update.UpdateActions;

class UpdateViewTest extends KaribuTest {

    @Autowired
    UpdateActions actions;

    @AfterEach
    void forgetTheUpload() {
        login(Roles.ADMIN);
        actions.discard();
    }

    @Test
    void theUpdatePageWaitsForBothFilesBeforeItInstalls() {
        login(Roles.ADMIN);
        UI.getCurrent().navigate(UpdateView.class);
        UpdateView view = _get(UpdateView.class);
        assertThat(view.install.isEnabled()).isFalse();
        assertThat(view.staged.getText()).contains("Jar: not uploaded");
    }

    /** A refused release stays on the page with the reason; only a handed-over one goes to the waiting page. */
    @Test
    void anUploadShowsItsVersionAndARefusalStaysOnThePage() throws IOException {
        login(Roles.ADMIN);
        byte[] jar = consoleJar("9.1.0");
        actions.receive("miniman-9.1.0.jar", jar.length, new ByteArrayInputStream(jar));
        actions.receive("miniman-9.1.0.jar.sha256", 64, new ByteArrayInputStream("0".repeat(64).getBytes(StandardCharsets.US_ASCII)));
        UI.getCurrent().navigate(UpdateView.class);
        UpdateView view = _get(UpdateView.class);
        assertThat(view.staged.getText()).startsWith("Jar: miniman-9.1.0.jar (version 9.1.0) · checksum: 000000000000…");
        assertThat(view.install.isEnabled()).isTrue();

        _click(view.install);
        DockerKaribu.until(() -> view.steps.getText().contains("Refused: "), Duration.ofSeconds(30), "the refusal");
        assertThat(view.steps.getText()).contains("1/5 checksum of miniman-9.1.0.jar", "the checksum does not match");
        assertThat(currentView()).isInstanceOf(UpdateView.class);
        assertThat(view.staged.getText()).as("the files are used up").contains("Jar: not uploaded");
    }

    @Test
    void anOperatorCannotOpenIt() {
        login(Roles.OPERATOR);
        assertThatThrownBy(() -> UI.getCurrent().navigate(UpdateView.class))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
    }

    /** The smallest jar the console reads a version from: a Spring Boot jar's build-info and nothing else. */
    private static byte[] consoleJar(String version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            out.putNextEntry(new JarEntry("META-INF/build-info.properties"));
            out.write(("build.version=" + version + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
