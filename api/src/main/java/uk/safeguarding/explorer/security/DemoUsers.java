package uk.safeguarding.explorer.security;

import java.util.List;

/**
 * The demo users of local mode, one per agency and role of the shared scenario. They share one
 * password, {@code DEMO_PASSWORD} (default {@code demo}), and never exist in production mode.
 */
public final class DemoUsers {

    /** A demo user: name, role, agency. */
    public record Demo(String username, Role role, String agency) {}

    public static final List<Demo> ALL = List.of(
            new Demo("admin", Role.ADMIN, null),
            new Demo("social-worker", Role.PRACTITIONER, "csc"),
            new Demo("police-officer", Role.PRACTITIONER, "police"),
            new Demo("health-visitor", Role.PRACTITIONER, "health"),
            new Demo("yot-worker", Role.PRACTITIONER, "yot"),
            new Demo("probation-officer", Role.PRACTITIONER, "probation"),
            new Demo("teacher", Role.PRACTITIONER, "school-a"),
            new Demo("meeting-chair", Role.MEETING_CHAIR, "csc"),
            new Demo("auditor", Role.AUDITOR, null),
            new Demo("data-steward", Role.DATA_STEWARD, null));

    private DemoUsers() {}
}
