package uk.safeguarding.explorer.integration;

import org.springframework.security.core.AuthenticatedPrincipal;
import uk.safeguarding.explorer.security.ExplorerPrincipal;
import uk.safeguarding.explorer.security.Role;

/**
 * A partner system signed in with a client-credentials token: need-to-know, redaction and the audit
 * log see it as its configured agency, under its client id and the role INTEGRATION.
 */
public record IntegrationPrincipal(IntegrationClient client) implements ExplorerPrincipal, AuthenticatedPrincipal {

    @Override
    public String username() {
        return client.id();
    }

    @Override
    public Role role() {
        return Role.INTEGRATION;
    }

    @Override
    public String agency() {
        return client.agency();
    }

    @Override
    public String getName() {
        return client.id();
    }
}
