package io.miniman.compose;

import static io.miniman.compose.ComposeTestStacks.as;
import static io.miniman.compose.ComposeTestStacks.done;
import static io.miniman.compose.ComposeTestStacks.sleepers;
import static io.miniman.compose.ComposeTestStacks.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import io.miniman.Subscription;
import io.miniman.docker.Await;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;
import io.miniman.security.Roles;
import io.miniman.testsupport.MinimanSpringTest;

/** Stacks against the real engine and Debian's docker-compose v1, images from the local registry. */
@MinimanSpringTest
@Tag("engine")
class StackActionsTest {

    @Autowired
    StackActions actions;
    @Autowired
    StackService stacks;
    @Autowired
    StackRevisions revisions;
    @Autowired
    StackLogs logs;
    @Autowired
    StackEvents events;
    @Autowired
    ComposeProperties properties;

    @BeforeEach
    void admin() {
        ComposeTestStacks.image();
        as(Roles.ADMIN);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    static void cleanUp() {
        ComposeTestStacks.cleanUp();
    }

    private StackSummary summary(String name) {
        return stacks.list().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private OperationUpdate ok(OperationUpdate update) {
        assertThat(update.status()).as(update.name() + ": " + update.errorMessage()).isEqualTo(OperationStatus.COMPLETED);
        return update;
    }

    @Test
    void createUpRollsUpStatusLiveThenStopAndDown() {
        String name = stack("trio");
        ok(done(actions.create(new StackDraft(name, sleepers("a", "b", "c"), ""))));
        assertThat(summary(name).state()).isEqualTo(StackState.NOT_CREATED);
        assertThat(summary(name).services()).containsExactly("a", "b", "c");
        assertThat(properties.stacksDir().resolve(name).resolve("compose.yaml")).exists();

        List<String> changed = new CopyOnWriteArrayList<>();
        try (Subscription s = events.subscribe(changed::add)) {
            OperationUpdate up = ok(done(actions.run(name, StackActions.Verb.UP)));
            assertThat(up.details()).contains("Creating");
            Await.until(() -> changed.contains(name), Duration.ofSeconds(10), "a container event of the stack");
        }
        StackSummary running = summary(name);
        assertThat(running.state()).isEqualTo(StackState.RUNNING);
        assertThat(running.stateText()).isEqualTo("running 3/3");
        assertThat(running.lastOperation()).isEqualTo("Up stack: completed");
        assertThat(stacks.detail(name).containers()).extracting(StackContainer::service).containsExactly("a", "b", "c");

        ok(done(actions.run(name, StackActions.Verb.STOP)));
        assertThat(summary(name).state()).isEqualTo(StackState.STOPPED);
        ok(done(actions.run(name, StackActions.Verb.START)));
        assertThat(summary(name).state()).isEqualTo(StackState.RUNNING);
        ok(done(actions.down(name, false)));
        assertThat(summary(name).state()).isEqualTo(StackState.NOT_CREATED);

        ok(done(actions.delete(name)));
        assertThat(properties.stacksDir().resolve(name)).doesNotExist();
        assertThat(stacks.list()).extracting(StackSummary::name).doesNotContain(name);
        assertThat(revisions.list(name)).isEmpty();
    }

    @Test
    void logsOfOneServiceFollowLive() {
        String name = stack("talk");
        String compose = "services:\n  talker:\n    image: " + ComposeTestStacks.image()
                + "\n    command: [\"sh\", \"-c\", \"i=0; while true; do i=$$((i+1)); echo tick $$i; sleep 0.2; done\"]"
                + "\n    stop_grace_period: 1s\n" + sleepers("quiet").substring("services:\n".length());
        ok(done(actions.create(new StackDraft(name, compose, ""))));
        ok(done(actions.run(name, StackActions.Verb.UP)));
        List<StackLogLine> lines = new CopyOnWriteArrayList<>();
        try (Subscription s = logs.follow(name, "talker", 5, lines::add)) {
            Await.until(() -> lines.stream().anyMatch(l -> l.text().matches("tick (1\\d|[2-9]\\d)")), Duration.ofSeconds(20),
                    "a tick written after following began");
        }
        assertThat(lines).allMatch(l -> l.service().equals("talker"));
        OperationUpdate refused = done(actions.delete(name));
        assertThat(refused.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(refused.errorMessage()).contains("take it down first");
        assertThat(properties.stacksDir().resolve(name).resolve("compose.yaml")).exists();
        ok(done(actions.down(name, false)));
    }

    @Test
    void badInputIsRefusedAndNothingOnDiskChanges() throws Exception {
        String name = stack("bad");
        String good = sleepers("a");
        ok(done(actions.create(new StackDraft(name, good, ""))));
        Path file = properties.stacksDir().resolve(name).resolve("compose.yaml");

        assertThatThrownBy(() -> actions.create(new StackDraft("Bad/Name", good, "")))
                .isInstanceOf(jakarta.validation.ConstraintViolationException.class).hasMessageContaining("Lower-case letters");
        assertThatThrownBy(() -> actions.create(new StackDraft("../escape", good, "")))
                .isInstanceOf(jakarta.validation.ConstraintViolationException.class);
        assertThatThrownBy(() -> actions.create(new StackDraft(name, good, "")))
                .isInstanceOf(io.miniman.InvalidInputException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> actions.save(new StackDraft(name, "services:\n  a:\n    image: [unclosed\n", "")))
                .isInstanceOfSatisfying(ComposeRejectedException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("line 4");
        assertThatThrownBy(() -> actions.save(new StackDraft(name, "services:\n  a:\n    imagex: busybox\n", "")))
                .isInstanceOf(ComposeRejectedException.class).hasMessageContaining("imagex")
                .hasMessageNotContaining(".check-");
        String huge = good + "#" + "x".repeat(5 * 1024 * 1024) + "\n";
        assertThatThrownBy(() -> actions.save(new StackDraft(name, huge, "")))
                .isInstanceOf(io.miniman.InvalidInputException.class).hasMessageContaining("larger than");
        assertThat(Files.readString(file)).isEqualTo(good);
        assertThat(revisions.list(name)).hasSize(1);
        try (var left = Files.list(properties.stacksDir())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".check-"));
        }

        // a folder that is a link to elsewhere is neither listed nor written through
        Path outside = Files.createTempDirectory("mmt-outside");
        Files.writeString(outside.resolve("compose.yaml"), good);
        String linked = stack("linked");
        Files.createSymbolicLink(properties.stacksDir().resolve(linked), outside);
        assertThat(stacks.list()).extracting(StackSummary::name).doesNotContain(linked);
        assertThatThrownBy(() -> actions.save(new StackDraft(linked, sleepers("b"), "")))
                .isInstanceOf(io.miniman.InvalidInputException.class).hasMessageContaining("not a plain folder");
        assertThat(Files.readString(outside.resolve("compose.yaml"))).isEqualTo(good);
    }

    @Test
    void missingImageFailsTheUpWithTheReason() {
        String name = stack("ghost");
        String compose = "services:\n  a:\n    image: " + ComposeTestStacks.image().replace("compose-busybox", "no-such-image") + "\n";
        ok(done(actions.create(new StackDraft(name, compose, ""))));
        OperationUpdate up = done(actions.run(name, StackActions.Verb.UP));
        assertThat(up.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(up.errorMessage()).contains("no-such-image").containsIgnoringCase("not found");
        assertThat(summary(name).state()).isEqualTo(StackState.NOT_CREATED);
    }

    @Test
    void savesKeepRevisionsAndARestoreIsANewRevision() throws Exception {
        String name = stack("hist");
        String first = sleepers("a");
        String second = sleepers("a", "b");
        ok(done(actions.create(new StackDraft(name, first, "GREETING=hello\n"))));
        OperationUpdate saved = ok(done(actions.save(new StackDraft(name, second, "GREETING=hello\nAPI_TOKEN=s3cret\n"))));
        assertThat(saved.result()).contains("+5 −0 lines");

        List<StackRevision> history = revisions.list(name);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).user()).isEqualTo("test-admin");
        assertThat(StackRevisions.diff(history.get(1).text(), history.get(0).text()))
                .extracting(Object::toString).contains("+   b:", "+ API_TOKEN=••••••");

        ok(done(actions.restore(name, history.get(1).id())));
        assertThat(Files.readString(properties.stacksDir().resolve(name).resolve("compose.yaml"))).isEqualTo(first);
        assertThat(revisions.list(name)).hasSize(3);
        assertThat(revisions.list(name).get(0).summary()).startsWith("restored revision " + history.get(1).id());
    }

    @Test
    void aHandMadeFolderIsListedAndItsStateKeptBeforeTheFirstSave() throws Exception {
        String name = stack("byhand");
        Path dir = Files.createDirectories(properties.stacksDir().resolve(name));
        Files.writeString(dir.resolve("docker-compose.yml"), sleepers("x"));
        assertThat(summary(name).services()).containsExactly("x");

        ok(done(actions.save(new StackDraft(name, sleepers("x", "y"), ""))));
        assertThat(Files.readString(dir.resolve("docker-compose.yml"))).isEqualTo(sleepers("x", "y"));
        assertThat(revisions.list(name)).extracting(StackRevision::user).containsExactly("test-admin", StackRevisions.OUTSIDE);
    }

    @Test
    void anOperatorMayNotRunWhatReachesPastItsContainers() {
        String name = stack("priv");
        String compose = sleepers("a") + "    cap_add: [NET_ADMIN]\n    volumes:\n      - /etc:/host-etc:ro\n";
        ok(done(actions.create(new StackDraft(name, compose, ""))));

        as(Roles.OPERATOR);
        OperationUpdate refused = done(actions.run(name, StackActions.Verb.UP));
        assertThat(refused.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(refused.errorMessage()).contains("Only an admin", "Added capabilities (NET_ADMIN)", "Bind mounts of host folders (/etc)");
        assertThat(summary(name).state()).isEqualTo(StackState.NOT_CREATED);
        assertThatThrownBy(() -> actions.save(new StackDraft(name, sleepers("a"), "")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        as(Roles.ADMIN);
        ok(done(actions.run(name, StackActions.Verb.UP)));
        assertThat(summary(name).state()).isEqualTo(StackState.RUNNING);
        ok(done(actions.down(name, true)));
    }
}
