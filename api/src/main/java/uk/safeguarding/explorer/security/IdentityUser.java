package uk.safeguarding.explorer.security;

import org.springframework.security.core.AuthenticatedPrincipal;

/** A user signed in through the identity provider with a bearer token (production). */
public record IdentityUser(String username, Role role, String agency)
        implements ExplorerPrincipal, AuthenticatedPrincipal {

    @Override
    public String getName() {
        return username;
    }
}
