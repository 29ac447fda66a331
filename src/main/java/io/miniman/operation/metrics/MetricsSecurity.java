package io.miniman.operation.metrics;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator's own filter chain, before the console's: {@code /actuator/health} for anyone (it says
 * UP or DOWN and nothing else), {@code /actuator/prometheus} for the box itself or a bearer token, every
 * other actuator path refused. No session, no login page: a scraper gets 401, not a redirect.
 * The client address is the one Tomcat believes (nginx's X-Forwarded-For only from loopback), so a
 * phone behind nginx is not "loopback".
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
class MetricsSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain actuatorChain(HttpSecurity http, MetricsProperties properties) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                        .access((authentication, context) -> new AuthorizationDecision(
                                fromLoopback(context.getRequest()) || hasToken(context.getRequest(), properties)))
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                // a bare status: sendError would forward to /error, which the console's chain answers with its login page
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> response.setStatus(401))
                        .accessDeniedHandler((request, response, e) -> response.setStatus(403)));
        return http.build();
    }

    static boolean fromLoopback(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean hasToken(HttpServletRequest request, MetricsProperties properties) {
        String header = request.getHeader("Authorization");
        if (!properties.hasToken() || header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                properties.token().getBytes(StandardCharsets.UTF_8));
    }
}
