package org.example.hello;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import io.miniman.extension.BoxOperations;
import io.miniman.extension.ExtensionUser;
import io.miniman.extension.HostFigures;
import io.miniman.extension.LiveChart;

/** One page: the box's CPU, live, and a button that runs an operation and shows how it ends. */
@Route("hello")
@PageTitle("Hello · Mini Manager")
@Menu(title = "Hello", icon = "vaadin:smiley-o")
@RolesAllowed({ExtensionUser.ADMIN, ExtensionUser.OPERATOR, ExtensionUser.VIEWER})
public class HelloView extends VerticalLayout {

    final Span cpu = new Span("CPU: waiting for the first sample");
    final Button greet = new Button("Say hello");
    final Span outcome = new Span();

    public HelloView(HostFigures host, BoxOperations operations, Greetings greetings) {
        cpu.setId("hello-cpu");
        outcome.setId("hello-outcome");
        LiveChart chart = new LiveChart("CPU", "%", 60);
        host.follow(this, reading -> {
            if (reading.cpuPercent() >= 0) {
                cpu.setText(String.format("CPU: %.0f %% on %s", reading.cpuPercent(), reading.hostName()));
                chart.add(reading.at(), reading.cpuPercent());
            }
        });

        greet.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        greet.setVisible(ExtensionUser.mayChange());
        greet.addClickListener(click -> {
            greet.setEnabled(false);
            long id = greetings.greet(ExtensionUser.name().orElse("you"));
            operations.follow(this, id, state -> {
                outcome.setText(state.finished() ? (state.failed() ? "Failed: " + state.error() : state.result())
                        : "Running…");
                greet.setEnabled(state.finished());
            });
        });
        add(new H2("Hello"), cpu, chart, greet, outcome);
    }
}
