package io.miniman.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.miniman.operation.OperationActor;

/**
 * A request signed with an API token. {@code getName()} is the user's, so every role and ownership check
 * treats it as that user; the operation log names the token as well.
 *
 * @see ApiTokens#authenticate(String)
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken implements OperationActor {

    private final String username;
    private final long tokenId;
    private final String tokenName;
    private final Role role;
    private final boolean readOnly;

    ApiTokenAuthentication(String username, long tokenId, String tokenName, Role role, boolean readOnly) {
        super(List.of(new SimpleGrantedAuthority(role.authority())));
        this.username = username;
        this.tokenId = tokenId;
        this.tokenName = tokenName;
        this.role = role;
        this.readOnly = readOnly;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public String actorName() {
        return username + " (token " + tokenName + ")";
    }

    public long tokenId() {
        return tokenId;
    }

    /** The role this request acts with: the token's, capped at its user's current role. */
    public Role role() {
        return role;
    }

    public boolean readOnly() {
        return readOnly;
    }
}
