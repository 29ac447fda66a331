package io.miniman.operation.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.router.QueryParameters;

import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;
import io.miniman.operation.OperationUpdate;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

/** The live log: new rows without reload, filters, pause, the timeline and a details dialog that follows its operation. */
class OperationsLiveViewTest extends KaribuTest {

    @Autowired
    OperationService operations;

    private OperationsView open(String marker) {
        login(Roles.VIEWER);
        UI.getCurrent().navigate(OperationsView.class);
        OperationsView view = _get(OperationsView.class);
        view.filters.text.setValue(marker);
        return view;
    }

    private OperationUpdate record(String name, String target, OperationStatus status) {
        return operations.record(OperationType.SYSTEM, name, OperationTarget.of(OperationTarget.Kind.SETTINGS, target), status,
                status == OperationStatus.COMPLETED ? "ok" : null, status == OperationStatus.FAILED ? "broke" : null);
    }

    @SuppressWarnings("unchecked")
    private static List<OperationUpdate> rows(OperationsView view) {
        return view.grid.getDataProvider().fetch(new Query<>()).toList();
    }

    @Test
    void aNewOperationAppearsWithoutReloadAndTheTargetFilterNarrowsTheRows() throws Exception {
        String marker = "live-new-" + System.nanoTime();
        OperationsView view = open(marker);
        assertThat(_size(view.grid)).isZero();

        record(marker + " a", "alpha-" + marker, OperationStatus.COMPLETED);
        record(marker + " b", "beta-" + marker, OperationStatus.FAILED);
        await(() -> _size(view.grid) == 2);

        view.filters.target.setValue("beta-");
        assertThat(rows(view)).extracting(OperationUpdate::name).containsExactly(marker + " b");
        view.filters.target.clear();
        view.filters.status.setValue(OperationStatus.COMPLETED);
        assertThat(rows(view)).extracting(OperationUpdate::name).containsExactly(marker + " a");
    }

    @Test
    void pausedTheRowsStayStillAndCountWhatArrivedUntilFollowAgain() throws Exception {
        String marker = "live-pause-" + System.nanoTime();
        OperationsView view = open(marker);
        int[] refreshes = {0};
        view.grid.getDataProvider().addDataProviderListener(e -> refreshes[0]++);
        _click(view.follow);
        assertThat(view.follow.getText()).isEqualTo("Follow");

        record(marker, "svc", OperationStatus.COMPLETED);
        await(() -> view.missed.isVisible());
        assertThat(view.missed.getText()).isEqualTo("1 new");
        assertThat(refreshes[0]).isZero();

        _click(view.follow);
        assertThat(view.missed.isVisible()).isFalse();
        assertThat(refreshes[0]).isEqualTo(1);
        assertThat(_size(view.grid)).isEqualTo(1);
    }

    @Test
    void theTimelineShowsTheFilteredOperationsWithFailuresInRed() throws Exception {
        String marker = "live-timeline-" + System.nanoTime();
        OperationsView view = open(marker);
        record(marker + " ok", "svc", OperationStatus.COMPLETED);
        record(marker + " bad", "svc", OperationStatus.FAILED);

        view.mode.setSelectedIndex(1);

        assertThat(view.timelineShown()).isTrue();
        assertThat(view.grid.isVisible()).isFalse();
        await(() -> view.timeline.chart().getOptions().ranges().size() == 2);
        assertThat(view.timeline.chart().getOptions().ranges()).filteredOn(r -> r.row().equals(marker + " bad"))
                .singleElement().satisfies(r -> assertThat(r.color()).isEqualTo(OperationTimeline.FAILED));

        record(marker + " later", "svc", OperationStatus.COMPLETED);
        await(() -> view.timeline.chart().getOptions().ranges().size() == 3);
    }

    @Test
    void theDetailsOfARunningOperationFollowItsProgress() throws Exception {
        String marker = "live-details-" + System.nanoTime();
        OperationsView view = open(marker);
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OperationHandle handle = operations.submit(OperationType.SYSTEM, marker, OperationTarget.of(OperationTarget.Kind.SETTINGS,
                marker), ctx -> {
                    ctx.progress("step one");
                    first.countDown();
                    second.await(10, TimeUnit.SECONDS);
                    Thread.sleep(250);
                    ctx.progress("step two");
                    release.await(10, TimeUnit.SECONDS);
                    return "done";
                });
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
        await(() -> _size(view.grid) == 1 && rows(view).get(0).status() == OperationStatus.RUNNING);

        UI.getCurrent().navigate(OperationsView.class, QueryParameters.of("show", String.valueOf(handle.id())));
        OperationDialog dialog = _get(OperationDialog.class);
        second.countDown();
        await(() -> dialog.detailsText().contains("step two"));
        assertThat(dialog.detailsText()).contains("step one");

        release.countDown();
        handle.completion().get(10, TimeUnit.SECONDS);
        await(() -> dialog.getHeaderTitle().equals(marker + " · settings " + marker)
                && _get(dialog, com.vaadin.flow.component.html.Paragraph.class).getText().contains("completed"));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            runUiQueue();
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the view never got there");
    }
}
