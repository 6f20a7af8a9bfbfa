package uk.safeguarding.explorer.model;

/** How urgently a referral needs a response. */
public enum Urgency {
    ROUTINE,
    URGENT,
    IMMEDIATE
}
