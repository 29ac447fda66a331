package io.miniman.docker.ui;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import com.github.mvysny.kaributesting.v10.MockVaadin;

import io.miniman.docker.Await;

/** Waiting in a Karibu test: background threads hand work to the UI with ui.access, which a round trip runs. */
public final class DockerKaribu {

    private DockerKaribu() {
    }

    public static void until(BooleanSupplier condition, Duration atMost, String what) {
        Await.until(() -> {
            MockVaadin.clientRoundtrip();
            return condition.getAsBoolean();
        }, atMost, what);
    }
}
