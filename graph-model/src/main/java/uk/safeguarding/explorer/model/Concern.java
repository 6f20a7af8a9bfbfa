package uk.safeguarding.explorer.model;

/** The primary concern of a referral. */
public enum Concern {
    SEXUAL_ABUSE,
    PHYSICAL_ABUSE,
    NEGLECT,
    EMOTIONAL_ABUSE,
    HSB,
    MISSING,
    EXPLOITATION,
    OTHER
}
