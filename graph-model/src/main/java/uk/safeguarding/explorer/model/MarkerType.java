package uk.safeguarding.explorer.model;

/** Warning markers on a person or an address. */
public enum MarkerType {
    REGISTERED_SEX_OFFENDER,
    MAPPA,
    CHILD_PROTECTION_PLAN,
    LOOKED_AFTER,
    HARMFUL_SEXUAL_BEHAVIOUR,
    CSA_VICTIM,
    MISSING_EPISODE,
    DOMESTIC_ABUSE,
    VIOLENCE,
    OTHER
}
