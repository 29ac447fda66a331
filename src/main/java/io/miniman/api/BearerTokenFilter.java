package io.miniman.api;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.miniman.security.ApiTokenAuthentication;
import io.miniman.security.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs an API request in from its {@code Authorization: Bearer} header, and from nothing else: no cookie,
 * no query parameter (a token in a URL ends up in proxy logs and browser history). Then applies the
 * token's own limits: read-only tokens only read, and each token has its rate.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> TOKEN_PARAMETERS = Set.of("access_token", "token", "api_key", "apikey");
    private static final Map<String, String> CHALLENGE = Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"miniman\"");

    private final ApiTokens tokens;
    private final RateLimiter limiter;

    BearerTokenFilter(ApiTokens tokens, RateLimiter limiter) {
        this.tokens = tokens;
        this.limiter = limiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (tokenInUrl(request.getQueryString())) {
            Problems.write(response, request, HttpStatus.UNAUTHORIZED,
                    "A token is accepted only in the Authorization header, never in the URL", CHALLENGE);
            return;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            // the entry point answers 401 for anything that needs a user
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            Problems.write(response, request, HttpStatus.UNAUTHORIZED, "Use Authorization: Bearer <token>", CHALLENGE);
            return;
        }
        ApiTokenAuthentication auth = tokens.authenticate(header.substring(BEARER.length()).trim()).orElse(null);
        if (auth == null) {
            Problems.write(response, request, HttpStatus.UNAUTHORIZED,
                    "The token is unknown, expired or revoked, or its user is disabled", CHALLENGE);
            return;
        }
        OptionalLong wait = limiter.take(auth.tokenId());
        if (wait.isPresent()) {
            Problems.write(response, request, HttpStatus.TOO_MANY_REQUESTS, "This token sent too many requests",
                    Map.of(HttpHeaders.RETRY_AFTER, String.valueOf(wait.getAsLong())));
            return;
        }
        if (auth.readOnly() && !READS.contains(request.getMethod())) {
            Problems.write(response, request, HttpStatus.FORBIDDEN, "This token is read-only", Map.of());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Reads the query string itself: asking the request for its parameters would parse a form body too. */
    static boolean tokenInUrl(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            if (TOKEN_PARAMETERS.contains(java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8)
                    .toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
