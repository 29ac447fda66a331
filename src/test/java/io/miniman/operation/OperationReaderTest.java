package io.miniman.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import io.miniman.testsupport.MinimanSpringTest;

/** Build output and command lines in a Docker row's details reach admins and the row's author, not every VIEWER. */
@MinimanSpringTest
class OperationReaderTest {

    @Autowired
    OperationService operations;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aViewerReadsTheRowOfABuildButNotItsOutput() throws Exception {
        String marker = "reader-" + System.nanoTime();
        signIn("builder", "OPERATOR");
        long build = run("Build image", marker, "Step 2/3 : RUN curl -H 'X-Key: abc' " + marker);
        long exec = run("Run command in container", marker, "$ psql -c 'select * from users' " + marker);
        long pull = run("Pull image", marker, "pulling layer 1/3 " + marker);

        signIn("peeker", "VIEWER");
        assertThat(operations.find(build)).hasValueSatisfying(row -> {
            assertThat(row.details()).isNull();
            assertThat(row.status()).isEqualTo(OperationStatus.COMPLETED);
            assertThat(row.user()).isEqualTo("builder");
        });
        assertThat(operations.list(new OperationFilter(OperationType.DOCKER, null, "builder", null, null, marker), 0, 10))
                .extracting(OperationUpdate::id, OperationUpdate::details)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(build, null),
                        org.assertj.core.groups.Tuple.tuple(exec, null),
                        org.assertj.core.groups.Tuple.tuple(pull, "pulling layer 1/3 " + marker + "\n"));

        // nor find them by what the output says
        assertThat(operations.list(new OperationFilter(null, null, null, null, null, "select * from users' " + marker), 0, 10))
                .isEmpty();
        assertThat(operations.count(new OperationFilter(null, null, null, null, null, "select * from users' " + marker))).isZero();

        signIn("builder", "OPERATOR");
        assertThat(operations.list(new OperationFilter(null, null, null, null, null, "select * from users' " + marker), 0, 10))
                .extracting(OperationUpdate::id).containsExactly(exec);
        assertThat(operations.find(exec).orElseThrow().details()).contains("psql");
        signIn("boss", "ADMIN");
        assertThat(operations.find(build).orElseThrow().details()).contains("Step 2/3");
        SecurityContextHolder.clearContext();
        assertThat(operations.find(build).orElseThrow().details()).as("the console's own work reads all").contains("Step 2/3");
    }

    private long run(String name, String marker, String line) throws Exception {
        OperationHandle handle = operations.submit(OperationType.DOCKER, name,
                OperationTarget.of(OperationTarget.Kind.SETTINGS, marker), ctx -> {
                    ctx.progress(line);
                    return "done";
                });
        handle.completion().get(10, TimeUnit.SECONDS);
        return handle.id();
    }

    private static void signIn(String name, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }
}
