package io.miniman.network.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.miniman.network.diag.DiagnosticKind;
import io.miniman.network.diag.DiagnosticRequest;
import io.miniman.network.diag.DiagnosticsService;
import io.miniman.operation.OperationStatus;
import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;
import io.miniman.ui.FieldErrors;
import io.miniman.ui.MainLayout;
import io.miniman.ui.log.LogViewer;
import io.miniman.ui.log.ViewerLine;
import io.miniman.ui.FormColumns;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;

/** Ping, traceroute, DNS lookup and a port check; the output appears line by line as it comes. */
@Route(value = "network/diagnostics", layout = MainLayout.class)
@PageTitle("Diagnostics · Mini Manager")
@Menu(title = "Diagnostics", order = 24, icon = "vaadin:stethoscope")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class DiagnosticsView extends VerticalLayout {

    private final DiagnosticsService diagnostics;
    final Select<DiagnosticKind> kind = new Select<>();
    final TextField target = new TextField("Host name or address");
    final IntegerField port = new IntegerField("Port");
    final Button run = new Button("Run");
    final LogViewer output = new LogViewer();
    private final FieldErrors errors = new FieldErrors();

    public DiagnosticsView(DiagnosticsService diagnostics) {
        this.diagnostics = diagnostics;
        kind.setLabel("Test");
        kind.setItems(DiagnosticKind.values());
        kind.setItemLabelGenerator(DiagnosticKind::label);
        kind.setValue(DiagnosticKind.PING);
        port.setValue(80);
        port.setVisible(false);
        kind.addValueChangeListener(event -> port.setVisible(event.getValue() == DiagnosticKind.TCP_PORT));
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(click -> start());
        run.setEnabled(CurrentUser.hasAnyRole(Roles.ADMIN, Roles.OPERATOR));
        FormLayout form = new FormLayout(kind, target, port);
        FormColumns.wide(form, 3);
        output.setHeight("50vh");
        errors.bind("kind", kind).bind("target", target).bind("port", port);
        add(new H2("Diagnostics"), form, run, output);
    }

    void start() {
        UI ui = UI.getCurrent();
        errors.clear();
        output.clear();
        try {
            run.setEnabled(false);
            // the viewer takes lines from any thread and drops them once it is off screen
            diagnostics.run(new DiagnosticRequest(kind.getValue(), target.getValue().strip(), port.getValue()),
                            line -> output.append(ViewerLine.out(line)))
                    .completion().thenAccept(ui.accessLater(done -> {
                        append(done.status() == OperationStatus.COMPLETED ? "— done" : "— failed: " + done.errorMessage());
                        run.setEnabled(true);
                    }, null));
        } catch (ConstraintViolationException e) {
            run.setEnabled(true);
            errors.show(e).forEach(this::append);
        }
    }

    private void append(String line) {
        output.append(ViewerLine.out(line));
    }
}
