package uk.safeguarding.explorer.model.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.model.matching.Decision.LinkedBy;

/** The decision rules: identifier links, thresholds, vetoes, twins, namesakes and ambiguity. */
class ResolverTests {

    private final Resolver resolver = new Resolver(new Scorer(MatchingSettings.defaults(), Nicknames.standard()));

    private static MatchRecord record(String key, String given, String family, String dob, String sex, String nhs) {
        return MatchRecord.of(
                key, given, family, List.of(), dob == null ? null : LocalDate.parse(dob), sex, nhs, null, null);
    }

    private static Candidate person(String id, MatchRecord... records) {
        return person(id, Set.of(), records);
    }

    private static Candidate person(String id, Set<String> addresses, MatchRecord... records) {
        var nhs = new HashSet<String>();
        for (var r : records) {
            if (r.nhsNumber() != null) {
                nhs.add(r.nhsNumber());
            }
        }
        return new Candidate(id, List.of(records), nhs, Set.of(), Set.of(), addresses, Set.of(), false);
    }

    @Test
    void anEqualValidNhsNumberLinksByIdentifierWhateverTheNames() {
        var health = record("health:1", "K", "Archer", "2001-05-01", "MALE", "9434765919");
        var decision = resolver.decide(
                health,
                List.of(person("p-kyle", record("csc:1", "Kyle", "Archer", "2001-05-01", "MALE", "9434765919"))));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.IDENTIFIER);
        assertThat(decision.personId()).isEqualTo("p-kyle");
        assertThat(decision.link().level(Field.NHS_NUMBER)).isEqualTo(Level.EXACT);
    }

    @Test
    void anEqualIdentifierDoesNotLinkWhenTheDatesOfBirthContradict() {
        // the mother's NHS number typed on the child's record
        var record = record("health:2", "Lily", "Archer", "2012-02-14", "FEMALE", "9434765919");
        var decision = resolver.decide(
                record,
                List.of(person("p-dawn", record("csc:2", "Dawn", "Archer", "1980-09-30", "FEMALE", "9434765919"))));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(decision.review()).isEmpty();
    }

    @Test
    void twoDifferentValidNhsNumbersNeverLink() {
        var record = record("health:3", "Kyle", "Archer", "2001-05-01", "MALE", "4010232137");
        var decision = resolver.decide(
                record,
                List.of(person("p-kyle", record("csc:1", "Kyle", "Archer", "2001-05-01", "MALE", "9434765919"))));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(decision.review()).as("not even a candidate").isEmpty();
    }

    @Test
    void aStrongScoreLinksBySCORE() {
        var police = record("police:7", "Bob", "Smyth", "2001-07-05", "MALE", null);
        var decision = resolver.decide(
                police,
                List.of(person("p-rob", record("csc:7", "Robert", "Smith", "2001-05-07", "MALE", "9434765919"))));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.SCORE);
        assertThat(decision.personId()).isEqualTo("p-rob");
        assertThat(decision.link().score()).isEqualTo(17.89);
    }

    @Test
    void aScoreBetweenTheThresholdsIsANewPersonWithACandidateForReview() {
        // a new family name (no alias recorded), the same given name and birthday, no address
        var record = record("police:8", "Kerry", "Wood", "1985-03-02", "FEMALE", null);
        var decision = resolver.decide(
                record, List.of(person("p-kerry", record("csc:8", "Kerry", "Bell", "1985-03-02", "FEMALE", null))));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(decision.review()).extracting(Comparison::personId).containsExactly("p-kerry");
        var score = decision.review().get(0).score();
        assertThat(score).isGreaterThanOrEqualTo(12.0).isLessThan(16.0);
    }

    @Test
    void aWeakScoreIsSimplyANewPerson() {
        var record = record("police:9", "Kerry", "Wood", "1990-11-20", "FEMALE", null);
        var decision = resolver.decide(
                record, List.of(person("p-kerry", record("csc:8", "Kerry", "Bell", "1985-03-02", "FEMALE", null))));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(decision.review()).isEmpty();
    }

    @Test
    void twinsWithTheSameBirthdayFamilyAndAddressButDifferentGivenNamesStayApart() {
        var home = Set.of("a-archer");
        var lucy = record("school:1", "Lucy", "Archer", "2012-02-14", "FEMALE", null)
                .at(home, Set.of("YO101AA"));
        var decision = resolver.decide(
                lucy, List.of(person("p-lily", home, record("csc:1", "Lily", "Archer", "2012-02-14", "FEMALE", null))));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(decision.review()).as("twins are not even queued").isEmpty();
    }

    @Test
    void aFatherAndSonOfTheSameNameAtTheSameAddressStayApart() {
        var home = Set.of("a-1");
        var son =
                record("school:2", "John", "Smith", "2010-06-01", "MALE", null).at(home, Set.of("YO101AA"));
        var decision = resolver.decide(
                son,
                List.of(person("p-father", home, record("police:2", "John", "Smith", "1980-06-01", "MALE", null))));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(decision.review()).isEmpty();
    }

    @Test
    void aContactWithoutADateOfBirthIsNotLinkedWhenTwoPeopleOfThatNameLiveThere() {
        var home = Set.of("a-1");
        var contact = record("school:3", "John", "Smith", null, "MALE", null).at(home, Set.of("YO101AA"));
        var decision = resolver.decide(
                contact,
                List.of(
                        person("p-father", home, record("police:2", "John", "Smith", "1980-06-01", "MALE", null)),
                        person("p-son", home, record("csc:3", "John", "Smith", "2010-06-01", "MALE", null))));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(decision.review()).extracting(Comparison::personId).containsExactly("p-father", "p-son");
    }

    @Test
    void aContactWithoutADateOfBirthLinksToTheOnlyPersonOfThatNameAtTheAddress() {
        var home = Set.of("a-1");
        var contact = record("school:4", "Dawn", "Archer", null, "FEMALE", null).at(home, Set.of("YO101AA"));
        var decision = resolver.decide(
                contact,
                List.of(person("p-dawn", home, record("csc:2", "Dawn", "Archer", "1980-09-30", "FEMALE", null))));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.SCORE);
        assertThat(decision.personId()).isEqualTo("p-dawn");
    }

    @Test
    void aPersonTheRecordIsDeclaredDifferentFromIsNeverLinked() {
        var record = record("police:7", "Bob", "Smyth", "2001-07-05", "MALE", null);
        var excluded = new Candidate(
                "p-rob",
                List.of(record("csc:7", "Robert", "Smith", "2001-05-07", "MALE", null)),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                true);
        var decision = resolver.decide(record, List.of(excluded));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(decision.review()).isEmpty();
    }

    @Test
    void twoPeopleHoldingTheRecordsIdentifiersGoToReview() {
        var record = MatchRecord.of(
                "probation:1",
                "Gary",
                "Nolan",
                List.of(),
                LocalDate.of(1979, 4, 4),
                "MALE",
                "9434765919",
                "2001/0012345A",
                null);
        var byNhs = person("p-a", record("health:1", "Gary", "Nolan", "1979-04-04", "MALE", "9434765919"));
        var byPnc = new Candidate(
                "p-b",
                List.of(MatchRecord.of(
                        "police:1",
                        "Gary",
                        "Nolan",
                        List.of(),
                        LocalDate.of(1979, 4, 4),
                        "MALE",
                        null,
                        "2001/0012345A",
                        null)),
                Set.of(),
                Set.of("20010012345A"),
                Set.of(),
                Set.of(),
                Set.of(),
                false);
        var decision = resolver.decide(record, List.of(byNhs, byPnc));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(decision.review()).extracting(Comparison::personId).containsExactlyInAnyOrder("p-a", "p-b");
    }

    @Test
    void aDuplicateInsideOneAgencysExtractLinks() {
        var first = record("police:10", "Rebecca", "Jessop", "1999-01-02", "FEMALE", null);
        var duplicate = record("police:11", "Becky", "Jessop", "1999-01-02", "FEMALE", null);
        var decision = resolver.decide(duplicate, List.of(person("police:10", first)));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.SCORE);
    }

    @Test
    void noCandidatesMeansANewPerson() {
        var decision = resolver.decide(record("x:1", "A", "B", null, null, null), List.of());
        assertThat(decision).isEqualTo(Decision.newPerson(List.of()));
    }
}
