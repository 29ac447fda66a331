package io.miniman.operation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;

import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;
import io.miniman.operation.dashboard.Period;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

/** The Logs dashboard follows the log live, switches periods and lists findings that an operator can dismiss. */
class LogsDashboardViewTest extends KaribuTest {

    @Autowired
    OperationService operations;

    private LogsDashboardView open(String role) {
        login(role);
        UI.getCurrent().navigate(LogsDashboardView.class);
        return _get(LogsDashboardView.class);
    }

    private static long leadingNumber(Span span) {
        return Long.parseLong(span.getText().split(" ")[0]);
    }

    private void fail(String name, String target) {
        operations.record(OperationType.SYSTEM, name, OperationTarget.of(OperationTarget.Kind.SETTINGS, target),
                OperationStatus.FAILED, null, "connection refused");
    }

    @Test
    void aNewFailureReachesTheOpenDashboardAndAViewerCannotDismiss() throws Exception {
        LogsDashboardView view = open(Roles.VIEWER);
        long failedBefore = leadingNumber(view.failed);
        String marker = "dash-" + System.nanoTime();

        for (int i = 0; i < 3; i++) {
            fail(marker, "svc-" + marker);
        }

        await(() -> leadingNumber(view.failed) == failedBefore + 3
                && _find(view.findings, Span.class).stream().anyMatch(s -> s.getText().startsWith(marker)));
        assertThat(view.causes.isVisible()).isTrue();
        assertThat(view.perBucket.getOptions().series()).isNotEmpty();
        assertThat(_find(view.findings, Button.class, spec -> spec.withText("Dismiss"))).isEmpty();
    }

    @Test
    void anOperatorDismissesAFindingAndThePeriodsSwitch() throws Exception {
        String marker = "dash-dismiss-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            fail(marker, "svc-" + marker);
        }
        LogsDashboardView view = open(Roles.OPERATOR);
        assertThat(_find(view.findings, Span.class).stream().filter(s -> s.getText().startsWith(marker))).hasSize(1);

        Button dismiss = _find(view.findings, Button.class, spec -> spec.withText("Dismiss")).stream()
                .filter(b -> b.getParent().orElseThrow().getElement().getTextRecursively().contains(marker)).findFirst()
                .orElseThrow();
        _click(dismiss);

        assertThat(_find(view.findings, Span.class).stream().filter(s -> s.getText().startsWith(marker))).isEmpty();
        view.periods.setSelectedIndex(2);
        assertThat(view.period()).isEqualTo(Period.MONTH);
        assertThat(view.perBucket.getOptions().toJson()).contains("Operations per day");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            runUiQueue();
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the dashboard never got there");
    }
}
