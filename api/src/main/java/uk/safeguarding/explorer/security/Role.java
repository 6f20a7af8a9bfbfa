package uk.safeguarding.explorer.security;

/**
 * The roles of the explorer (the security issue refines what each may see). A DATA_STEWARD (an
 * information officer of the partnership) works the identity-resolution review queue and sees
 * matching fields only, never case data.
 */
public enum Role {
    ADMIN, PRACTITIONER, MEETING_CHAIR, AUDITOR, DATA_STEWARD;

    public String authority() {
        return "ROLE_" + name();
    }
}
