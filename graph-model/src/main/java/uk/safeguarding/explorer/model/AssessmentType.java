package uk.safeguarding.explorer.model;

/** Kinds of assessment; SIBLING_RISK and AIM3 are the ones the inspection found missing. */
public enum AssessmentType {
    SOCIAL_WORK,
    SIBLING_RISK,
    AIM3,
    HEALTH,
    CAMHS,
    OTHER
}
