package uk.safeguarding.explorer.model.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uk.safeguarding.explorer.model.matching.Decision.Queued;

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
 * <li>a record with neither a date of birth nor an identifier is linked by score only when its own
 * extract bounds its age (it is the parent of a child whose birth the extract gives): name, sex and
 * address alone are shared by a father and the son named after him, and the father may be the one
 * nobody has recorded yet; otherwise its best match is queued for review;</li>
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

    /** Decides for a record whose extract says nothing of its age (see {@link #decide(MatchRecord, List, boolean)}). */
    public Decision decide(MatchRecord record, List<Candidate> candidates) {
        return decide(record, candidates, false);
    }

    /**
     * Where a record belongs among its candidates. {@code ageBounded}: the record's own extract
     * makes it the parent of a child whose date of birth it gives (the candidates too young to be
     * that parent are already {@link Candidate#excluded()}), which lets a record without a date of
     * birth or identifier link by score.
     */
    public Decision decide(MatchRecord record, List<Candidate> candidates, boolean ageBounded) {
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
            return new Decision(Decision.LinkedBy.IDENTIFIER, link.personId(), link, List.of(), null);
        }
        var queued = identified.size() > 1 ? Queued.IDENTIFIER_HELD_BY_SEVERAL : Queued.BETWEEN_THRESHOLDS;
        if (!scored.isEmpty() && identified.isEmpty()) {
            var best = scored.get(0);
            var second = scored.size() > 1 ? scored.get(1) : null;
            var clear = second == null
                    || second.score() < settings.reviewThreshold()
                    || best.score() - second.score() >= settings.ambiguityMargin();
            if (best.score() >= settings.linkThreshold()) {
                if (!clear) {
                    queued = Queued.CLOSE_CALL;
                } else if (!ageBounded && thin(record)) {
                    queued = Queued.NO_DATE_OF_BIRTH_OR_IDENTIFIER;
                } else {
                    return new Decision(Decision.LinkedBy.SCORE, best.personId(), best, List.of(), null);
                }
            }
        }
        var review = scored.stream()
                .filter(c -> c.score() >= settings.reviewThreshold() || identified.contains(c))
                .limit(MAX_REVIEW)
                .toList();
        return Decision.newPerson(review, queued);
    }

    /**
     * Why a record's candidates wait for a steward, in words, with the thresholds in force when it
     * was decided: the steward's queue shows it beside the evidence.
     */
    public String explain(Queued queued) {
        if (queued == null) {
            return null;
        }
        var settings = scorer.settings();
        var link = number(settings.linkThreshold());
        var review = number(settings.reviewThreshold());
        var margin = number(settings.ambiguityMargin());
        return switch (queued) {
            case BETWEEN_THRESHOLDS ->
                "It scored between the review threshold (" + review + ") and the link threshold (" + link
                        + "): the fields agree too little to link it and too much to ignore.";
            case CLOSE_CALL ->
                "More than one person scored " + review + " or more, within " + margin
                        + " points of the best: twins, or a father and a son of one name, look like this.";
            case NO_DATE_OF_BIRTH_OR_IDENTIFIER ->
                "The record has no date of birth and no NHS number, PNC id or UPN:"
                        + " name, sex and address alone are shared by a father and the son named after him, so even a"
                        + " score of " + link + " or more is left to a steward.";
            case IDENTIFIER_HELD_BY_SEVERAL -> "More than one person holds the record's NHS number, PNC id or UPN.";
            case CONTESTED_IN_EXTRACT ->
                "Another record of the same extract, a different person by its identifiers,"
                        + " matches this person within " + margin
                        + " points: which of the two it is, is left to a steward.";
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** Neither a date of birth nor an identifier: who the record is rests on name, sex and address. */
    static boolean thin(MatchRecord record) {
        return record.dateOfBirth() == null
                && record.nhsNumber() == null
                && record.pncId() == null
                && record.upn() == null;
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
