package io.miniman.security.api;

import java.util.List;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.miniman.InvalidInputException;
import io.miniman.api.ApiException;
import io.miniman.api.ApiPaths;
import io.miniman.api.ApiRoles;
import io.miniman.security.ApiTokenSummary;
import io.miniman.security.ApiTokens;
import io.miniman.security.Roles;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Tokens seen from the API: a user's own, all for an admin, and revocation. Making one is the console's
 * (API tokens page) or provisioning's ({@code token create}): a token cannot mint another.
 */
@RestController
@RequestMapping(ApiPaths.V1 + "/tokens")
class ApiTokensApi {

    private final ApiTokens tokens;

    ApiTokensApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "Your own tokens (never their values)")
    List<ApiTokenSummary> own() {
        return tokens.own();
    }

    @GetMapping("/all")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Every user's tokens")
    List<ApiTokenSummary> all() {
        return tokens.all();
    }

    @DeleteMapping("/{id}")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "Revoke a token: your own, or anyone's for an admin (a read-only token cannot)")
    ApiTokenSummary revoke(@PathVariable long id) {
        try {
            return tokens.revoke(id);
        } catch (InvalidInputException e) {
            throw ApiException.notFound("token " + id);
        }
    }
}
