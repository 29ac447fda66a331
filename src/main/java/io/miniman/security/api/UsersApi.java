package io.miniman.security.api;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.miniman.api.ApiException;
import io.miniman.api.ApiPaths;
import io.miniman.api.ApiRoles;
import io.miniman.api.PathIds;
import io.miniman.security.Role;
import io.miniman.security.Roles;
import io.miniman.security.UserService;
import io.miniman.security.UserSummary;
import io.swagger.v3.oas.annotations.Operation;

/** Users, for admins: the Users view's list and actions, through {@link UserService} and its rules. */
@RestController
@RequestMapping(ApiPaths.V1 + "/users")
class UsersApi {

    private final UserService users;

    UsersApi(UserService users) {
        this.users = users;
    }

    /** The password is the initial one; its owner must replace it at first sign-in. */
    record NewUserRequest(String username, Role role, String password) {
        @Override
        public String toString() {
            return "NewUserRequest[" + username + ", " + role + "]";
        }
    }

    record RoleChange(Role role) {
    }

    record EnabledChange(boolean enabled) {
    }

    record PasswordResetRequest(String password) {
        @Override
        public String toString() {
            return "PasswordResetRequest[]";
        }
    }

    @GetMapping
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "List users")
    List<UserSummary> list() {
        return users.list();
    }

    @GetMapping("/{name}")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "One user")
    UserSummary get(@PathVariable String name) {
        return users.list().stream().filter(u -> u.username().equalsIgnoreCase(PathIds.check(name, "user"))).findFirst()
                .orElseThrow(() -> ApiException.notFound("user " + name));
    }

    @PostMapping
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Create a user with an initial password (replaced at first sign-in)")
    ResponseEntity<UserSummary> create(@RequestBody NewUserRequest body) {
        UserSummary created = users.create(body.username(), body.role(), body.password());
        return ResponseEntity.created(URI.create(ApiPaths.V1 + "/users/" + created.username())).body(created);
    }

    @PutMapping("/{name}/role")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Change a user's role (ends their sessions; their API tokens are lowered to it)")
    UserSummary changeRole(@PathVariable String name, @RequestBody RoleChange body) {
        if (body.role() == null) {
            throw new io.miniman.InvalidInputException("role", "Choose a role");
        }
        return users.changeRole(get(name).username(), body.role());
    }

    @PutMapping("/{name}/enabled")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Enable or disable a user (disabling revokes their API tokens)")
    UserSummary setEnabled(@PathVariable String name, @RequestBody EnabledChange body) {
        return users.setEnabled(get(name).username(), body.enabled());
    }

    @PostMapping("/{name}/password-reset")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Set a new initial password (the user must replace it at next sign-in)")
    ResponseEntity<Void> resetPassword(@PathVariable String name, @RequestBody PasswordResetRequest body) {
        users.resetPassword(get(name).username(), body.password());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{name}")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Delete a user (revokes their API tokens)")
    ResponseEntity<Void> delete(@PathVariable String name) {
        users.delete(get(name).username());
        return ResponseEntity.noContent().build();
    }
}
