package io.miniman.docker.container.ui;

import java.time.Duration;
import java.util.List;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import io.miniman.docker.DockerFailure;
import io.miniman.docker.container.ContainerActions;
import io.miniman.docker.container.SpecText;
import io.miniman.docker.container.TerminalSession;
import io.miniman.docker.ui.UiUpdates;
import io.miniman.ui.terminal.XtermTerminal;

/** An interactive shell in the container (exec with a TTY), and "run a command once". */
class ConsoleTab extends VerticalLayout {

    private static final Duration ONCE_TIMEOUT = Duration.ofSeconds(60);

    private final ContainerActions actions;
    private final String containerId;
    private final String containerName;

    final ComboBox<String> shell = new ComboBox<>("Shell");
    final Button connect = new Button("Connect");
    final Button disconnect = new Button("Disconnect");
    final Span state = new Span("Not connected");
    final XtermTerminal terminal = new XtermTerminal();
    final TextField command = new TextField("Run once");
    final Button runOnce = new Button("Run");
    final Span exitCode = new Span();
    final Pre output = new Pre();
    private TerminalSession session;
    private int columns = 80;
    private int rows = 24;

    ConsoleTab(ContainerActions actions, String containerId, String containerName) {
        this.actions = actions;
        this.containerId = containerId;
        this.containerName = containerName;
        setPadding(false);
        setWidthFull();

        shell.setItems("/bin/sh", "/bin/bash", "/bin/ash");
        shell.setAllowCustomValue(true);
        shell.addCustomValueSetListener(e -> shell.setValue(e.getDetail()));
        shell.setValue("/bin/sh");
        connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        connect.addClickListener(click -> open());
        disconnect.addClickListener(click -> close());
        disconnect.setEnabled(false);
        terminal.addInputListener(keys -> {
            if (session != null) {
                session.write(keys);
            }
        });
        terminal.addResizeListener((cols, lines) -> {
            columns = cols;
            rows = lines;
            if (session != null) {
                try {
                    session.resize(cols, lines);
                } catch (DockerFailure e) {
                    state.setText(e.getMessage());
                }
            }
        });
        FlexLayout bar = new FlexLayout(shell, connect, disconnect, state);
        bar.setAlignItems(Alignment.BASELINE);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.getStyle().set("gap", "var(--lumo-space-s)");

        command.setPlaceholder("e.g. ls -l /");
        command.setWidth("min(30rem, 100%)");
        runOnce.addClickListener(click -> runOnce());
        FlexLayout once = new FlexLayout(command, runOnce, exitCode);
        once.setAlignItems(Alignment.BASELINE);
        once.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        once.getStyle().set("gap", "var(--lumo-space-s)");
        output.getStyle().set("max-height", "20rem").set("overflow", "auto").set("width", "100%");

        add(bar, terminal, new H4("Run a command once"), once, output);
    }

    void open() {
        close();
        UI ui = UI.getCurrent();
        terminal.clear();
        try {
            session = actions.terminal(containerId, containerName, List.of(shell.getValue()), columns, rows,
                    text -> ui.access(() -> terminal.write(text)),
                    () -> ui.access(this::ended));
            state.setText("Connected: " + shell.getValue());
            connect.setEnabled(false);
            disconnect.setEnabled(true);
            terminal.focusTerminal();
        } catch (DockerFailure e) {
            state.setText(e.getMessage());
        }
    }

    private void ended() {
        session = null;
        state.setText("Session ended");
        connect.setEnabled(true);
        disconnect.setEnabled(false);
    }

    void close() {
        if (session != null) {
            TerminalSession closing = session;
            session = null;
            closing.close();
            ended();
        }
    }

    /** For tests and the terminal's own input: what a key press sends. */
    void type(String keys) {
        if (session != null) {
            session.write(keys);
        }
    }

    void runOnce() {
        List<String> argv;
        try {
            argv = SpecText.arguments(command.getValue());
        } catch (IllegalArgumentException e) {
            exitCode.setText(e.getMessage());
            return;
        }
        if (argv.isEmpty()) {
            exitCode.setText("Type a command first");
            return;
        }
        UI ui = UI.getCurrent();
        runOnce.setEnabled(false);
        exitCode.setText("Running…");
        actions.execOnce(containerId, containerName, argv, ONCE_TIMEOUT).completion().thenAccept(outcome -> UiUpdates.run(ui, () -> {
            runOnce.setEnabled(true);
            if (outcome.result() != null) {
                exitCode.setText("exit code " + outcome.result().exitCode());
                output.setText(outcome.result().output() + (outcome.result().truncated() ? "\n[output cut]" : ""));
            } else {
                exitCode.setText(outcome.update().errorMessage());
                output.setText("");
            }
        }));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        close();
        super.onDetach(detach);
    }
}
