package uk.safeguarding.explorer.model.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every comparison level of every field, and the score as the sum of the weights. */
class ScorerTests {

    private final MatchingSettings settings = MatchingSettings.defaults();
    private final Scorer scorer = new Scorer(settings, Nicknames.standard());

    private static MatchRecord person(String given, String family, String dob) {
        return MatchRecord.of(
                "x", given, family, List.of(), dob == null ? null : LocalDate.parse(dob), null, null, null, null);
    }

    private Level given(String a, String b) {
        return scorer.givenName(Standardise.name(a), Standardise.name(b));
    }

    private Level family(MatchRecord a, MatchRecord b) {
        return scorer.familyName(a, b);
    }

    @Test
    void givenNamesAgreeExactlyByNicknameCloselyByInitialOrNot() {
        assertThat(given("Kyle", "KYLE")).isEqualTo(Level.EXACT);
        assertThat(given("Mary Ann", "Mary")).isEqualTo(Level.EXACT);
        assertThat(given("Robert", "Bob")).isEqualTo(Level.NICKNAME);
        assertThat(given("Liz", "Elizabeth")).isEqualTo(Level.NICKNAME);
        assertThat(given("Catherine", "Katherine")).isEqualTo(Level.CLOSE);
        assertThat(given("Jonathon", "Jonathan")).isEqualTo(Level.CLOSE);
        assertThat(given("K.", "Kyle")).isEqualTo(Level.INITIAL);
        assertThat(given("Kyle", "K")).isEqualTo(Level.INITIAL);
        assertThat(given("L", "Kyle")).isEqualTo(Level.DIFFERENT);
        assertThat(given("Lily", "Lucy")).isEqualTo(Level.DIFFERENT);
        assertThat(given("Kyle", null)).isEqualTo(Level.MISSING);
    }

    @Test
    void familyNamesAgreeExactlyCloselyThroughAnAliasOrNot() {
        assertThat(family(person("a", "McDonald", null), person("a", "MACDONALD", null)))
                .isEqualTo(Level.EXACT);
        assertThat(family(person("a", "Archer-Smith", null), person("a", "Archer Smith", null)))
                .isEqualTo(Level.EXACT);
        assertThat(family(person("a", "Smith", null), person("a", "Smyth", null)))
                .isEqualTo(Level.CLOSE);
        assertThat(family(person("a", "Archer-Smith", null), person("a", "Archer", null)))
                .isEqualTo(Level.CLOSE);
        var married = MatchRecord.of("x", "Kerry", "Bell", List.of("Kerry Wood"), null, null, null, null, null);
        assertThat(family(married, person("Kerry", "Wood", null))).isEqualTo(Level.ALIAS);
        assertThat(family(person("Kerry", "Wood", null), married)).isEqualTo(Level.ALIAS);
        assertThat(family(person("a", "Archer", null), person("a", "Bell", null)))
                .isEqualTo(Level.DIFFERENT);
        assertThat(family(person("a", null, null), person("a", "Bell", null))).isEqualTo(Level.MISSING);
    }

    @Test
    void datesOfBirthAgreeExactlySwappedInOnePartOrNot() {
        var dob = LocalDate.of(2001, 5, 7);
        assertThat(Scorer.dateOfBirth(dob, LocalDate.of(2001, 5, 7))).isEqualTo(Level.EXACT);
        assertThat(Scorer.dateOfBirth(dob, LocalDate.of(2001, 7, 5))).isEqualTo(Level.SWAPPED);
        assertThat(Scorer.dateOfBirth(dob, LocalDate.of(2001, 5, 17))).isEqualTo(Level.ONE_PART);
        assertThat(Scorer.dateOfBirth(dob, LocalDate.of(2001, 8, 7))).isEqualTo(Level.ONE_PART);
        assertThat(Scorer.dateOfBirth(dob, LocalDate.of(2002, 5, 7))).isEqualTo(Level.ONE_PART);
        assertThat(Scorer.dateOfBirth(dob, LocalDate.of(2007, 5, 7)))
                .as("one digit of the year")
                .isEqualTo(Level.ONE_PART);
        assertThat(Scorer.dateOfBirth(LocalDate.of(1989, 5, 7), LocalDate.of(1998, 5, 7)))
                .as("digits transposed")
                .isEqualTo(Level.ONE_PART);
        assertThat(Scorer.dateOfBirth(LocalDate.of(1975, 5, 7), LocalDate.of(1995, 5, 7)))
                .as("a generation apart, the same birthday")
                .isEqualTo(Level.DIFFERENT);
        assertThat(Scorer.dateOfBirth(dob, LocalDate.of(2003, 9, 12))).isEqualTo(Level.DIFFERENT);
        assertThat(Scorer.dateOfBirth(dob, null)).isEqualTo(Level.MISSING);
    }

    @Test
    void addressesAgreeOnTheResolvedAddressThePostcodeTheDistrictOrNot() {
        assertThat(Scorer.address(Set.of("a-1"), Set.of("YO313CC"), Set.of("a-1"), Set.of("YO313CC")))
                .isEqualTo(Level.SAME_ADDRESS);
        assertThat(Scorer.address(Set.of("a-1"), Set.of("YO313CC"), Set.of("a-2"), Set.of("YO313CC")))
                .isEqualTo(Level.SAME_POSTCODE);
        assertThat(Scorer.address(Set.of("a-1"), Set.of("YO313CC"), Set.of("a-2"), Set.of("YO319ZZ")))
                .isEqualTo(Level.SAME_DISTRICT);
        assertThat(Scorer.address(Set.of("a-1"), Set.of("YO313CC"), Set.of("a-2"), Set.of("LS11AA")))
                .isEqualTo(Level.DIFFERENT);
        assertThat(Scorer.address(Set.of(), Set.of(), Set.of("a-2"), Set.of("LS11AA")))
                .isEqualTo(Level.MISSING);
    }

    @Test
    void sexAndIdentifiersAgreeOrDisagree() {
        assertThat(Scorer.same("MALE", Set.of("MALE"))).isEqualTo(Level.EXACT);
        assertThat(Scorer.same("MALE", Set.of("FEMALE"))).isEqualTo(Level.DIFFERENT);
        assertThat(Scorer.same(null, Set.of("FEMALE"))).isEqualTo(Level.MISSING);
        assertThat(Scorer.same("9434765919", Set.of())).isEqualTo(Level.MISSING);
    }

    @Test
    void aPncIdComparesWithOrWithoutItsSlash() {
        assertThat(MatchRecord.pnc("2001/0012345a")).isEqualTo(MatchRecord.pnc("20010012345A"));
    }

    @Test
    void theScoreIsTheSumOfTheLogLikelihoodWeightsOfTheLevels() {
        var record = MatchRecord.of(
                "police:1", "Bob", "Smyth", List.of(), LocalDate.of(2001, 7, 5), "MALE", null, null, null);
        var other = MatchRecord.of(
                "csc:9", "Robert", "Smith", List.of(), LocalDate.of(2001, 5, 7), "MALE", "9434765919", null, null);
        var comparison = scorer.compare(
                record,
                new Candidate(
                        "p-1", List.of(other), Set.of("9434765919"), Set.of(), Set.of(), Set.of(), Set.of(), false));
        assertThat(comparison.evidence())
                .extracting(Evidence::text)
                .containsExactly(
                        "givenName NICKNAME 4.64",
                        "familyName CLOSE 3.64",
                        "dateOfBirth SWAPPED 8.64",
                        "sex EXACT 0.97",
                        "address MISSING 0.0",
                        "nhsNumber MISSING 0.0",
                        "pncId MISSING 0.0",
                        "upn MISSING 0.0");
        var expected = 0.0;
        for (var e : comparison.evidence()) {
            expected += e.weight();
        }
        assertThat(comparison.score())
                .isEqualTo(MatchingSettings.round(expected))
                .isEqualTo(17.89);
        assertThat(settings.weight(Field.GIVEN_NAME, Level.NICKNAME)).isEqualTo(Math.log(0.05 / 0.002) / Math.log(2));
    }

    @Test
    void evidenceReadsBackFromItsText() {
        var evidence = new Evidence(Field.DATE_OF_BIRTH, Level.SWAPPED, 8.64);
        assertThat(Evidence.parse(evidence.text())).isEqualTo(evidence);
    }

    @Test
    void aRecordReadsBackFromItsSignature() {
        var record = MatchRecord.of(
                "k",
                "Kerry",
                "Bell",
                List.of("Kerry Wood"),
                LocalDate.of(1985, 3, 2),
                "FEMALE",
                "9434765919",
                "2001/0012345A",
                null);
        assertThat(MatchRecord.fromSignature("k", record.signature())).isEqualTo(record);
    }

    @Test
    void blockingKeysCatchNicknamesSwappedDatesAndWrongYears() {
        var nicknames = Nicknames.standard();
        var a = MatchRecord.of("a", "Robert", "Smith", List.of(), LocalDate.of(2001, 5, 7), null, null, null, null)
                .blockingKeys(nicknames);
        var nickname = MatchRecord.of("b", "Bob", "Smyth", List.of(), LocalDate.of(2001, 7, 5), null, null, null, null)
                .blockingKeys(nicknames);
        var wrongYear = MatchRecord.of("c", "Rob", "Smith", List.of(), LocalDate.of(2002, 5, 7), null, null, null, null)
                .blockingKeys(nicknames);
        assertThat(nickname.get("bkFamilyYear")).isEqualTo(a.get("bkFamilyYear"));
        assertThat(nickname.get("bkNames")).isEqualTo(a.get("bkNames"));
        assertThat(wrongYear.get("bkNames")).isEqualTo(a.get("bkNames"));
        assertThat(wrongYear.get("bkGivenDay")).isEqualTo(a.get("bkGivenDay"));
        var noDob = MatchRecord.of("d", "Robert", "Smith", List.of(), null, null, null, null, null)
                .blockingKeys(nicknames);
        assertThat(noDob.get("bkDob")).isNull();
        assertThat(noDob.get("bkNames")).isEqualTo(a.get("bkNames"));
    }

    @Test
    void theCeilingIsNeverBelowAScoreWhateverThePersonHoldsAndIsReachedAtTheBestAddress() {
        ceilingHolds(scorer);
        // weights overridden by a partnership's file: an address that differs weighing more than the
        // same one, and every address level weighing against
        ceilingHolds(new Scorer(MatchingSettings.fromJson("""
                        {"fields": {"address": {"DIFFERENT": {"m": 0.9, "u": 0.1}, "SAME_ADDRESS": {"m": 0.1, "u": 0.5}}}}""", "odd address"), Nicknames.standard()));
        ceilingHolds(new Scorer(MatchingSettings.fromJson("""
                        {"fields": {"address": {"SAME_ADDRESS": {"m": 0.1, "u": 0.6}, "SAME_POSTCODE": {"m": 0.1, "u": 0.5},
                          "SAME_DISTRICT": {"m": 0.1, "u": 0.4}, "DIFFERENT": {"m": 0.1, "u": 0.9}}}}""", "address always against"), Nicknames.standard()));
    }

    /**
     * For records that agree, half agree or disagree on every field, against persons holding
     * nothing, the same or something else: the ceiling is never below the score, with the
     * person's identifiers known or not, and it is the score when the person is at the record's
     * address and its identifiers are known (the best address level, whatever its weight, is one of
     * the persons').
     */
    private static void ceilingHolds(Scorer scorer) {
        // fictional records
        var names = List.of(
                new String[] {"Kyle", "Archer", "2001-05-01", "MALE"},
                new String[] {"Kyle", "Archer", "2001-01-05", null},
                new String[] {"Kye", "Archar", "2002-05-01", "MALE"},
                new String[] {"Lily", "Archer", "2001-05-01", "FEMALE"},
                new String[] {"Bob", "Smyth", null, "MALE"},
                new String[] {"Robert", "Smith", "1980-03-09", "MALE"},
                new String[] {"R", "Smith-Jones", "1980-09-03", null});
        var records = new ArrayList<MatchRecord>();
        for (var n : names) {
            for (var nhs : new String[] {null, "9434765919", "4010232137"}) {
                for (var home : List.of(Set.<String>of(), Set.of("a-1"), Set.of("a-3"))) {
                    records.add(MatchRecord.of(
                                    "x",
                                    n[0],
                                    n[1],
                                    List.of(),
                                    n[2] == null ? null : LocalDate.parse(n[2]),
                                    n[3],
                                    nhs,
                                    nhs == null ? null : "01/123456X",
                                    null)
                            .at(
                                    home,
                                    home.isEmpty()
                                            ? Set.of()
                                            : Set.of(home.contains("a-1") ? "YO10 1AB" : "YO10 1ZZ")));
                }
            }
        }
        // what a person may hold beyond the record compared: nothing, the same, something else; and
        // for each of the records' addresses, a person at every address level
        var persons = List.of(
                new Candidate("p", List.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false),
                new Candidate(
                        "p",
                        List.of(),
                        Set.of("9434765919"),
                        Set.of(MatchRecord.pnc("01/123456X")),
                        Set.of("A123"),
                        Set.of("a-1"),
                        Set.of("YO10 1AB"),
                        false),
                new Candidate(
                        "p",
                        List.of(),
                        Set.of("4010232137"),
                        Set.of("99123456Y"),
                        Set.of("B456"),
                        Set.of("a-2"),
                        Set.of("YO10 2CD"),
                        false),
                new Candidate("p", List.of(), Set.of(), Set.of(), Set.of(), Set.of("a-3"), Set.of("YO10 1ZZ"), false),
                new Candidate("p", List.of(), Set.of(), Set.of(), Set.of(), Set.of("a-4"), Set.of("LS1 1AA"), false),
                new Candidate("p", List.of(), Set.of(), Set.of(), Set.of(), Set.of("a-5"), Set.of("YO10 1AB"), false),
                new Candidate("p", List.of(), Set.of(), Set.of(), Set.of(), Set.of("a-6"), Set.of("YO10 1ZZ"), false));
        var reached = 0;
        var pairs = 0;
        for (var record : records) {
            for (var other : records) {
                var unknown = scorer.ceiling(record, other, null);
                var bestWeight = Double.NEGATIVE_INFINITY;
                for (var person : persons) {
                    var score = scorer.compare(record, other, person).score();
                    var held = new HeldIdentifiers(person.nhsNumbers(), person.pncIds(), person.upns());
                    var known = scorer.ceiling(record, other, held);
                    assertThat(score).as("%s against %s", record, other).isLessThanOrEqualTo(unknown);
                    assertThat(score)
                            .as("%s against %s of %s", record, other, person)
                            .isLessThanOrEqualTo(known);
                    var address = Scorer.address(
                            record.addressIds(), record.postcodes(), person.addressIds(), person.postcodes());
                    bestWeight = Math.max(bestWeight, scorer.settings().weight(Field.ADDRESS, address));
                }
                // the persons cover every address level here, so the best of them reaches the ceiling
                // of a person whose identifiers are known to be those of the best
                for (var person : persons) {
                    var held = new HeldIdentifiers(person.nhsNumbers(), person.pncIds(), person.upns());
                    var address = Scorer.address(
                            record.addressIds(), record.postcodes(), person.addressIds(), person.postcodes());
                    if (scorer.settings().weight(Field.ADDRESS, address) == bestWeight) {
                        pairs++;
                        if (scorer.compare(record, other, person).score() == scorer.ceiling(record, other, held)) {
                            reached++;
                        }
                    }
                }
            }
        }
        assertThat(pairs).isPositive();
        assertThat(reached).isEqualTo(pairs);
    }

    /**
     * The letter-count bound that spares Jaro-Winkler for strangers' names is never below Apache
     * Commons Text's similarity: on names of every length from one to fourteen letters, random and
     * each a slip (a letter changed, dropped, added or two swapped) of another, so that the close
     * pairs the bound must let through are there in number. A bound below the similarity would turn
     * a CLOSE name DIFFERENT.
     */
    @Test
    void theSimilarityBoundIsNeverBelowJaroWinkler() {
        var jaroWinkler = new org.apache.commons.text.similarity.JaroWinklerSimilarity();
        var random = new java.util.Random(20261206L);
        int pairs = 0;
        int spared = 0;
        int close = 0;
        for (int i = 0; i < 200_000; i++) {
            var a = randomName(random, 1 + random.nextInt(14));
            var b = i % 2 == 0 ? slip(random, a) : randomName(random, 1 + random.nextInt(14));
            var similarity = jaroWinkler.apply(a, b);
            var bound = Scorer.similarityAtMost(a, b);
            assertThat(bound).as("%s and %s", a, b).isGreaterThanOrEqualTo(similarity);
            pairs++;
            if (bound < 0.8) {
                spared++;
            }
            if (similarity >= 0.8) {
                close++;
            }
        }
        // both sides of the bound are exercised: many pairs spared, many close ones let through
        assertThat(spared).isGreaterThan(pairs / 4);
        assertThat(close).isGreaterThan(pairs / 10);
        // strangers are told apart by the bound alone; the spellings of one name never are
        assertThat(Scorer.similarityAtMost("KYLE", "ARCHER")).isLessThan(0.8);
        assertThat(Scorer.similarityAtMost("CATHERINE", "KATHERINE")).isGreaterThanOrEqualTo(0.8);
        assertThat(Scorer.similarityAtMost("KYLE", "K\u00c9LE")).isEqualTo(1);
    }

    @Test
    void closeNamesAreFoundWithTheBoundAsWithoutIt() {
        var random = new java.util.Random(42L);
        var jaroWinkler = new org.apache.commons.text.similarity.JaroWinklerSimilarity();
        for (int i = 0; i < 50_000; i++) {
            // as the family names are compared: standardised ("MC" written "MAC")
            var a = Standardise.name(randomName(random, 2 + random.nextInt(10)));
            var b = Standardise.name(i % 3 == 0 ? randomName(random, 2 + random.nextInt(10)) : slip(random, a));
            if (a.equals(b)) {
                continue;
            }
            var similarity = jaroWinkler.apply(a, b);
            var expected = similarity >= settings.closeName()
                            || (similarity >= 0.8
                                    && a.length() > 3
                                    && b.length() > 3
                                    && Standardise.phonetic(a).equals(Standardise.phonetic(b)))
                    ? Level.CLOSE
                    : Level.DIFFERENT;
            var record = MatchRecord.of("x", "Kyle", a, List.of(), null, null, null, null, null);
            var other = MatchRecord.of("y", "Kyle", b, List.of(), null, null, null, null, null);
            assertThat(scorer.familyName(record, other)).as("%s and %s", a, b).isEqualTo(expected);
        }
    }

    /**
     * Review 88: a CLOSE threshold set below the 0.8 from which names are compared by sound is the
     * bound's floor (Amelia and Ella, Jaro-Winkler 0.75); one half of a double-barrelled name is
     * CLOSE; a blank family name (only through the record's own constructor) is as it was.
     */
    @Test
    void theBoundFollowsACloseThresholdBelowTheSoundsAndDoubleBarrelledNamesStayClose() {
        var lowered = new Scorer(
                MatchingSettings.fromJson("{\"similarity\":{\"closeName\":0.75}}", "test"), Nicknames.standard());
        assertThat(lowered.familyName(person("Kyle", "Amelia", null), person("Kyle", "Ella", null)))
                .isEqualTo(Level.CLOSE);
        assertThat(scorer.familyName(person("Kyle", "Amelia", null), person("Kyle", "Ella", null)))
                .isEqualTo(Level.DIFFERENT);
        assertThat(family(person("Kyle", "Archer-Smith", null), person("Kyle", "Smith", null)))
                .isEqualTo(Level.CLOSE);
        assertThat(family(person("Kyle", "Smith", null), person("Kyle", "Archer Smith", null)))
                .isEqualTo(Level.CLOSE);
        var blank = new MatchRecord("x", "KYLE", " ", List.of(), null, null, null, null, null, Set.of(), Set.of());
        assertThat(family(blank, person("Kyle", "A", null))).isEqualTo(Level.DIFFERENT);
    }

    @Test
    void sexAndIdentifiersCompareAsAgainstTheSetOfValues() {
        var values = java.util.Arrays.asList(null, "A", "B");
        for (var value : values) {
            for (var other : values) {
                var others = other == null ? Set.<String>of() : Set.of(other);
                assertThat(Scorer.sex(value, other)).isEqualTo(Scorer.same(value, others));
                for (var held : List.of(Set.<String>of(), Set.of("A"), Set.of("B", "C"))) {
                    var union = new java.util.HashSet<>(held);
                    if (other != null) {
                        union.add(other);
                    }
                    assertThat(Scorer.identifier(value, held, other))
                            .as("%s against %s and %s", value, held, other)
                            .isEqualTo(Scorer.same(value, union));
                }
            }
        }
    }

    private static String randomName(java.util.Random random, int length) {
        var name = new StringBuilder();
        for (int i = 0; i < length; i++) {
            // vowels and common consonants more often, as in names
            var letters = i % 2 == 0 ? "BCDHKLMNRSTJW" : "AEIOUAEY";
            name.append(
                    random.nextInt(5) == 0
                            ? (char) ('A' + random.nextInt(26))
                            : letters.charAt(random.nextInt(letters.length())));
        }
        return name.toString();
    }

    private static String slip(java.util.Random random, String name) {
        var chars = new StringBuilder(name);
        var at = random.nextInt(chars.length());
        switch (random.nextInt(4)) {
            case 0 -> chars.setCharAt(at, (char) ('A' + random.nextInt(26)));
            case 1 -> {
                if (chars.length() > 1) {
                    chars.deleteCharAt(at);
                }
            }
            case 2 -> chars.insert(at, (char) ('A' + random.nextInt(26)));
            default -> {
                if (at + 1 < chars.length()) {
                    var c = chars.charAt(at);
                    chars.setCharAt(at, chars.charAt(at + 1));
                    chars.setCharAt(at + 1, c);
                }
            }
        }
        return chars.toString();
    }
}
