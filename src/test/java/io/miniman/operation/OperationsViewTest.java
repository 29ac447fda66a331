package io.miniman.operation;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;

import io.miniman.operation.ui.OperationsView;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

/** The grid follows an operation from running to completed without a reload. */
class OperationsViewTest extends KaribuTest {

    @Autowired
    OperationService operations;

    @Test
    void anOperationGoesFromRunningToCompletedInTheOpenGrid() throws Exception {
        login(Roles.VIEWER);
        UI.getCurrent().navigate(OperationsView.class);
        String marker = "live-op-" + System.nanoTime();
        _get(TextField.class, spec -> spec.withLabel("Search")).setValue(marker);
        @SuppressWarnings("unchecked")
        Grid<OperationUpdate> grid = _get(Grid.class);
        assertThat(_size(grid)).isZero();

        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OperationHandle handle = operations.submit(OperationType.SYSTEM, marker, OperationTarget.of(OperationTarget.Kind.SETTINGS, "svc"), ctx -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "done";
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        awaitRow(grid, "running");

        release.countDown();
        handle.completion().get(10, TimeUnit.SECONDS);
        awaitRow(grid, "completed");
    }

    /** Runs what push would deliver until the row shows the status (the transitions come from another thread). */
    private static void awaitRow(Grid<OperationUpdate> grid, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            runUiQueue();
            if (_size(grid) == 1 && grid.getDataProvider().fetch(new com.vaadin.flow.data.provider.Query<>())
                    .findFirst().map(op -> op.status().label().equals(status)).orElse(false)
                    && _getFormattedRow(grid, 0).toString().contains(status)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("grid never showed " + status + "; rows: " + _size(grid));
    }
}
