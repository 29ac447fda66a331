package io.miniman;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ListenersTest {

    @Test
    void aThrowingListenerNeitherStopsTheFeedNorTheListenersAfterIt() {
        Listeners<String> feed = new Listeners<>("test");
        List<String> heard = new ArrayList<>();
        feed.add(value -> {
            throw new IllegalStateException("closed UI");
        });
        feed.add(heard::add);

        feed.publish("one");
        feed.publish("two");

        assertThat(heard).containsExactly("one", "two");
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() {
        Listeners<String> feed = new Listeners<>("test");
        List<String> heard = new ArrayList<>();
        Subscription subscription = feed.add(heard::add);
        feed.publish("before");
        subscription.close();
        feed.publish("after");

        assertThat(heard).containsExactly("before");
        assertThat(feed.isEmpty()).isTrue();
    }
}
