package uk.safeguarding.explorer.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An API client authenticated by a bearer token from the identity provider. */
class TokenAuthentication extends AbstractAuthenticationToken {

    private final IdentityUser user;
    private final transient Jwt token;

    TokenAuthentication(IdentityUser user, Jwt token) {
        super(List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
        this.token = token;
        setAuthenticated(true);
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
