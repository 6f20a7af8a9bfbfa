package uk.safeguarding.explorer.model.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The decision rules of identity resolution (DESIGN §9), pure and deterministic:
 * <ol>
 * <li>a person holding a different valid NHS number is never a candidate: two NHS numbers are
 * two people; neither is a person the record's steward decisions or extract rule out;</li>
 * <li>an equal NHS number, PNC id or UPN links the record to its one person
 * ({@code IDENTIFIER}) unless the dates of birth contradict each other (level DIFFERENT);</li>
 * <li>otherwise the best-scoring person is linked ({@code SCORE}) when the score reaches the link
 * threshold and no other person comes near (below the review threshold, or more than the
 * ambiguity margin behind): twins and a father and son of one name stay apart;</li>
 * <li>anyone else scoring at or above the review threshold is queued for review, and the record
 * becomes a new person until a steward decides; below it, simply a new person.</li>
 * </ol>
 */
public final class Resolver {

    /** At most this many persons are queued for one record. */
    public static final int MAX_REVIEW = 3;

    private final Scorer scorer;

    public Resolver(Scorer scorer) {
        this.scorer = scorer;
    }

    public Scorer scorer() {
        return scorer;
    }

    public Decision decide(MatchRecord record, List<Candidate> candidates) {
        var settings = scorer.settings();
        var scored = new ArrayList<Comparison>();
        var identified = new ArrayList<Comparison>();
        for (var candidate : candidates) {
            if (candidate.excluded() || nhsVeto(record, candidate)) {
                continue;
            }
            var comparison = scorer.compare(record, candidate);
            scored.add(comparison);
            var identifierAgrees = comparison.level(Field.NHS_NUMBER) == Level.EXACT
                    || comparison.level(Field.PNC_ID) == Level.EXACT
                    || comparison.level(Field.UPN) == Level.EXACT;
            if (identifierAgrees && comparison.level(Field.DATE_OF_BIRTH) != Level.DIFFERENT) {
                identified.add(comparison);
            }
        }
        scored.sort(Comparator.comparingDouble(Comparison::score).reversed().thenComparing(Comparison::personId));
        if (identified.size() == 1) {
            var link = identified.get(0);
            return new Decision(Decision.LinkedBy.IDENTIFIER, link.personId(), link, List.of());
        }
        if (!scored.isEmpty() && identified.isEmpty()) {
            var best = scored.get(0);
            var second = scored.size() > 1 ? scored.get(1) : null;
            var clear = second == null
                    || second.score() < settings.reviewThreshold()
                    || best.score() - second.score() >= settings.ambiguityMargin();
            if (best.score() >= settings.linkThreshold() && clear) {
                return new Decision(Decision.LinkedBy.SCORE, best.personId(), best, List.of());
            }
        }
        var review = scored.stream()
                .filter(c -> c.score() >= settings.reviewThreshold() || identified.contains(c))
                .limit(MAX_REVIEW)
                .toList();
        return Decision.newPerson(review);
    }

    /** A person with a valid NHS number other than the record's is another person. */
    private static boolean nhsVeto(MatchRecord record, Candidate candidate) {
        if (record.nhsNumber() == null) {
            return false;
        }
        if (!candidate.nhsNumbers().isEmpty() && !candidate.nhsNumbers().contains(record.nhsNumber())) {
            return true;
        }
        return candidate.records().stream()
                .anyMatch(r -> r.nhsNumber() != null && !r.nhsNumber().equals(record.nhsNumber()));
    }
}
