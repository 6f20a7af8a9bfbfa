package uk.safeguarding.explorer.model;

/** Multi-agency meetings: strategy, child protection conferences, core groups, MAPPA. */
public enum MeetingKind {
    STRATEGY,
    ICPC,
    REVIEW_CPC,
    CORE_GROUP,
    MAPPA
}
