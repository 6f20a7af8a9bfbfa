package uk.safeguarding.explorer.model;

/** The agencies of a local safeguarding partnership. */
public enum AgencyType {
    CHILDRENS_SOCIAL_CARE,
    POLICE,
    HEALTH,
    YOUTH_OFFENDING,
    PROBATION,
    EDUCATION,
    HOUSING,
    VOLUNTARY
}
