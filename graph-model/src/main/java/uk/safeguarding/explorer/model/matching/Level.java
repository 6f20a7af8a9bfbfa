package uk.safeguarding.explorer.model.matching;

/**
 * How far two values of a field agree. Each {@link Field} uses some of them: given names EXACT,
 * NICKNAME, CLOSE, INITIAL or DIFFERENT; family names EXACT, CLOSE, ALIAS (a former name or alias)
 * or DIFFERENT; dates of birth EXACT, SWAPPED (day and month), ONE_PART or DIFFERENT; addresses
 * SAME_ADDRESS, SAME_POSTCODE, SAME_DISTRICT or DIFFERENT; sex and identifiers EXACT or DIFFERENT.
 */
public enum Level {
    EXACT,
    NICKNAME,
    CLOSE,
    INITIAL,
    ALIAS,
    SWAPPED,
    ONE_PART,
    SAME_ADDRESS,
    SAME_POSTCODE,
    SAME_DISTRICT,
    DIFFERENT,
    MISSING
}
