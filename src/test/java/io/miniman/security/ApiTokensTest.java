package io.miniman.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import io.miniman.InvalidInputException;
import io.miniman.api.ApiClients;
import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationType;
import io.miniman.testsupport.MinimanSpringTest;
import jakarta.validation.ConstraintViolationException;

@MinimanSpringTest
class ApiTokensTest {

    @Autowired
    ApiTokens tokens;
    @Autowired
    ApiTokenRepository repository;
    @Autowired
    AppUserRepository appUsers;
    @Autowired
    UserService users;
    @Autowired
    OperationService operations;

    private String user(String name, Role role) {
        ApiClients.as("admin", Role.ADMIN, () -> users.find(name).isPresent() ? null : users.create(name, role, "Token-test-pass-1"));
        return name;
    }

    private CreatedApiToken create(String user, Role userRole, NewApiToken request) {
        return ApiClients.as(user, userRole, () -> tokens.create(request));
    }

    @Test
    void aTokenIsStoredOnlyAsItsHashAndAuthenticatesAsItsUser() {
        String alice = user("tok-alice", Role.OPERATOR);
        CreatedApiToken created = create(alice, Role.OPERATOR, new NewApiToken("ci-runner", Role.OPERATOR, 30, false));
        assertThat(created.value()).startsWith("mmt_").hasSizeGreaterThan(40);
        assertThat(created.toString()).doesNotContain(created.value());
        ApiToken stored = repository.findById(created.token().id()).orElseThrow();
        assertThat(repository.findByTokenHash(ApiTokens.hash(created.value()))).isPresent();
        assertThat(stored.toSummary(Instant.now()).toString()).doesNotContain(created.value());

        ApiTokenAuthentication auth = tokens.authenticate(created.value()).orElseThrow();
        assertThat(auth.getName()).isEqualTo(alice);
        assertThat(auth.actorName()).isEqualTo("tok-alice (token ci-runner)");
        assertThat(auth.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR");
        assertThat(tokens.authenticate(created.value() + "x")).isEmpty();
        assertThat(operations.list(new OperationFilter(OperationType.USERS, null, null, null, null, "ci-runner"), 0, 10))
                .anySatisfy(op -> assertThat(op.result()).doesNotContain(created.value()));
    }

    @Test
    void aUseIsNotedOnTheTokenAtMostOncePerInterval() {
        String dora = user("tok-dora", Role.OPERATOR);
        CreatedApiToken created = create(dora, Role.OPERATOR, new NewApiToken("noted", Role.OPERATOR, 30, false));
        assertThat(repository.findById(created.token().id()).orElseThrow().getLastUsedAt()).isNull();

        tokens.authenticate(created.value()).orElseThrow();
        Instant noted = repository.findById(created.token().id()).orElseThrow().getLastUsedAt();
        assertThat(noted).isNotNull();
        tokens.authenticate(created.value()).orElseThrow();
        assertThat(repository.findById(created.token().id()).orElseThrow().getLastUsedAt()).isEqualTo(noted);
    }

    @Test
    void aTokenCannotBeAboveItsUsersRoleNorMadeWithAToken() {
        String bob = user("tok-bob", Role.VIEWER);
        assertThatThrownBy(() -> create(bob, Role.VIEWER, new NewApiToken("too-much", Role.ADMIN, 30, false)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("above");
        assertThatThrownBy(() -> create(bob, Role.VIEWER, new NewApiToken("bad name!", Role.VIEWER, 0, false)))
                .isInstanceOf(ConstraintViolationException.class)
                .satisfies(e -> assertThat(((ConstraintViolationException) e).getConstraintViolations())
                        .extracting(v -> v.getPropertyPath().toString()).containsExactlyInAnyOrder("name", "expiresInDays"));
        CreatedApiToken ok = create(bob, Role.VIEWER, new NewApiToken("reader", Role.VIEWER, null, true));
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        try {
            var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
            context.setAuthentication(tokens.authenticate(ok.value()).orElseThrow());
            org.springframework.security.core.context.SecurityContextHolder.setContext(context);
            assertThatThrownBy(() -> tokens.create(new NewApiToken("child", Role.VIEWER, 1, false)))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    @Test
    void revokedAndExpiredTokensNoLongerAuthenticate() {
        String carol = user("tok-carol", Role.OPERATOR);
        CreatedApiToken revoked = create(carol, Role.OPERATOR, new NewApiToken("to-revoke", Role.OPERATOR, 30, false));
        CreatedApiToken expired = create(carol, Role.OPERATOR, new NewApiToken("to-expire", Role.OPERATOR, 1, false));
        ApiClients.as(carol, Role.OPERATOR, () -> tokens.revoke(revoked.token().id()));
        assertThat(tokens.authenticate(revoked.value())).isEmpty();

        ApiToken row = repository.findById(expired.token().id()).orElseThrow();
        org.springframework.test.util.ReflectionTestUtils.setField(row, "expiresAt", Instant.now().minusSeconds(1));
        repository.save(row);
        assertThat(tokens.authenticate(expired.value())).isEmpty();
    }

    @Test
    void someoneElsesTokenIsRevokedOnlyByAnAdmin() {
        String dave = user("tok-dave", Role.OPERATOR);
        String erin = user("tok-erin", Role.OPERATOR);
        CreatedApiToken daves = create(dave, Role.OPERATOR, new NewApiToken("daves", Role.OPERATOR, 30, false));
        assertThatThrownBy(() -> ApiClients.as(erin, Role.OPERATOR, () -> tokens.revoke(daves.token().id())))
                .isInstanceOf(InvalidInputException.class);
        assertThat(tokens.authenticate(daves.value())).isPresent();
        ApiClients.as("admin", Role.ADMIN, () -> tokens.revoke(daves.token().id()));
        assertThat(tokens.authenticate(daves.value())).isEmpty();
        assertThat(ApiClients.as("admin", Role.ADMIN, tokens::all)).anySatisfy(t -> assertThat(t.name()).isEqualTo("daves"));
    }

    @Test
    void demotingAUserCutsTheirTokensDownAndDisablingRevokesThem() {
        String frank = user("tok-frank", Role.ADMIN);
        CreatedApiToken adminToken = create(frank, Role.ADMIN, new NewApiToken("deploy", Role.ADMIN, 30, false));
        CreatedApiToken viewerToken = create(frank, Role.ADMIN, new NewApiToken("watch", Role.VIEWER, 30, false));

        ApiClients.as("admin", Role.ADMIN, () -> users.changeRole(frank, Role.OPERATOR));
        assertThat(tokens.authenticate(adminToken.value()).orElseThrow().role()).isEqualTo(Role.OPERATOR);
        assertThat(repository.findById(adminToken.token().id()).orElseThrow().getRole()).isEqualTo(Role.OPERATOR);
        assertThat(tokens.authenticate(viewerToken.value()).orElseThrow().role()).isEqualTo(Role.VIEWER);

        // promoting again does not raise a token that was cut down
        ApiClients.as("admin", Role.ADMIN, () -> users.changeRole(frank, Role.ADMIN));
        assertThat(tokens.authenticate(adminToken.value()).orElseThrow().role()).isEqualTo(Role.OPERATOR);

        ApiClients.as("admin", Role.ADMIN, () -> users.setEnabled(frank, false));
        assertThat(tokens.authenticate(adminToken.value())).isEmpty();
        ApiClients.as("admin", Role.ADMIN, () -> users.setEnabled(frank, true));
        assertThat(tokens.authenticate(viewerToken.value())).as("revoked for good").isEmpty();
    }

    @Test
    void theTokenVerbPrintsTheValueOnceAndOnlyTheValueOnStandardOutput() {
        String grace = user("tok-grace", Role.OPERATOR);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        TokenCommand verb = new TokenCommand(tokens, appUsers, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = verb.run(new String[] {"create", "--user", grace, "--name", "ansible", "--expires", "30d", "--read-only"});
        assertThat(code).isZero();
        String value = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(value).startsWith("mmt_").doesNotContain("\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ansible", "OPERATOR", "read-only", "shown this once")
                .doesNotContain(value);
        ApiTokenAuthentication auth = tokens.authenticate(value).orElseThrow();
        assertThat(auth.readOnly()).isTrue();
        assertThat(repository.findById(auth.tokenId()).orElseThrow().toSummary(Instant.now()).expiresAt())
                .isBetween(Instant.now().plusSeconds(29 * 86400), Instant.now().plusSeconds(31 * 86400));

        assertThat(verb.run(new String[] {"create", "--user", grace, "--name", "x", "--role", "ADMIN"})).isEqualTo(2);
        assertThat(verb.run(new String[] {"create", "--user", "nobody-at-all", "--name", "x"})).isEqualTo(2);
        assertThat(verb.run(new String[] {"create", "--name", "x"})).isEqualTo(2);
        assertThat(verb.run(new String[] {"create", "--user", grace, "--name", "y", "--expires", "soon"})).isEqualTo(2);
    }
}
