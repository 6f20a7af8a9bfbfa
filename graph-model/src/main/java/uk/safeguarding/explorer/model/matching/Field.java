package uk.safeguarding.explorer.model.matching;

import java.util.List;

/**
 * The fields two person records are compared on (DESIGN §9) and the agreement levels each can
 * take. {@link Level#MISSING} (one side has no value) weighs nothing.
 */
public enum Field {
    GIVEN_NAME("givenName", List.of(Level.EXACT, Level.NICKNAME, Level.CLOSE, Level.INITIAL, Level.DIFFERENT)),
    FAMILY_NAME("familyName", List.of(Level.EXACT, Level.CLOSE, Level.ALIAS, Level.DIFFERENT)),
    DATE_OF_BIRTH("dateOfBirth", List.of(Level.EXACT, Level.SWAPPED, Level.ONE_PART, Level.DIFFERENT)),
    SEX("sex", List.of(Level.EXACT, Level.DIFFERENT)),
    ADDRESS("address", List.of(Level.SAME_ADDRESS, Level.SAME_POSTCODE, Level.SAME_DISTRICT, Level.DIFFERENT)),
    NHS_NUMBER("nhsNumber", List.of(Level.EXACT, Level.DIFFERENT)),
    PNC_ID("pncId", List.of(Level.EXACT, Level.DIFFERENT)),
    UPN("upn", List.of(Level.EXACT, Level.DIFFERENT));

    private final String jsonName;
    private final List<Level> levels;

    Field(String jsonName, List<Level> levels) {
        this.jsonName = jsonName;
        this.levels = levels;
    }

    /** The name in the settings file and in evidence: givenName, familyName, ... */
    public String jsonName() {
        return jsonName;
    }

    /** The levels this field is compared at (besides MISSING). */
    public List<Level> levels() {
        return levels;
    }

    public static Field fromJsonName(String name) {
        for (var field : values()) {
            if (field.jsonName.equals(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
