package io.miniman.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.miniman.Subscription;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationUpdate;

/** The work's side of a progress feed: a listener that throws (a detached UI) never reaches the work. */
class ProgressFeedsTest {

    @Test
    void aThrowingListenerDoesNotStopTheWorkAndTheFeedEndsWithTheOperation() {
        ProgressFeeds<String> feeds = new ProgressFeeds<>("test");
        CompletableFuture<OperationUpdate> completion = new CompletableFuture<>();
        Consumer<String>[] publisher = new Consumer[1];
        OperationHandle handle = feeds.start(publish -> {
            publisher[0] = publish;
            return new OperationHandle(7, completion);
        });
        List<String> seen = new CopyOnWriteArrayList<>();
        feeds.follow(handle.id(), line -> {
            throw new IllegalStateException("UI is detached");
        });
        Subscription following = feeds.follow(handle.id(), seen::add);

        publisher[0].accept("step 1");
        following.close();
        publisher[0].accept("step 2");
        assertThat(seen).containsExactly("step 1");

        completion.complete(null);
        assertThat(feeds.size()).isZero();
        feeds.follow(handle.id(), seen::add).close();
    }
}
