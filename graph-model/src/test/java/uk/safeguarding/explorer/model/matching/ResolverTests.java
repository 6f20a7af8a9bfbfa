package uk.safeguarding.explorer.model.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
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
        assertThat(decision.queued()).isEqualTo(Decision.Queued.BETWEEN_THRESHOLDS);
        assertThat(resolver.explain(decision.queued()))
                .isEqualTo("It scored between the review threshold (12) and the link threshold (16): the fields agree"
                        + " too little to link it and too much to ignore.");
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
        assertThat(decision.queued()).isNull();
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
        assertThat(decision.queued()).isEqualTo(Decision.Queued.CLOSE_CALL);
    }

    @Test
    void aParentContactWithoutADateOfBirthLinksToTheOnlyPersonOfThatNameAtTheAddress() {
        var home = Set.of("a-1");
        var contact = record("school:4", "Dawn", "Archer", null, "FEMALE", null).at(home, Set.of("YO101AA"));
        // the school's extract makes her the parent of a pupil born in 2008: Dawn (1980) is old enough
        var decision = resolver.decide(
                contact,
                List.of(person("p-dawn", home, record("csc:2", "Dawn", "Archer", "1980-09-30", "FEMALE", null))),
                LocalDate.parse("2008-09-14"));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.SCORE);
        assertThat(decision.personId()).isEqualTo("p-dawn");
    }

    @Test
    void aRecordWithNeitherADateOfBirthNorAnIdentifierIsQueuedForReviewInsteadOfLinked() {
        // a police record of the father, whom no earlier extract knew, meets only his son of one name at
        // their home: name, sex and address agree, and nothing tells the two apart
        var home = Set.of("a-1");
        var father =
                record("police:12", "George", "Dunthorpe", null, "MALE", null).at(home, Set.of("YO101AA"));
        var son = person("p-son", home, record("health:3", "George", "Dunthorpe", "2004-03-09", "MALE", null));
        var decision = resolver.decide(father, List.of(son));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(decision.review()).extracting(Comparison::personId).containsExactly("p-son");
        assertThat(decision.review().get(0).score())
                .as("it scores as a link would: only the missing date of birth and identifier hold it back")
                .isGreaterThanOrEqualTo(16.0);
        assertThat(decision.queued()).isEqualTo(Decision.Queued.NO_DATE_OF_BIRTH);
        assertThat(resolver.explain(decision.queued())).contains("no date of birth", "score of 16 or more");
    }

    @Test
    void aRecordWithoutADateOfBirthWhoseIdentifierNobodyHoldsIsQueuedToo() {
        // the father's police record carries his PNC id, which no earlier record holds: it says nothing
        // about whether he is the son of the same name at the same home
        var home = Set.of("a-1");
        var father = MatchRecord.of(
                        "police:14", "Zebedee", "Quarrington", List.of(), null, "MALE", null, "2019/0012345A", null)
                .at(home, Set.of("YO17HH"));
        var son = person("p-son", home, record("health:4", "Zebedee", "Quarrington", "2012-04-01", "MALE", null));
        var decision = resolver.decide(father, List.of(son));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(decision.queued()).isEqualTo(Decision.Queued.NO_DATE_OF_BIRTH);
        assertThat(decision.review()).extracting(Comparison::personId).containsExactly("p-son");
    }

    @Test
    void aParentContactIsLinkedOnlyToSomeoneOldEnoughToBeTheParent() {
        // a school's contact "Oswin Pellingham", parent of a pupil born in 2019, meets the pupil's brother
        // of the same name born in 2003: sixteen years older, old enough not to be excluded, too young to
        // be linked as the parent without a steward
        var home = Set.of("a-2");
        var contact =
                record("school:5", "Oswin", "Pellingham", null, "MALE", null).at(home, Set.of("YO18AA"));
        var pupilBorn = LocalDate.parse("2019-05-02");
        var brother = person("p-brother", home, record("health:5", "Oswin", "Pellingham", "2003-01-10", "MALE", null));
        var decision = resolver.decide(contact, List.of(brother), pupilBorn);
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(decision.queued()).isEqualTo(Decision.Queued.NO_DATE_OF_BIRTH);
        var father = person("p-father", home, record("health:6", "Oswin", "Pellingham", "1984-07-21", "MALE", null));
        assertThat(resolver.decide(contact, List.of(father), pupilBorn).personId())
                .isEqualTo("p-father");
    }

    @Test
    void anIdentifierThatAgreesWhenTheDatesOfBirthContradictIsLeftToASteward() {
        // two records of one PNC id, born 1975 and 2009, at one address: a wrong PNC or two people
        var home = Set.of("a-3");
        var pnc = "1995/0011111A";
        var youth = MatchRecord.of(
                        "yot:1", "Rufus", "Tremayne", List.of(), LocalDate.parse("2009-02-03"), "MALE", null, pnc, null)
                .at(home, Set.of("YO19ZZ"));
        var adult = MatchRecord.of(
                        "police:15",
                        "Rufus",
                        "Tremayne",
                        List.of(),
                        LocalDate.parse("1975-02-03"),
                        "MALE",
                        null,
                        pnc,
                        null)
                .at(home, Set.of("YO19ZZ"));
        var known = new Candidate(
                "p-adult", List.of(adult), Set.of(), Set.of("19950011111A"), Set.of(), home, Set.of(), false);
        var decision = resolver.decide(youth, List.of(known));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(decision.queued()).isEqualTo(Decision.Queued.IDENTIFIER_BUT_DATE_OF_BIRTH_DIFFERS);
        assertThat(decision.review()).extracting(Comparison::personId).containsExactly("p-adult");
    }

    @Test
    void aRecordIsNotLinkedToAPersonHoldingItsAgencysRecordOfATwin() {
        // the police recorded Leo last month and now Leon, born the same day at the same home: twins
        var home = Set.of("a-5");
        var leo = record("police:16", "Leo", "Quillby", "2014-01-21", "MALE", null)
                .at(home, Set.of("YO621LG"));
        var known = person(
                "p-leo",
                home,
                record("health:8", "Leo", "Quillby", "2014-01-21", "MALE", null).at(home, Set.of("YO621LG")),
                leo);
        var leon = record("police:17", "Leon", "Quillby", "2014-01-21", "MALE", null)
                .at(home, Set.of("YO621LG"));
        var decision = resolver.decide(leon, List.of(known));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(decision.queued()).isEqualTo(Decision.Queued.TWIN_OF_AN_AGENCY_RECORD);
        // another agency's record of the same name still links: only the agency's own records say twins
        var school =
                record("school:8", "Leo", "Quillby", "2014-01-21", "MALE", null).at(home, Set.of("YO621LG"));
        assertThat(resolver.decide(school, List.of(known)).linkedBy()).isEqualTo(LinkedBy.SCORE);
    }

    @Test
    void aPersonOfTheOtherSexIsNeverLinkedByScore() {
        // boy and girl twins, Alexander known to health, Alexandra sent by the school
        var home = Set.of("a-4");
        var alexandra = record("school:6", "Alexandra", "Thornbury", "2014-06-30", "FEMALE", null)
                .at(home, Set.of("YO20AA"));
        var alexander =
                person("p-alexander", home, record("health:7", "Alexander", "Thornbury", "2014-06-30", "MALE", null));
        var decision = resolver.decide(alexandra, List.of(alexander));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        // a record of the same name with the sex mistyped is queued, not linked
        var mistyped = record("school:7", "Alexander", "Thornbury", "2014-06-30", "FEMALE", null)
                .at(home, Set.of("YO20AA"));
        var queued = resolver.decide(mistyped, List.of(alexander));
        assertThat(queued.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(queued.queued()).isEqualTo(Decision.Queued.SEX_DIFFERS);
    }

    @Test
    void aSimilarNameBornTheSameDayWithoutASexIsLeftToAStewardButAnExactOneLinks() {
        // the same twins when the school sends no sex: Alexandra is only a close spelling of Alexander
        var home = Set.of("a-4");
        var alexander =
                person("p-alexander", home, record("health:7", "Alexander", "Thornbury", "2014-06-30", "MALE", null));
        var alexandra = record("school:6", "Alexandra", "Thornbury", "2014-06-30", null, null)
                .at(home, Set.of("YO20AA"));
        var decision = resolver.decide(alexandra, List.of(alexander));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(decision.queued()).isEqualTo(Decision.Queued.SIMILAR_NAME_SAME_BIRTHDAY);
        assertThat(decision.review()).extracting(Comparison::personId).containsExactly("p-alexander");
        assertThat(resolver.explain(decision.queued())).contains("Alexandra and Alexander", "score of 16 or more");
        // the pupil's own name without a sex links; so does the close spelling when the sex agrees
        var sameName = record("school:7", "Alexander", "Thornbury", "2014-06-30", null, null)
                .at(home, Set.of("YO20AA"));
        assertThat(resolver.decide(sameName, List.of(alexander)).linkedBy()).isEqualTo(LinkedBy.SCORE);
        var typo = record("school:8", "Alexandre", "Thornbury", "2014-06-30", "MALE", null)
                .at(home, Set.of("YO20AA"));
        assertThat(resolver.decide(typo, List.of(alexander)).linkedBy()).isEqualTo(LinkedBy.SCORE);
    }

    @Test
    void aRecordWithoutADateOfBirthButWithAnIdentifierStillLinksByIt() {
        var home = Set.of("a-1");
        var pnc = "2001/0012345A";
        var police = MatchRecord.of("police:13", "George", "Dunthorpe", List.of(), null, "MALE", null, pnc, null)
                .at(home, Set.of("YO101AA"));
        var known = MatchRecord.of(
                        "probation:3",
                        "George",
                        "Dunthorpe",
                        List.of(),
                        LocalDate.parse("1975-01-20"),
                        "MALE",
                        null,
                        pnc,
                        null)
                .at(home, Set.of("YO101AA"));
        var father = new Candidate("p-father", List.of(known), Set.of(), Set.of(pnc), Set.of(), home, Set.of(), false);
        var decision = resolver.decide(police, List.of(father));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.IDENTIFIER);
        assertThat(decision.personId()).isEqualTo("p-father");
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
        assertThat(decision.queued()).isEqualTo(Decision.Queued.IDENTIFIER_HELD_BY_SEVERAL);
    }

    /**
     * Review 91: a police record of Lily (her name, her birthday) carrying her brother Kyle's NHS number
     * linked to Lily by score, and Lily took Kyle's number. Another person holding the record's
     * identifier, born on another day, sends both to a steward; without the holder it links as before.
     */
    @Test
    void aRecordCarryingAnotherPersonsIdentifierIsQueuedWithThemNotLinkedToTheBestMatch() {
        var record = record("police:P200", "Lily", "Archer", "2008-09-14", "FEMALE", "9434765919");
        var lily = person("p-lily", record("csc:1", "Lily", "Archer", "2008-09-14", "FEMALE", null));
        var kyle = person("p-kyle", record("health:1", "Kyle", "Archer", "2001-04-12", "MALE", "9434765919"));
        var decision = resolver.decide(record, List.of(lily, kyle));
        assertThat(decision.linkedBy()).isEqualTo(LinkedBy.NEW);
        assertThat(decision.queued()).isEqualTo(Decision.Queued.IDENTIFIER_HELD_BY_ANOTHER);
        assertThat(decision.review()).extracting(Comparison::personId).containsExactly("p-lily", "p-kyle");
        assertThat(resolver.explain(decision.queued())).contains("another person, born on another day, holds");
        assertThat(resolver.decide(record, List.of(lily)).linkedBy()).isEqualTo(LinkedBy.SCORE);
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
        assertThat(decision).isEqualTo(Decision.newPerson(List.of(), null));
        assertThat(decision.queued()).as("nothing queued, so no reason").isNull();
    }

    @Test
    void aPersonOutOfReachIsOneWithoutWhomEveryDecisionIsTheSame() {
        // fictional: Kyle Archer, his namesake father, a twin sister, and strangers sharing only a birthday
        var kyle = record("csc:1", "Kyle", "Archer", "2001-05-01", "MALE", null).at(Set.of("a-1"), Set.of("YO10 1AB"));
        var stranger = record("csc:2", "Maud", "Penhallow", "2001-05-01", "FEMALE", null);
        var otherStranger = record("csc:3", "Ivor", "Quillon", "2001-05-01", null, null);
        var nothing = new HeldIdentifiers(Set.of(), Set.of(), Set.of());
        assertThat(resolver.outOfReach(kyle, List.of(stranger), null)).isTrue();
        assertThat(resolver.outOfReach(kyle, List.of(stranger, otherStranger), nothing))
                .isTrue();
        // one near record of the person is enough to weigh them
        var himself = record("health:1", "Kyle", "Archer", "2001-05-01", "MALE", null);
        assertThat(resolver.outOfReach(kyle, List.of(stranger, himself), null)).isFalse();
        // a twin sister or a namesake father come near enough to be weighed
        var twin = record("csc:4", "Kylie", "Archer", "2001-05-01", "FEMALE", null);
        assertThat(resolver.outOfReach(kyle, List.of(twin), null)).isFalse();
        var father = record("csc:5", "Kyle", "Archer", null, "MALE", null);
        assertThat(resolver.outOfReach(kyle, List.of(father), null)).isFalse();
        // a record with an identifier links by it whatever the score: out of reach only of a person
        // known not to hold it, on records that do not give it either
        var withNhs = record("health:2", "Kyle", "Archer", "2001-05-01", "MALE", "9434765919");
        assertThat(resolver.outOfReach(withNhs, List.of(stranger), null)).isFalse();
        assertThat(resolver.outOfReach(withNhs, List.of(stranger), nothing)).isTrue();
        assertThat(resolver.outOfReach(
                        withNhs, List.of(stranger), new HeldIdentifiers(Set.of("9434765919"), Set.of(), Set.of())))
                .isFalse();
        assertThat(resolver.outOfReach(
                        withNhs,
                        List.of(record("csc:7", "Maud", "Penhallow", "2001-05-01", "FEMALE", "9434765919")),
                        nothing))
                .isFalse();

        // whatever the others are, leaving out a person out of reach decides the same
        var all = List.of(
                person("p-stranger", Set.of("a-1"), stranger, otherStranger),
                person("p-himself", Set.of("a-1"), himself),
                person("p-twin", Set.of("a-1"), twin),
                person("p-father", Set.of("a-1"), father),
                person("p-far", Set.of("a-9"), record("csc:6", "Kyle", "Archer", "2011-05-01", null, null)),
                person("p-nhs", Set.of("a-2"), record("csc:8", "Keith", "Arden", "1971-05-01", "MALE", "9434765919")),
                person(
                        "p-other-nhs",
                        Set.of("a-1"),
                        record("csc:9", "Kyle", "Archer", "2001-05-01", null, "4010232137")));
        var left = 0;
        for (var record : List.of(
                kyle,
                withNhs,
                record("police:1", "Kyle", "Archer", "2001-01-05", null, null).at(Set.of("a-1"), Set.of()),
                record("police:2", "K", "Archer", null, "MALE", null).at(Set.of("a-1"), Set.of()),
                record("health:3", "Kyle", "Archer", "2001-05-01", null, "4010232137"),
                record("school:1", "Maud", "Penhallow", "2001-05-01", "FEMALE", null))) {
            var reachable = new ArrayList<Candidate>();
            for (var candidate : all) {
                var held = new HeldIdentifiers(candidate.nhsNumbers(), candidate.pncIds(), candidate.upns());
                if (resolver.outOfReach(record, candidate.records(), held)) {
                    left++;
                } else {
                    reachable.add(candidate);
                }
            }
            assertThat(resolver.decide(record, reachable)).as(record.key()).isEqualTo(resolver.decide(record, all));
        }
        assertThat(left).as("persons left out").isGreaterThanOrEqualTo(6);
    }
}
