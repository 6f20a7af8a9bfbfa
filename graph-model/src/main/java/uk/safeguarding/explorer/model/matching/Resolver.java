package uk.safeguarding.explorer.model.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
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
 * <li>a link by score also needs a date of birth on the record, or an extract that bounds its
 * age (it is the parent of a child whose birth the extract gives, and the person is at least
 * {@value #PARENT_LINK_GAP_YEARS} years older than that child): name, sex and address alone are
 * shared by a father and the son named after him, and the father may be the one nobody has
 * recorded yet; an identifier that nobody else holds says nothing about which of them it is;</li>
 * <li>no link by score where an identifier agrees but the dates of birth contradict, nor where
 * another person than the best match holds the record's identifier (the best match would take
 * it), nor to a
 * person of the other sex (boy and girl twins of similar names), nor on a given name that is only
 * a close spelling of the person's, born the same day, where one side gives no sex (the same
 * twins when the school sends no sex): all go to a steward;</li>
 * </ol>
 */
public final class Resolver {

    /** At most this many persons are queued for one record. */
    public static final int MAX_REVIEW = 3;

    /**
     * A record without a date of birth that its extract makes the parent of a child links by score
     * only to someone born at least this many years before the child.
     */
    public static final int PARENT_LINK_GAP_YEARS = 17;

    private final Scorer scorer;

    public Resolver(Scorer scorer) {
        this.scorer = scorer;
    }

    public Scorer scorer() {
        return scorer;
    }

    /** Decides for a record whose extract says nothing of its age (see {@link #decide(MatchRecord, List, LocalDate)}). */
    public Decision decide(MatchRecord record, List<Candidate> candidates) {
        return decide(record, candidates, null);
    }

    /**
     * Where a record belongs among its candidates. {@code eldestChildBorn}: the record's own extract
     * makes it the parent of children, the eldest born that day (null when it does not): a record
     * without a date of birth may then link by score to a person born at least {@value
     * #PARENT_LINK_GAP_YEARS} years before (those too young to be a parent at all are already {@link
     * Candidate#excluded()}).
     */
    public Decision decide(MatchRecord record, List<Candidate> candidates, LocalDate eldestChildBorn) {
        var settings = scorer.settings();
        var scored = new ArrayList<Comparison>();
        var identified = new ArrayList<Comparison>();
        for (var candidate : candidates) {
            if (candidate.excluded() || nhsVeto(record, candidate)) {
                continue;
            }
            var comparison = scorer.compare(record, candidate);
            scored.add(comparison);
            if (identifierAgrees(comparison) && comparison.level(Field.DATE_OF_BIRTH) != Level.DIFFERENT) {
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
                } else if (record.dateOfBirth() == null && !oldEnoughToBeTheParent(best, candidates, eldestChildBorn)) {
                    queued = Queued.NO_DATE_OF_BIRTH;
                } else if (identifierAgrees(best)) {
                    // an agreeing identifier that did not link: the dates of birth contradict
                    queued = Queued.IDENTIFIER_BUT_DATE_OF_BIRTH_DIFFERS;
                } else if (scored.stream().skip(1).anyMatch(Resolver::identifierAgrees)) {
                    // review 91: Lily's record carrying Kyle's NHS number gave it to Lily
                    queued = Queued.IDENTIFIER_HELD_BY_ANOTHER;
                } else if (best.level(Field.SEX) == Level.DIFFERENT) {
                    queued = Queued.SEX_DIFFERS;
                } else if (twinOfAnAgencyRecord(record, best, candidates)) {
                    queued = Queued.TWIN_OF_AN_AGENCY_RECORD;
                } else if (best.level(Field.GIVEN_NAME) == Level.CLOSE
                        && best.level(Field.DATE_OF_BIRTH) == Level.EXACT
                        && best.level(Field.SEX) == Level.MISSING) {
                    queued = Queued.SIMILAR_NAME_SAME_BIRTHDAY;
                } else {
                    return new Decision(Decision.LinkedBy.SCORE, best.personId(), best, List.of(), null);
                }
            }
        }
        var holders = queued == Queued.IDENTIFIER_HELD_BY_ANOTHER;
        var review = scored.stream()
                .filter(c -> c.score() >= settings.reviewThreshold()
                        || identified.contains(c)
                        || (holders && identifierAgrees(c)))
                .limit(MAX_REVIEW)
                .toList();
        return Decision.newPerson(review, queued);
    }

    /**
     * Whether a person weighed on these records only, whatever addresses they hold, cannot matter
     * to the record's decision: no identifier of the record agrees with the person's (an identifier
     * links whatever the score), and even at the best address every record scores below both
     * thresholds. {@code held}: the identifiers the person holds, or null when they are not known (a
     * record giving an identifier is then always within reach). Such a person is neither linked nor
     * queued nor near enough to make another person's score a close call: {@link #decide} decides
     * the same without them, so an import need not read what they hold nor weigh them.
     */
    public boolean outOfReach(MatchRecord record, List<MatchRecord> personRecords, HeldIdentifiers held) {
        var identified = record.nhsNumber() != null || record.pncId() != null || record.upn() != null;
        if (personRecords.isEmpty() || (identified && held == null)) {
            return false;
        }
        if (identified
                && (held(record.nhsNumber(), held.nhsNumbers())
                        || held(record.pncId(), held.pncIds())
                        || held(record.upn(), held.upns()))) {
            // the person holds an identifier of the record: it links whatever the score
            return false;
        }
        var settings = scorer.settings();
        var floor = Math.min(settings.reviewThreshold(), settings.linkThreshold());
        for (var other : personRecords) {
            if (identified && identifierAgrees(record, other)) {
                return false;
            }
            if (scorer.ceiling(record, other, held) >= floor) {
                return false;
            }
        }
        return true;
    }

    /** Whether an identifier of the record is the other record's own. */
    private static boolean identifierAgrees(MatchRecord record, MatchRecord other) {
        return agrees(record.nhsNumber(), other.nhsNumber())
                || agrees(record.pncId(), other.pncId())
                || agrees(record.upn(), other.upn());
    }

    private static boolean agrees(String value, String other) {
        return value != null && value.equals(other);
    }

    private static boolean held(String value, Set<String> held) {
        return value != null && held.contains(value);
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
            case NO_DATE_OF_BIRTH ->
                "The record has no date of birth (and no NHS number, PNC id or UPN that this"
                        + " person holds): name, sex and address alone are shared by a father and the son named after him,"
                        + " so even a score of " + link + " or more is left to a steward.";
            case IDENTIFIER_BUT_DATE_OF_BIRTH_DIFFERS ->
                "This person holds the record's NHS number, PNC id or UPN,"
                        + " but the dates of birth contradict each other: a wrong identifier, or two people.";
            case SEX_DIFFERS ->
                "The record and this person are of different sexes: boy and girl twins of similar"
                        + " names look like this, so even a score of " + link + " or more is left to a steward.";
            case TWIN_OF_AN_AGENCY_RECORD ->
                "This person already holds a record from the same agency, born the same day"
                        + " under another given name: the agency has recorded twins, not one child twice.";
            case SIMILAR_NAME_SAME_BIRTHDAY ->
                "The given name is only a close spelling of this person's, both were born the same day, and"
                        + " the sex of one is not known: a typing slip, or a boy and girl twin (Alexandra and"
                        + " Alexander), so even a score of " + link + " or more is left to a steward.";
            case IDENTIFIER_HELD_BY_SEVERAL -> "More than one person holds the record's NHS number, PNC id or UPN.";
            case IDENTIFIER_HELD_BY_ANOTHER ->
                "The record scores " + link + " or more with one person, but another person, born on another"
                        + " day, holds its NHS number, PNC id or UPN: a wrong identifier, or that person's record"
                        + " with a wrong date of birth. Linked, the first would take the second's identifier.";
            case CONTESTED_IN_EXTRACT ->
                "Another record of the same extract, a different person by its identifiers or a twin born the"
                        + " same day, matches this person as well: which of the two it is, is left to a steward.";
            case CHANGED_SINCE_LINKED ->
                "The agency sent this record again with other details after it was linked to this person, and"
                        + " weighed again against the person's other records it would not be linked now (the score"
                        + " and evidence are of the record as it is now). It stays with the person until you decide:"
                        + " Same person keeps the new version, Different people splits it off into a person of its own,"
                        + " Keep as linked sets the new version aside.";
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /**
     * Whether the person already holds a record of the record's own agency born the same day under
     * another given name (not a form of the same name): that agency knows two people, twins.
     */
    private boolean twinOfAnAgencyRecord(MatchRecord record, Comparison best, List<Candidate> candidates) {
        var source = source(record.key());
        return source != null
                && recordsOf(best, candidates).anyMatch(r -> source.equals(source(r.key())) && twins(record, r));
    }

    /**
     * Whether two records are twins rather than one person: born the same (known) day under given
     * names that are neither the same nor forms of one name (Leo and Leon).
     */
    public boolean twins(MatchRecord a, MatchRecord b) {
        if (a.dateOfBirth() == null || !a.dateOfBirth().equals(b.dateOfBirth())) {
            return false;
        }
        var level = scorer.givenName(a.givenName(), b.givenName());
        return level == Level.CLOSE || level == Level.DIFFERENT;
    }

    /** The records of the person a comparison is with, as the candidates give them. */
    private static Stream<MatchRecord> recordsOf(Comparison best, List<Candidate> candidates) {
        return candidates.stream()
                .filter(c -> c.personId().equals(best.personId()))
                .flatMap(c -> c.records().stream());
    }

    private static String source(String key) {
        var colon = key == null ? -1 : key.indexOf(':');
        return colon < 0 ? null : key.substring(0, colon);
    }

    private static boolean identifierAgrees(Comparison comparison) {
        return comparison.level(Field.NHS_NUMBER) == Level.EXACT
                || comparison.level(Field.PNC_ID) == Level.EXACT
                || comparison.level(Field.UPN) == Level.EXACT;
    }

    /**
     * Whether the person a record without a date of birth best matches is old enough to be the
     * parent its extract makes it: every date of birth the person's records give at least {@value
     * #PARENT_LINK_GAP_YEARS} years before the eldest child's (a brother of the same name is younger).
     */
    private static boolean oldEnoughToBeTheParent(
            Comparison best, List<Candidate> candidates, LocalDate eldestChildBorn) {
        if (eldestChildBorn == null) {
            return false;
        }
        var latest = eldestChildBorn.minusYears(PARENT_LINK_GAP_YEARS);
        var births = recordsOf(best, candidates)
                .map(MatchRecord::dateOfBirth)
                .filter(Objects::nonNull)
                .toList();
        return !births.isEmpty() && births.stream().noneMatch(d -> d.isAfter(latest));
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
