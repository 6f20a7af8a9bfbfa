package uk.safeguarding.explorer.model;

/** Chronology entries that fit no other record. */
public enum EventKind {
    MISSING_EPISODE,
    RETURN_HOME_INTERVIEW,
    INCIDENT,
    DISCLOSURE,
    MOVE,
    OTHER
}
