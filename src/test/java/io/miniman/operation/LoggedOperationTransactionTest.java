package io.miniman.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.miniman.Subscription;
import io.miniman.security.Role;
import io.miniman.security.UserService;
import io.miniman.security.UserSummary;
import io.miniman.testsupport.MinimanSpringTest;

/** The audit row of a user-admin change survives the rollback of the change itself (the real UserService, as an ADMIN). */
@MinimanSpringTest
class LoggedOperationTransactionTest {

    private static final String PASSWORD = "Audit-Trail-2024!";

    @Autowired
    UserService users;
    @Autowired
    OperationService operations;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    OperationEvents events;

    private Instant testStart;

    @BeforeEach
    void signInAsAdmin() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
                null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        testStart = Instant.now();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRefusedDemotionOfTheLastAdminLeavesItsFailedRow() {
        List<String> otherAdmins = disableOtherEnabledAdmins();
        List<OperationUpdate> published = new CopyOnWriteArrayList<>();
        try (Subscription subscription = events.subscribe(published::add)) {
            Throwable refusal = catchThrowable(() -> users.changeRole("admin", Role.VIEWER));

            assertThat(refusal).isNotNull();
            assertThat(users.find("admin").orElseThrow().role()).isEqualTo(Role.ADMIN);
            OperationUpdate row = row("change role", "admin");
            assertThat(row.status()).isEqualTo(OperationStatus.FAILED);
            assertThat(row.errorMessage()).isNotBlank().isEqualTo(OperationService.messageOf(refusal));
            assertThat(row.user()).isEqualTo("admin");
            // a RUNNING row before the business transaction began: the aspect is ordered outside it
            assertThat(published).filteredOn(update -> update.id() == row.id()).extracting(OperationUpdate::status)
                    .containsExactly(OperationStatus.RUNNING, OperationStatus.FAILED);
        } finally {
            otherAdmins.forEach(name -> users.setEnabled(name, true));
        }
    }

    @Test
    void aChangeThatFailsAfterAWriteRollsTheWriteBackButKeepsEveryFailedRow() {
        String name = newOperator();
        String missing = "nobody-" + System.nanoTime();
        TransactionTemplate change = new TransactionTemplate(transactions);

        Throwable refusal = catchThrowable(() -> change.executeWithoutResult(tx -> {
            users.setEnabled(name, false);
            users.changeRole(missing, Role.VIEWER);
        }));

        assertThat(refusal).isNotNull();
        assertThat(users.find(name).orElseThrow().enabled()).as("the write before the refusal is rolled back").isTrue();
        OperationUpdate written = row("enable or disable user", name);
        assertThat(written.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(written.errorMessage()).isEqualTo(LoggedOperationAspect.ROLLED_BACK);
        OperationUpdate refused = row("change role", missing);
        assertThat(refused.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(refused.errorMessage()).isEqualTo(OperationService.messageOf(refusal));
    }

    @Test
    void aCallInsideACallersTransactionThatCommitsIsLoggedAsCompleted() {
        String name = newOperator();

        new TransactionTemplate(transactions).executeWithoutResult(tx -> users.setEnabled(name, false));

        assertThat(users.find(name).orElseThrow().enabled()).isFalse();
        OperationUpdate row = row("enable or disable user", name);
        assertThat(row.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(row.result()).contains(name);
    }

    private String newOperator() {
        String name = "audit-" + System.nanoTime();
        users.create(name, Role.OPERATOR, PASSWORD);
        return name;
    }

    /** The last-admin rule counts every enabled ADMIN of the shared database: other tests may have added some. */
    private List<String> disableOtherEnabledAdmins() {
        List<String> disabled = new ArrayList<>();
        for (UserSummary user : users.list()) {
            if (user.role() == Role.ADMIN && user.enabled() && !user.username().equals("admin")) {
                users.setEnabled(user.username(), false);
                disabled.add(user.username());
            }
        }
        return disabled;
    }

    /** The newest row of this test for the operation and the user it targeted. */
    private OperationUpdate row(String operation, String targetUser) {
        String target = OperationTarget.of(OperationTarget.Kind.USER, targetUser).toString();
        return operations.list(new OperationFilter(OperationType.USERS, null, null, testStart, null, null), 0, 500)
                .stream()
                .filter(op -> op.name().equals(operation) && target.equals(op.target()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + operation + " of " + targetUser));
    }
}
