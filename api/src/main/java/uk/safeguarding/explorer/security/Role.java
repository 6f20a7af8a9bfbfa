package uk.safeguarding.explorer.security;

/** The roles of the explorer (the security issue refines what each may see). */
public enum Role {
    ADMIN, PRACTITIONER, MEETING_CHAIR, AUDITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
