package dev.mailroom.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two filter chains. The API is stateless HTTP basic: credentials come with every request and no session cookie
 * is ever issued, so there is nothing for a forged cross-site request to ride on and CSRF tokens are not used there.
 * Pages (the admin console, API docs, actuator) use form login with a session, and CSRF protection stays on; the
 * console's Admin screens ({@code /admin/**}) are for admins only, as their API is.
 * Health probes are the only thing open without signing in. In both chains a {@link SignInLockFilter} refuses
 * sign-ins for accounts and addresses locked after too many failures, before any password is checked.
 */
@Configuration
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, SignInLimiter limiter) throws Exception {
        return http
                .addFilterBefore(new SignInLockFilter(limiter, problems), BasicAuthenticationFilter.class)
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/accounts/me").authenticated()
                        .requestMatchers("/api/accounts/**").hasRole(ADMIN)
                        .requestMatchers("/api/audit/**").hasRole(ADMIN)
                        .requestMatchers("/api/email-preference/**", "/api/intake/**").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/groups/**", "/api/categories/**").hasRole(ADMIN)
                        .requestMatchers(PUT, "/api/groups/**", "/api/categories/**").hasRole(ADMIN)
                        .requestMatchers(PATCH, "/api/groups/**", "/api/categories/**").hasRole(ADMIN)
                        .requestMatchers(DELETE, "/api/groups/**", "/api/categories/**", "/api/users/**").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/users/*/archive", "/api/users/*/restore").hasRole(ADMIN)
                        .requestMatchers("/api/incoming-servers/**", "/api/incoming-rules/**", "/api/outgoing-servers/**",
                                "/api/notification-templates/**", "/api/recipient-suppressions/**", "/api/outbox/**",
                                "/api/oauth/**", "/api/cluster/**")
                                .hasRole(ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> problems.unauthorized(response)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.unauthorized(response))
                        .accessDeniedHandler((request, response, e) -> problems.forbidden(response)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ProblemResponses problems, SignInLimiter limiter) throws Exception {
        return http
                .addFilterBefore(new SignInLockFilter(limiter, problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/login", "/error", "/assets/**", "/webjars/**").permitAll()
                        // the provider's redirect after an authorization: the single-use state is the proof
                        .requestMatchers(GET, "/oauth/callback").permitAll()
                        .requestMatchers("/admin/**").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(Customizer.withDefaults())
                .build();
    }
}
