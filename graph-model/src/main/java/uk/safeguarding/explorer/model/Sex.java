package uk.safeguarding.explorer.model;

/** Sex as recorded; OTHER and UNKNOWN are kept distinct. */
public enum Sex {
    MALE,
    FEMALE,
    OTHER,
    UNKNOWN
}
