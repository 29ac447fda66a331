package io.miniman.api;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import io.miniman.docker.DockerProperties;
import io.miniman.security.ApiTokens;
import io.miniman.system.backup.BackupProperties;
import jakarta.servlet.DispatcherType;

/**
 * The API's own filter chain, ahead of the console's: stateless, signed in by bearer token alone. It never
 * reads the session cookie, so a page a signed-in admin visits cannot make their browser call the API
 * (there is no CSRF surface to protect, hence no CSRF token).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    static final String API = "/api/**";

    /**
     * The firewall refuses URLs with encoded slashes, semicolons, ".." and the like before any chain runs;
     * under /api the refusal is a problem document like every other API error.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        HttpStatusRequestRejectedHandler plain = new HttpStatusRequestRejectedHandler();
        return (request, response, e) -> {
            if (request.getRequestURI().startsWith("/api/")) {
                Problems.write(response, request, HttpStatus.BAD_REQUEST, "The URL holds characters the API does not accept",
                        Map.of());
            } else {
                plain.handle(request, response, e);
            }
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens, ApiProperties properties,
            DockerProperties docker, BackupProperties backup) throws Exception {
        RateLimiter limiter = new RateLimiter(properties.requestsPerSecond(), properties.burst());
        BodyLimitFilter bodyLimit = new BodyLimitFilter(properties.maxBodySize().toBytes(),
                Map.of(ApiPaths.IMAGE_BUILD, docker.buildContextLimit(),
                        ApiPaths.BACKUP_UPLOAD, backup.archiveLimit()));
        http.securityMatcher(API)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> { })
                .addFilterBefore(new BearerTokenFilter(tokens, limiter), AnonymousAuthenticationFilter.class)
                .addFilterAfter(bodyLimit, BearerTokenFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // an SSE stream's later dispatches and error pages carry no header of their own
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> Problems.write(response, request,
                                HttpStatus.UNAUTHORIZED, "Send Authorization: Bearer <token> (make one under API tokens)",
                                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"miniman\"")))
                        .accessDeniedHandler((request, response, e) -> Problems.write(response, request,
                                HttpStatus.FORBIDDEN, "Your role may not do this", Map.of())))
                .headers(headers -> headers.contentTypeOptions(nosniff -> { }).frameOptions(frame -> frame.deny())
                        .cacheControl(cache -> { }));
        return http.build();
    }
}
