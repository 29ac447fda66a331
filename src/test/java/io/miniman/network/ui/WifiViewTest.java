package io.miniman.network.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import io.miniman.host.HostFiles;
import io.miniman.network.apply.ApplyState;
import io.miniman.network.apply.ApplyState.Phase;
import io.miniman.network.apply.ApplyWithRollback;
import io.miniman.network.apply.HandEdits;
import io.miniman.network.render.ManagedFile;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.store.NetworkSettingsStore;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class WifiViewTest extends KaribuTest {

    @Autowired
    NetworkSettingsStore store;
    @Autowired
    ApplyWithRollback apply;
    @Autowired
    HostFiles hostFiles;
    @Autowired
    HandEdits handEdits;

    private NetworkSettings original;

    @BeforeEach
    void remember() {
        original = store.current();
    }

    @AfterEach
    void restore() {
        store.save(original);
    }

    private WifiView openAs(String role) {
        login(role);
        UI.getCurrent().navigate(WifiView.class);
        return _get(WifiView.class);
    }

    /** The apply thread reports through ui.access; wait (bounded) for the phase, then run the UI queue. */
    private ApplyState awaitPhase(Phase phase) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Optional<ApplyState> state = apply.state();
            if (state.isPresent() && state.get().phase() == phase) {
                runUiQueue();
                return state.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + phase + ", last state " + apply.state());
    }

    private String dialogText() {
        return _get(Dialog.class).getElement().getOuterHTML() + _find(Paragraph.class).stream()
                .map(Paragraph::getText).reduce("", String::concat);
    }

    @Test
    void viewersSeeTheSettingsButNeitherThePassphraseNorTheApplyButton() {
        WifiView view = openAs(Roles.VIEWER);
        assertThat(view.ssid.getValue()).isEqualTo(original.wifi().ssid());
        assertThat(view.passphrase.getValue()).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Review and apply…"))).isEmpty();
        assertThat(_find(Image.class)).isEmpty();
    }

    @Test
    void anInvalidSsidIsAFieldErrorAndNothingIsWritten() {
        WifiView view = openAs(Roles.ADMIN);
        view.ssid.setValue("x".repeat(33));
        view.passphrase.setValue("short");
        _click(view.review);

        assertThat(view.ssid.isInvalid()).isTrue();
        assertThat(view.ssid.getErrorMessage()).contains("32 bytes");
        assertThat(view.passphrase.isInvalid()).isTrue();
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(hostFiles.exists(ManagedFile.HOSTAPD.devicePath())
                && new String(hostFiles.read(ManagedFile.HOSTAPD.devicePath()).orElseThrow()).contains("x".repeat(33)))
                .isFalse();
    }

    @Test
    void applyThenKeep() throws Exception {
        WifiView view = openAs(Roles.ADMIN);
        assertThat(_find(Image.class)).hasSize(1);
        view.ssid.setValue("kept-by-karibu");
        _click(view.review);
        assertThat(_find(Pre.class).stream().map(Pre::getText)).anyMatch(diff -> diff.contains("+ ssid=kept-by-karibu"));

        _click(_get(Button.class, spec -> spec.withText("Apply")));
        awaitPhase(Phase.AWAITING_CONFIRMATION);
        assertThat(_get(Dialog.class).getHeaderTitle()).isEqualTo("Keep these settings?");

        _click(_get(Button.class, spec -> spec.withText("Keep")));
        awaitPhase(Phase.CONFIRMED);
        assertThat(_get(Dialog.class).getHeaderTitle()).isEqualTo("Settings kept");
        assertThat(store.current().wifi().ssid()).isEqualTo("kept-by-karibu");
        assertThat(new String(hostFiles.read(ManagedFile.HOSTAPD.devicePath()).orElseThrow()))
                .contains("ssid=kept-by-karibu");
    }

    @Test
    void applyThenRevertShowsTheRollBack() throws Exception {
        WifiView view = openAs(Roles.ADMIN);
        view.ssid.setValue("reverted-by-karibu");
        _click(view.review);
        _click(_get(Button.class, spec -> spec.withText("Apply")));
        awaitPhase(Phase.AWAITING_CONFIRMATION);

        _click(_get(Button.class, spec -> spec.withText("Revert now")));
        awaitPhase(Phase.ROLLED_BACK);

        assertThat(_get(Dialog.class).getHeaderTitle()).isEqualTo("Rolled back");
        assertThat(dialogText()).contains("previous files were put back");
        assertThat(store.current().wifi().ssid()).isEqualTo(original.wifi().ssid());
        assertThat(hostFiles.read(ManagedFile.HOSTAPD.devicePath()).map(String::new).orElse(""))
                .doesNotContain("reverted-by-karibu");
    }

    @Test
    void viewersGetNoHandEditCheckAndTheServiceRefusesThem() {
        openAs(Roles.VIEWER);
        assertThat(_find(DriftNotice.class)).isEmpty();
        assertThatThrownBy(() -> handEdits.report()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> handEdits.checkAgain()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aHandEditShowsAfterCheckAgainNotOnEveryPageOpen() {
        String deny = ManagedFile.HOSTAPD_DENY.devicePath();
        byte[] asWritten = "# as written\n".getBytes(StandardCharsets.UTF_8);
        hostFiles.writeAtomically(deny, asWritten, "rw-r--r--");
        store.recordWritten(deny, "# as written\n");
        openAs(Roles.ADMIN);
        _click(_get(DriftNotice.class).checkAgain);
        assertThat(_get(DriftNotice.class).getElement().getTextRecursively()).doesNotContain(deny);

        hostFiles.writeAtomically(deny, "# edited by hand\n".getBytes(StandardCharsets.UTF_8), "rw-r--r--");
        try {
            UI.getCurrent().navigate(LanView.class);
            UI.getCurrent().navigate(WifiView.class);
            assertThat(_get(DriftNotice.class).getElement().getTextRecursively())
                    .as("a page open shows the last check").doesNotContain(deny);

            _click(_get(DriftNotice.class).checkAgain);
            assertThat(_get(DriftNotice.class).getElement().getTextRecursively()).contains("edited by hand", deny);
        } finally {
            hostFiles.writeAtomically(deny, asWritten, "rw-r--r--");
        }
    }
}
