package uk.safeguarding.explorer.model.matching;

/**
 * One line of a match's explanation (contract, DESIGN §9): the field, how far the two records agree
 * on it, and the log-likelihood weight that agreement added to the score.
 */
public record Evidence(Field field, Level level, double weight) {

    /** "givenName NICKNAME 4.64": the stored and displayed form. */
    public String text() {
        return field.jsonName() + " " + level.name() + " " + MatchingSettings.round(weight);
    }

    /** Reads the form written by {@link #text()}. */
    public static Evidence parse(String text) {
        var parts = text.split(" ");
        return new Evidence(Field.fromJsonName(parts[0]), Level.valueOf(parts[1]), Double.parseDouble(parts[2]));
    }
}
