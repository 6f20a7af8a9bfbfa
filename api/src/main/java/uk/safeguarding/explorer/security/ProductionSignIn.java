package uk.safeguarding.explorer.security;

import java.util.ArrayList;
import java.util.Objects;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.DefaultLoginPageConfigurer;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import uk.safeguarding.explorer.integration.IntegrationClients;
import uk.safeguarding.explorer.integration.IntegrationPrincipal;

/**
 * Production sign-in through the organisation's identity provider: API clients present a JWT
 * (signature checked against the provider's published keys, issuer, audience, expiry and
 * not-before checked, unsigned tokens refused), and the browser signs in with OpenID Connect
 * (authorization code flow, PKCE for public clients). Both map the configured claims to the
 * explorer's user, role and agency; a token without them is refused. A client-credentials token of a
 * configured partner system signs in as that system ({@link IntegrationClients}). The addresses the provider
 * sends the browser back to are built from {@code EXPLORER_PUBLIC_URL}, never from the request.
 */
final class ProductionSignIn {

    static final String REGISTRATION_ID = "explorer";

    private ProductionSignIn() {}

    static void configure(HttpSecurity http, IdentitySettings settings, IntegrationClients clients) throws Exception {
        var missing = settings.missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Production mode needs an identity provider: set "
                    + String.join(", ", missing) + " (see the README, 'Connecting an identity provider'), "
                    + "or run with EXPLORER_MODE=local for the demo users.");
        }
        var registration = registration(settings);
        var registrations = new InMemoryClientRegistrationRepository(registration);
        var jwkSetUri = settings.jwkSetUri() != null
                ? settings.jwkSetUri()
                : registration.getProviderDetails().getJwkSetUri();
        http.oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.decoder(decoder(settings, jwkSetUri))
                        .jwtAuthenticationConverter(converter(settings.claims(), clients))))
                .oauth2Login(login -> login.clientRegistrationRepository(registrations)
                        .withObjectPostProcessor(RelativeRedirects.relativeLoginPage())
                        .successHandler(RelativeRedirects.afterSignIn())
                        .failureHandler(SignInThrottleFilter.counting(
                                new SimpleUrlAuthenticationFailureHandler("/login?error")))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUserService(settings))))
                .logout(logout -> logout.logoutSuccessHandler(logoutHandler(registrations, settings.publicUrl())));
        // GET /login is the explorer's own page (SignInPage), not Spring Security's generated one; a page
        // first asked for still goes straight to the identity provider
        http.removeConfigurer(DefaultLoginPageConfigurer.class);
    }

    private static ClientRegistration registration(IdentitySettings settings) {
        var builder = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientId(settings.clientId())
                .scope(settings.scopes())
                // from configuration, never from the request's Host header
                .redirectUri(settings.publicUrl() + "/login/oauth2/code/{registrationId}")
                .userNameAttributeName(settings.claims().userClaim());
        if (settings.clientSecret() != null) {
            builder.clientSecret(settings.clientSecret());
        } else {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        return builder.build();
    }

    static JwtDecoder decoder(IdentitySettings settings, String jwkSetUri) {
        var builder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri);
        for (var algorithm : settings.algorithms()) {
            var signature = SignatureAlgorithm.from(algorithm);
            if (signature == null) {
                throw new IllegalStateException("EXPLORER_IDENTITY_JWS_ALGORITHMS: unknown algorithm '" + algorithm
                        + "' (use RS256, RS384, RS512, ES256, ES384, ES512, PS256, PS384 or PS512)");
            }
            builder.jwsAlgorithm(signature);
        }
        var decoder = builder.build();
        var validators = new ArrayList<OAuth2TokenValidator<Jwt>>();
        validators.add(JwtValidators.createDefaultWithIssuer(settings.issuerUri()));
        validators.add(new JwtAudienceValidator(settings.audience()));
        // The default timestamp check passes a token that has no expiry at all; require one.
        validators.add(new JwtClaimValidator<Object>("exp", Objects::nonNull));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    /**
     * A token whose client claim names a configured partner system is that system's (role INTEGRATION,
     * its configured agency); any other must carry a person's claims.
     */
    static Converter<Jwt, AbstractAuthenticationToken> converter(ClaimMapping claims, IntegrationClients clients) {
        return jwt -> {
            var client = clients.of(jwt.getClaims());
            if (client.isPresent()) {
                return new TokenAuthentication(new IntegrationPrincipal(client.get()), jwt);
            }
            try {
                return new TokenAuthentication(claims.principal(jwt.getClaims()), jwt);
            } catch (IllegalArgumentException e) {
                throw new InvalidBearerTokenException(e.getMessage());
            }
        };
    }

    private static OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(IdentitySettings settings) {
        var delegate = new OidcUserService();
        return request -> {
            var user = delegate.loadUser(request);
            try {
                return new ExplorerOidcUser(
                        settings.claims().principal(user.getClaims()),
                        user,
                        settings.claims().userClaim());
            } catch (IllegalArgumentException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", e.getMessage(), null));
            }
        };
    }

    private static OidcClientInitiatedLogoutSuccessHandler logoutHandler(
            ClientRegistrationRepository registrations, String publicUrl) {
        var handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        // back to the sign-in page saying so, not straight into signing in again
        handler.setPostLogoutRedirectUri(publicUrl + "/login?logout");
        handler.setDefaultTargetUrl("/login?logout");
        return handler;
    }
}
