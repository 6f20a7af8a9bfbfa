package uk.safeguarding.explorer.model.matching;

import java.util.List;

/**
 * What the engine decided for one record: link it to a person ({@code IDENTIFIER} on an equal
 * valid identifier, {@code SCORE} at or above the link threshold) or make it a new person
 * ({@code NEW}), with the score and evidence of the link, and the persons to queue for a steward's
 * review (scores between the thresholds, or links too close to call).
 */
public record Decision(LinkedBy linkedBy, String personId, Comparison link, List<Comparison> review) {

    /** How a record came to its person (contract, DESIGN §9). */
    public enum LinkedBy {
        IDENTIFIER,
        SCORE,
        REVIEW,
        NEW
    }

    public static Decision newPerson(List<Comparison> review) {
        return new Decision(LinkedBy.NEW, null, null, List.copyOf(review));
    }
}
