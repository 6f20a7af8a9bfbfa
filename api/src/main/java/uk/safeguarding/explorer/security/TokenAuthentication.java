package uk.safeguarding.explorer.security;

import java.util.ArrayList;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An API client authenticated by a bearer token: a person from the identity provider, a partner
 * system with a client-credentials token (role INTEGRATION), or, in local mode, a demo user's
 * short-lived local token.
 */
class TokenAuthentication extends AbstractAuthenticationToken {

    private final ExplorerPrincipal user;
    private final transient Jwt token;

    TokenAuthentication(ExplorerPrincipal user, Jwt token) {
        super(authorities(user.role()));
        this.user = user;
        this.token = token;
        setAuthenticated(true);
    }

    /**
     * A system reads what a practitioner of its agency may read (the services ask for PRACTITIONER);
     * it never writes: integration.IntegrationGate refuses every mutation before it runs.
     */
    private static ArrayList<GrantedAuthority> authorities(Role role) {
        var authorities = new ArrayList<GrantedAuthority>();
        authorities.add(new SimpleGrantedAuthority(role.authority()));
        if (role == Role.INTEGRATION) {
            authorities.add(new SimpleGrantedAuthority(Role.PRACTITIONER.authority()));
        }
        return authorities;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return user;
    }
}
