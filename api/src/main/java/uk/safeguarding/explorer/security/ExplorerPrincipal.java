package uk.safeguarding.explorer.security;

/**
 * A signed-in user as the explorer sees them, however they signed in (a demo user in local mode, a
 * bearer token or an OpenID Connect login in production): name, role and the id of their agency
 * (null for administrators and auditors).
 */
public interface ExplorerPrincipal {

    String username();

    Role role();

    String agency();
}
