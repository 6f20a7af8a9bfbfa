package uk.safeguarding.explorer.model.changes;

/**
 * The kinds of change in a family between two days (contract {@code ChangeKind} of
 * {@code familyChanges}): what a strategy-meeting chair asks first, "what has changed since we last met?".
 */
public enum ChangeKind {
    BORN,
    CAME_OF_AGE,
    DIED,
    JOINED_HOUSEHOLD,
    LEFT_HOUSEHOLD,
    MOVED,
    PARTNERSHIP_STARTED,
    PARTNERSHIP_ENDED,
    CONTACT_STARTED,
    CONTACT_ENDED,
    MARKER_ADDED,
    MARKER_ENDED,
    REFERRAL,
    ASSESSMENT_STARTED,
    ASSESSMENT_COMPLETED,
    MEETING,
    ACTION_COMPLETED,
    ACTION_OVERDUE,
    FLAG_RAISED,
    FLAG_CLEARED
}
