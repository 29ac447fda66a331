package io.miniman.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.miniman.testsupport.MinimanSpringTest;

@MinimanSpringTest
class StackRevisionsTest {

    @Autowired
    StackRevisions revisions;

    private static StackText text(int n) {
        return new StackText("services:\n  web:\n    image: busybox:" + n + "\n", "");
    }

    @Test
    void onlyTheNewestRevisionsOfAStackAreKeptAndForgettingItTouchesNoOtherStack() {
        for (int n = 1; n <= StackRevisions.KEPT + 2; n++) {
            revisions.record("rev-kept", "test-admin", text(n), null);
        }
        revisions.record("rev-other", "test-admin", text(1), null);

        assertThat(revisions.list("rev-kept")).hasSize(StackRevisions.KEPT)
                .first().satisfies(newest -> assertThat(newest.text()).isEqualTo(text(StackRevisions.KEPT + 2)));
        assertThat(revisions.list("rev-kept").get(StackRevisions.KEPT - 1).text()).isEqualTo(text(3));

        revisions.forget("rev-kept");
        assertThat(revisions.list("rev-kept")).isEmpty();
        assertThat(revisions.list("rev-other")).extracting(StackRevision::text).containsExactly(text(1));
    }
}
