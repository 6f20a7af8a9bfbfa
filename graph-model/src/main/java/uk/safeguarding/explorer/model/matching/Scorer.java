package uk.safeguarding.explorer.model.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Compares a person record with a candidate person field by field (DESIGN §9) and sums the
 * Fellegi-Sunter weights of the agreement levels into a score. Names are compared on their
 * standardised forms with the nickname table, Jaro-Winkler similarity and Double Metaphone; the
 * person's identifiers and addresses are those of all their records.
 */
public final class Scorer {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /** From this Jaro-Winkler similarity up, two names that sound alike are CLOSE. */
    private static final double PHONETIC_FLOOR = 0.8;

    /** Added to the bound of {@link #similarityAtMost}, so that rounding never puts it below the similarity. */
    private static final double BOUND_SLACK = 1e-9;

    private final MatchingSettings settings;
    private final Nicknames nicknames;

    /**
     * Each field's weight at each level, rounded as shown ({@link MatchingSettings#round}), by
     * ordinal; NaN where the field has no such level (asking for it throws, as the settings do).
     * Read once: some sixty stored records are weighed against each incoming record.
     */
    private final double[][] roundedWeights;

    /** The similarity below which two names are neither CLOSE nor worth comparing by sound. */
    private final double closeFloor;

    public Scorer(MatchingSettings settings, Nicknames nicknames) {
        this.settings = settings;
        this.nicknames = nicknames;
        this.roundedWeights = new double[Field.values().length][Level.values().length];
        for (var field : Field.values()) {
            for (var level : Level.values()) {
                double weight;
                try {
                    weight = MatchingSettings.round(settings.weight(field, level));
                } catch (IllegalArgumentException noSuchLevel) {
                    weight = Double.NaN;
                }
                roundedWeights[field.ordinal()][level.ordinal()] = weight;
            }
        }
        this.closeFloor = Math.min(settings.closeName(), PHONETIC_FLOOR);
    }

    public MatchingSettings settings() {
        return settings;
    }

    /** The best comparison of the record with any of the candidate's records. */
    public Comparison compare(MatchRecord record, Candidate candidate) {
        Comparison best = null;
        for (var other : candidate.records()) {
            var comparison = compare(record, other, candidate);
            if (best == null || comparison.score() > best.score()) {
                best = comparison;
            }
        }
        return best == null
                ? compare(record, MatchRecord.of(null, null, null, null, null, null, null, null, null), candidate)
                : best;
    }

    /** One record against one record of the candidate person. */
    public Comparison compare(MatchRecord record, MatchRecord other, Candidate person) {
        var evidence = new ArrayList<Evidence>(Field.values().length);
        add(evidence, Field.GIVEN_NAME, givenName(record.givenName(), other.givenName()));
        add(evidence, Field.FAMILY_NAME, familyName(record, other));
        add(evidence, Field.DATE_OF_BIRTH, dateOfBirth(record.dateOfBirth(), other.dateOfBirth()));
        add(evidence, Field.SEX, sex(record.sex(), other.sex()));
        add(
                evidence,
                Field.ADDRESS,
                address(record.addressIds(), record.postcodes(), person.addressIds(), person.postcodes()));
        add(evidence, Field.NHS_NUMBER, identifier(record.nhsNumber(), person.nhsNumbers(), other.nhsNumber()));
        add(evidence, Field.PNC_ID, identifier(record.pncId(), person.pncIds(), other.pncId()));
        add(evidence, Field.UPN, identifier(record.upn(), person.upns(), other.upn()));
        var weights = new double[evidence.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = evidence.get(i).weight();
        }
        return new Comparison(person.personId(), MatchingSettings.round(sum(weights)), List.copyOf(evidence));
    }

    /**
     * The most a comparison of the record with one record of a person can score, whatever else the
     * person holds: the record fields (names, date of birth, sex) as {@link #compare(MatchRecord,
     * MatchRecord, Candidate)} compares them, the address at its best level where the record gives
     * one, and the identifiers as they compare with those the person holds ({@code held}) or, when
     * that is not known (null), at their best level where the record gives them (a field the record
     * does not give is MISSING whoever the person is). Weighed, summed in the same order and rounded
     * as {@code compare} does ({@link #sum}), so never below its score.
     */
    public double ceiling(MatchRecord record, MatchRecord other, HeldIdentifiers held) {
        var hasAddress = !record.addressIds().isEmpty() || !record.postcodes().isEmpty();
        return MatchingSettings.round(sum(
                rounded(Field.GIVEN_NAME, givenName(record.givenName(), other.givenName())),
                rounded(Field.FAMILY_NAME, familyName(record, other)),
                rounded(Field.DATE_OF_BIRTH, dateOfBirth(record.dateOfBirth(), other.dateOfBirth())),
                rounded(Field.SEX, sex(record.sex(), other.sex())),
                best(
                        Field.ADDRESS,
                        hasAddress,
                        Level.SAME_ADDRESS,
                        Level.SAME_POSTCODE,
                        Level.SAME_DISTRICT,
                        Level.DIFFERENT),
                held == null
                        ? best(Field.NHS_NUMBER, record.nhsNumber() != null, Level.EXACT, Level.DIFFERENT)
                        : rounded(
                                Field.NHS_NUMBER, identifier(record.nhsNumber(), held.nhsNumbers(), other.nhsNumber())),
                held == null
                        ? best(Field.PNC_ID, record.pncId() != null, Level.EXACT, Level.DIFFERENT)
                        : rounded(Field.PNC_ID, identifier(record.pncId(), held.pncIds(), other.pncId())),
                held == null
                        ? best(Field.UPN, record.upn() != null, Level.EXACT, Level.DIFFERENT)
                        : rounded(Field.UPN, identifier(record.upn(), held.upns(), other.upn()))));
    }

    /**
     * The weights of a comparison's fields added up in the order given, from zero: the score of
     * {@link #compare(MatchRecord, MatchRecord, Candidate)} and {@link #ceiling} alike, so that the
     * ceiling's rounding is never below the score's.
     */
    private static double sum(double... weights) {
        var score = 0.0;
        for (var weight : weights) {
            score += weight;
        }
        return score;
    }

    /** The best rounded weight of the field among the levels (and MISSING); MISSING's alone when the record lacks it. */
    private double best(Field field, boolean given, Level... levels) {
        var best = rounded(field, Level.MISSING);
        if (given) {
            for (var level : levels) {
                best = Math.max(best, rounded(field, level));
            }
        }
        return best;
    }

    private double rounded(Field field, Level level) {
        var weight = roundedWeights[field.ordinal()][level.ordinal()];
        // a level the field does not have: the settings say so
        return Double.isNaN(weight) ? MatchingSettings.round(settings.weight(field, level)) : weight;
    }

    private void add(List<Evidence> evidence, Field field, Level level) {
        evidence.add(new Evidence(field, level, rounded(field, level)));
    }

    /**
     * Given names: EXACT (the same name, or the same first name), NICKNAME (forms of one name in
     * the table), CLOSE (a misspelling: similar or sounding alike), INITIAL (one side gives only the
     * initial, and it agrees), else DIFFERENT.
     */
    public Level givenName(String a, String b) {
        if (a == null || b == null) {
            return Level.MISSING;
        }
        if (a.equals(b)) {
            return Level.EXACT;
        }
        var first = Standardise.first(a);
        var second = Standardise.first(b);
        if (first.equals(second)) {
            return first.length() == 1 ? Level.INITIAL : Level.EXACT;
        }
        if (first.length() == 1 || second.length() == 1) {
            return first.charAt(0) == second.charAt(0) ? Level.INITIAL : Level.DIFFERENT;
        }
        if (nicknames.related(first, second)) {
            return Level.NICKNAME;
        }
        return close(first, second) ? Level.CLOSE : Level.DIFFERENT;
    }

    /**
     * Family names: EXACT (the same once standardised: case, accents, hyphens, Mc/Mac), CLOSE (a
     * misspelling, or one half of a double-barrelled name), ALIAS (a former name or alias of either
     * side), else DIFFERENT.
     */
    public Level familyName(MatchRecord a, MatchRecord b) {
        if (a.familyName() == null || b.familyName() == null) {
            return Level.MISSING;
        }
        var left = Standardise.joined(a.familyName());
        var right = Standardise.joined(b.familyName());
        if (left.equals(right)) {
            return Level.EXACT;
        }
        if (a.familyName().indexOf(' ') >= 0 || b.familyName().indexOf(' ') >= 0) {
            // one half of a double-barrelled name
            var leftTokens = Standardise.tokens(a.familyName());
            var rightTokens = Standardise.tokens(b.familyName());
            if ((leftTokens.size() > 1 || rightTokens.size() > 1)
                    && (leftTokens.containsAll(rightTokens) || rightTokens.containsAll(leftTokens))) {
                return Level.CLOSE;
            }
        }
        if (close(left, right)) {
            return Level.CLOSE;
        }
        if (aliasAgrees(a.aliases(), b) || aliasAgrees(b.aliases(), a)) {
            return Level.ALIAS;
        }
        return Level.DIFFERENT;
    }

    private boolean aliasAgrees(List<String> aliases, MatchRecord other) {
        var family = Standardise.joined(other.familyName());
        for (var alias : aliases) {
            var tokens = Standardise.tokens(alias);
            var aliasFamily = tokens.get(tokens.size() - 1);
            if (aliasFamily.equals(family) || Standardise.joined(alias).equals(family) || close(aliasFamily, family)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Dates of birth: EXACT, SWAPPED (day and month the other way round), ONE_PART (exactly one of
     * day, month and year differs; a year only by a plausible slip: one year, one digit within ten
     * years, or two digits transposed), else DIFFERENT.
     */
    public static Level dateOfBirth(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return Level.MISSING;
        }
        if (a.equals(b)) {
            return Level.EXACT;
        }
        if (a.getYear() == b.getYear()
                && a.getDayOfMonth() == b.getMonthValue()
                && a.getMonthValue() == b.getDayOfMonth()) {
            return Level.SWAPPED;
        }
        var sameYear = a.getYear() == b.getYear();
        var sameMonth = a.getMonthValue() == b.getMonthValue();
        var sameDay = a.getDayOfMonth() == b.getDayOfMonth();
        if (sameYear && (sameMonth || sameDay)) {
            return Level.ONE_PART;
        }
        if (sameMonth && sameDay && yearSlip(a.getYear(), b.getYear())) {
            return Level.ONE_PART;
        }
        return Level.DIFFERENT;
    }

    private static boolean yearSlip(int a, int b) {
        var gap = Math.abs(a - b);
        if (gap <= 1) {
            return true;
        }
        if (gap > 10) {
            return false;
        }
        var x = String.valueOf(a);
        var y = String.valueOf(b);
        if (x.length() != y.length()) {
            return false;
        }
        int differing = 0;
        for (int i = 0; i < x.length(); i++) {
            if (x.charAt(i) != y.charAt(i)) {
                differing++;
            }
        }
        if (differing == 1) {
            return true;
        }
        var sortedX = x.chars().sorted().toArray();
        var sortedY = y.chars().sorted().toArray();
        return differing == 2 && Arrays.equals(sortedX, sortedY);
    }

    /**
     * Addresses: SAME_ADDRESS (a resolved address in common), SAME_POSTCODE, SAME_DISTRICT (the
     * postcode's outward code), else DIFFERENT; MISSING when either side has none.
     */
    public static Level address(
            Set<String> ids, Set<String> postcodes, Set<String> otherIds, Set<String> otherPostcodes) {
        if ((ids.isEmpty() && postcodes.isEmpty()) || (otherIds.isEmpty() && otherPostcodes.isEmpty())) {
            return Level.MISSING;
        }
        for (var id : ids) {
            if (otherIds.contains(id)) {
                return Level.SAME_ADDRESS;
            }
        }
        for (var postcode : postcodes) {
            if (otherPostcodes.contains(postcode)) {
                return Level.SAME_POSTCODE;
            }
        }
        for (var postcode : postcodes) {
            var district = Standardise.district(postcode);
            for (var other : otherPostcodes) {
                if (district != null && district.equals(Standardise.district(other))) {
                    return Level.SAME_DISTRICT;
                }
            }
        }
        return Level.DIFFERENT;
    }

    /** Sex and identifiers: EXACT when the value is among the person's, DIFFERENT when the person has others. */
    public static Level same(String value, Collection<String> values) {
        if (value == null || values.isEmpty()) {
            return Level.MISSING;
        }
        return values.contains(value) ? Level.EXACT : Level.DIFFERENT;
    }

    /** Sex: {@link #same} with the other record's one value (none when it gives none). */
    static Level sex(String value, String other) {
        if (value == null || other == null) {
            return Level.MISSING;
        }
        return value.equals(other) ? Level.EXACT : Level.DIFFERENT;
    }

    /**
     * An identifier: {@link #same} with the values the person holds and the other record's own
     * (which may not be among them yet), without building their union.
     */
    static Level identifier(String value, Set<String> held, String other) {
        if (value == null || (held.isEmpty() && other == null)) {
            return Level.MISSING;
        }
        return value.equals(other) || held.contains(value) ? Level.EXACT : Level.DIFFERENT;
    }

    private boolean close(String a, String b) {
        if (similarityAtMost(a, b) < closeFloor) {
            // the bound says what Jaro-Winkler would: neither close nor alike enough to ask the sound
            return false;
        }
        var similarity = JARO_WINKLER.apply(a, b);
        if (similarity >= settings.closeName()) {
            return true;
        }
        return similarity >= PHONETIC_FLOOR
                && a.length() > 3
                && b.length() > 3
                && Standardise.phonetic(a).equals(Standardise.phonetic(b));
    }

    /**
     * An upper bound of the Jaro-Winkler similarity of two standardised names, from what it is made
     * of, for the price of counting letters: Jaro's matches m are at most the letters the two have in
     * common (c), so Jaro = (m/|a| + m/|b| + (m - t)/m) / 3 is at most (c/|a| + c/|b| + 1) / 3; the
     * Winkler boost (0.1 per letter of common prefix, at most four, from a Jaro of 0.7) grows with
     * Jaro, so it is at most the boost of that bound. Two strangers' names ("KYLE" and "ARCHER": one
     * letter in common) are then told apart without Apache Commons Text's comparison, which the
     * bound never overrules: a pair the bound lets through is compared by it. Letters outside A to Z
     * (a name not standardised) give the bound 1.
     */
    static double similarityAtMost(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.equals(b) ? 1 : 0;
        }
        var counts = new int[26];
        for (int i = 0; i < a.length(); i++) {
            var letter = a.charAt(i) - 'A';
            if (letter < 0 || letter >= 26) {
                return 1;
            }
            counts[letter]++;
        }
        int common = 0;
        for (int i = 0; i < b.length(); i++) {
            var letter = b.charAt(i) - 'A';
            if (letter < 0 || letter >= 26) {
                return 1;
            }
            if (counts[letter] > 0) {
                counts[letter]--;
                common++;
            }
        }
        if (common == 0) {
            return 0;
        }
        var jaro = ((double) common / a.length() + (double) common / b.length() + 1) / 3;
        if (jaro < 0.7) {
            return jaro + BOUND_SLACK;
        }
        int prefix = 0;
        while (prefix < 4 && prefix < a.length() && prefix < b.length() && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + 0.1 * prefix * (1 - jaro) + BOUND_SLACK;
    }
}
