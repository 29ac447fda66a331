package io.miniman.operation.metrics;

import java.time.Duration;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.miniman.Subscription;
import io.miniman.operation.OperationEvents;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationUpdate;

/**
 * Operations as Prometheus sees them: {@code miniman_operations_total{type,status}} per finished
 * operation, {@code miniman_operation_duration_seconds{type,status}} and the number running now.
 * Alerts sent and forward queue drops are counted where they happen.
 */
@Component
class OperationMetrics implements DisposableBean {

    private final MeterRegistry meters;
    private final Subscription subscription;

    OperationMetrics(MeterRegistry meters, OperationEvents events, OperationService operations) {
        this.meters = meters;
        Gauge.builder("miniman.operations.active", operations, OperationService::activeCount)
                .description("Operations pending or running now").register(meters);
        this.subscription = events.subscribe(this::onUpdate);
    }

    private void onUpdate(OperationUpdate update) {
        if (!update.status().isFinished()) {
            return;
        }
        String type = update.type().label();
        String status = update.status().label();
        Counter.builder("miniman.operations").description("Finished operations by type and status")
                .tags("type", type, "status", status).register(meters).increment();
        update.duration().ifPresent(duration -> Timer.builder("miniman.operation.duration")
                .description("How long finished operations took").tags("type", type, "status", status)
                .register(meters).record(duration.isNegative() ? Duration.ZERO : duration));
    }

    @Override
    public void destroy() {
        subscription.close();
    }
}
