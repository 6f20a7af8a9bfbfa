package uk.safeguarding.explorer.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import uk.safeguarding.explorer.config.ExplorerModeEnvironmentPostProcessor;
import uk.safeguarding.explorer.integration.IntegrationClients;

/**
 * Deny by default. Only the health probe and the login page are public; {@code /graphql} and
 * {@code /api/**} answer 401 (no redirect, no browser pop-up) to anonymous calls. In local mode the
 * demo users sign in with HTTP Basic (API clients), a short-lived local token ({@link LocalTokens},
 * scripts) or the login page (browser); in production API
 * clients present a bearer JWT and the browser signs in with OpenID Connect ({@link ProductionSignIn}),
 * and the application refuses to start without an identity provider. The browser's
 * cookie session is protected against CSRF with a token cookie; a request carrying its own
 * {@code Authorization} header cannot be forged cross-site and needs no token. Failed sign-ins are
 * throttled per account and address ({@link SignInThrottle}); the security headers are written on
 * every answer, HEAD included; redirects never come from the {@code Host} header
 * ({@link RelativeRedirects}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(
            @Value("${explorer.mode}") String mode,
            @Value("${demo.password:demo}") String demoPassword,
            PasswordEncoder encoder) {
        if (!ExplorerModeEnvironmentPostProcessor.LOCAL.equals(mode)) {
            // Production sign-in comes from an identity provider; no local accounts exist.
            return new InMemoryUserDetailsManager();
        }
        var encoded = encoder.encode(demoPassword);
        // A fresh user object per sign-in: Spring Security erases the credentials of the one it used.
        return username -> DemoUsers.ALL.stream()
                .filter(d -> d.username().equals(username))
                .findFirst()
                .map(d -> new ExplorerUser(d.username(), encoded, d.role(), d.agency()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            @Value("${explorer.mode}") String mode,
            Environment environment,
            SignInThrottle throttle,
            ObjectProvider<LocalTokens> localTokens)
            throws Exception {
        var local = ExplorerModeEnvironmentPostProcessor.LOCAL.equals(mode);
        RequestMatcher api = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/graphql"),
                PathPatternRequestMatcher.withDefaults().matcher("/api/**"));
        RequestMatcher ownCredentials = request -> request.getHeader("Authorization") != null;
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(
                                "/actuator/health",
                                "/actuator/health/liveness",
                                "/actuator/health/readiness",
                                "/actuator/health/warm-up")
                        .permitAll()
                        .requestMatchers(
                                "/login", "/logout", "/error", "/favicon.ico", "/css/**", "/js/**", "/webjars/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAccessDeniedHandlerFor(SecurityConfiguration::unauthorizedWhenAnonymous, api))
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(ownCredentials))
                .addFilterAfter(new SignInThrottleFilter(throttle), CsrfFilter.class)
                // a page's request while another user is signed in in the browser: 401 (ReaderCheckFilter)
                .addFilterAfter(new ReaderCheckFilter(), AuthorizationFilter.class)
                .headers(headers -> headers
                        // written before the answer, so that answers without a body (HEAD) carry them too
                        .withObjectPostProcessor(writtenEagerly())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                        + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
                                        + "object-src 'none'; "
                                        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        if (local) {
            // scripts: one password check for a 15-minute bearer token (README, "Querying the API")
            http.addFilterBefore(new LocalTokenFilter(localTokens.getObject()), BasicAuthenticationFilter.class);
            http.httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                    .formLogin(form -> form.loginPage("/login") // the explorer's own page, SignInPage
                            .withObjectPostProcessor(RelativeRedirects.relativeLoginPage())
                            .successHandler(RelativeRedirects.afterSignIn())
                            .failureHandler(SignInThrottleFilter.counting(
                                    new SimpleUrlAuthenticationFailureHandler("/login?error"))))
                    .logout(Customizer.withDefaults());
        } else {
            ProductionSignIn.configure(http, IdentitySettings.from(environment), IntegrationClients.from(environment));
            LOG.info("Production mode: sign-in through the identity provider; demo users are disabled.");
        }
        return http.build();
    }

    private static ObjectPostProcessor<HeaderWriterFilter> writtenEagerly() {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        };
    }

    /**
     * A missing CSRF token is reported before authentication runs: for an anonymous caller the
     * honest answer is still 401 (sign in first), and 403 only for a signed-in one.
     */
    private static void unauthorizedWhenAnonymous(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var anonymous = authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken;
        response.sendError(anonymous ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_FORBIDDEN);
    }
}
