package io.miniman.system.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import io.miniman.InvalidInputException;
import io.miniman.host.CommandRunner;
import io.miniman.host.PrivilegedHelper;
import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationUpdate;
import io.miniman.security.Roles;
import io.miniman.system.service.ServiceActions.UnitAction;
import io.miniman.testsupport.MinimanSpringTest;

/**
 * Who may do what to a unit, and what is refused before anything runs. The suite's context has no
 * helper installed, so an allowed action fails with that reason; the helper's own run (its test mode,
 * printing the systemctl it would run) shows the work an allowed action hands it.
 */
@MinimanSpringTest
class ServiceActionsTest {

    @Autowired
    ServiceActions actions;
    @Autowired
    ServicesProperties properties;
    @Autowired
    OperationService operations;
    @Autowired
    ServiceMonitor monitor;

    @TempDir
    Path helperRoot;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void as(String role) {
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("test-" + role.toLowerCase(), null, authorities));
    }

    private static OperationUpdate done(OperationHandle handle) throws Exception {
        return handle.completion().get(60, TimeUnit.SECONDS);
    }

    @Test
    void aViewerReadsOnly() {
        as(Roles.VIEWER);
        assertThat(ServiceActions.permitted()).isEmpty();
        assertThatThrownBy(() -> actions.restart("dnsmasq")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actions.start("dnsmasq")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anOperatorRestartsAndNothingElse() throws Exception {
        as(Roles.OPERATOR);
        assertThat(ServiceActions.permitted()).containsExactly(UnitAction.RESTART);
        OperationUpdate restart = done(actions.restart("dnsmasq"));
        assertThat(restart.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(restart.errorMessage()).contains("restart dnsmasq skipped: helper not installed");
        assertThat(restart.user()).isEqualTo("test-operator");
        assertThatThrownBy(() -> actions.stop("dnsmasq", null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actions.start("dnsmasq")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actions.enable("dnsmasq")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actions.disable("dnsmasq")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAdminDoesAllOnListedUnitsOnly() throws Exception {
        as(Roles.ADMIN);
        assertThat(ServiceActions.permitted()).isEqualTo(EnumSet.allOf(UnitAction.class));
        long before = operations.count(OperationFilter.all());
        assertThatThrownBy(() -> actions.restart("ssh")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Not a service this console manages: ssh");
        assertThatThrownBy(() -> actions.enable("dnsmasq.service --now")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> actions.start(null)).isInstanceOf(InvalidInputException.class);
        assertThat(operations.count(OperationFilter.all())).as("a refused name leaves no operation").isEqualTo(before);
        assertThat(done(actions.disable("docker")).errorMessage()).contains("disable docker skipped");
    }

    @Test
    void stoppingWhatCarriesTheConnectionWantsTheNameTyped() throws Exception {
        as(Roles.ADMIN);
        for (String unit : List.of("nginx", "hostapd", "miniman")) {
            assertThatThrownBy(() -> actions.stop(unit, null)).as(unit).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("cuts your own connection");
            assertThatThrownBy(() -> actions.stop(unit, "yes")).as(unit).isInstanceOf(InvalidInputException.class);
        }
        assertThat(done(actions.stop("nginx", "nginx")).errorMessage()).contains("stop nginx skipped");
        assertThat(done(actions.stop("dnsmasq", null)).errorMessage()).as("no confirmation for dnsmasq")
                .contains("stop dnsmasq skipped");
    }

    @Test
    void anAllowedActionRunsTheHelpersServiceVerbAsAnOperationOnTheUnit() throws Exception {
        as(Roles.ADMIN);
        PrivilegedHelper helper = PrivilegedHelper.forTestRoot(new CommandRunner(), Path.of("provisioning/miniman-helper"),
                helperRoot);
        ServiceActions direct = new ServiceActions(properties, helper, operations, monitor);
        OperationHandle handle = direct.enable("nginx");
        OperationUpdate update = done(handle);
        assertThat(update.status()).as(update.errorMessage()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(update.result()).isEqualTo("enabled nginx");
        assertThat(update.target()).isEqualTo(OperationTarget.of(OperationTarget.Kind.UNIT, "nginx.service", "nginx").toString());
    }
}
