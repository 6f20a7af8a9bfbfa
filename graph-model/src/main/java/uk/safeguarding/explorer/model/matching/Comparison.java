package uk.safeguarding.explorer.model.matching;

import java.util.List;

/** The score of a record against a person (the sum of the evidence weights) and its evidence. */
public record Comparison(String personId, double score, List<Evidence> evidence) {

    /** The level of a field in this comparison. */
    public Level level(Field field) {
        return evidence.stream()
                .filter(e -> e.field() == field)
                .map(Evidence::level)
                .findFirst()
                .orElse(Level.MISSING);
    }
}
