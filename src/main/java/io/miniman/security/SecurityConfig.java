package io.miniman.security;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import io.miniman.operation.OperationService;
import io.miniman.security.ui.LoginView;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    /** Static, as a registry post-processor must be: it runs before this configuration's beans exist. */
    @Bean
    static MethodSecurityScope methodSecurityScope() {
        return new MethodSecurityScope();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessions) throws Exception {
        // the provider is the global manager's only one; adding it here too would run each login twice
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'"))
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(nosniff -> { })
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        // no limit on sessions per user; the registry is how OpenSessions finds a user's sessions to end them
        http.sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions));
        // provisioning waits on the health check (it says "ok" and nothing else); /waiting is the page
        // that polls it while the box reboots, when the session is gone with the console
        http.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, "/health", "/waiting").permitAll()
                // the API's Swagger UI (served from the jar) and the document it reads: admins only
                .requestMatchers("/swagger-ui.html", "/swagger-ui/**").hasRole(Roles.ADMIN));
        // Vaadin's configurer permits its own resources and internal requests, keeps its CSRF protection,
        // and denies every other path to anonymous users
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the registry when the container ends a session or changes its id; Boot registers it as a listener. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    ThrottledAuthenticationProvider throttledAuthenticationProvider(AppUserRepository users,
            PasswordEncoder encoder, LoginThrottle throttle, OperationService operations, Clock clock) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(new MinimanUserDetailsService(users));
        dao.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(dao, users, throttle, operations, clock);
    }
}
