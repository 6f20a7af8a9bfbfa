package uk.safeguarding.explorer.model.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
}
