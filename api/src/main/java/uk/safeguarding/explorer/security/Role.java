package uk.safeguarding.explorer.security;

/**
 * The roles of the explorer (the security issue refines what each may see). A DATA_STEWARD (an
 * information officer of the partnership) works the identity-resolution review queue and sees
 * matching fields only, never case data. INTEGRATION is another system (a case-management system, a
 * MASH dashboard) signed in with an OAuth2 client-credentials token: it reads as its configured agency
 * does, only the operations it registered, and never writes (see {@code integration.IntegrationClients}).
 */
public enum Role {
    ADMIN,
    PRACTITIONER,
    MEETING_CHAIR,
    AUDITOR,
    DATA_STEWARD,
    INTEGRATION;

    public String authority() {
        return "ROLE_" + name();
    }
}
