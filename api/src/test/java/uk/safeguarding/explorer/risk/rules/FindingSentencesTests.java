package uk.safeguarding.explorer.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.model.Period;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;
import uk.safeguarding.explorer.risk.RiskSettings;

/**
 * The rules' sentences are written from typed findings: each names people only through the name
 * function (so a hidden person is never named); the rules are one class each, all twelve, and an
 * unknown rule number is an error, never another rule.
 */
class FindingSentencesTests {

    private static final Map<String, String> NAMES =
            Map.of("p-sara", "Sara Bell", "p-gary", "Gary Nolan", "p-kerry", "Kerry Bell");
    private static final Names SEE_ALL = Names.of(NAMES::get, id -> true);
    private static final Names HIDE_GARY = Names.of(
            id -> id.equals("p-gary") ? "someone your agency cannot see" : NAMES.get(id), id -> !id.equals("p-gary"));
    private static final Names HIDE_SARA = Names.of(
            id -> id.equals("p-sara") ? "someone your agency cannot see" : NAMES.get(id), id -> !id.equals("p-sara"));

    @Test
    void theReferralOfSomeoneTheReaderMayNotSeeIsNeitherNamedNorTypedNorNumbered() {
        var finding = new Rule02AddressMarkerMissing.UnmarkedAddress(
                "7 Fictional Terrace, YO1 0AA",
                List.of(new Rule02AddressMarkerMissing.ReferralWhileThere(
                        "p-sara", "r-sara-1", LocalDate.of(2018, 3, 1))),
                true);
        assertThat(finding.sentence(HIDE_SARA))
                .isEqualTo("7 Fictional Terrace, YO1 0AA has no address marker although an agency holds a concern "
                        + "about someone your agency cannot see, who lived there; a child lives there now.");
    }

    @Test
    void aReferralStillUndecidedReadsAsASentence() {
        // review 89: "… about Sara Bell was no decision 4 working days after receipt …"
        var finding = new Rule06ReferralDelay.LateReferral(
                "r-sara-2",
                "Riverside Primary School",
                "EDUCATION",
                "p-sara",
                List.of(
                        new Rule06ReferralDelay.LateReceipt(2, LocalDate.of(2018, 9, 3)),
                        new Rule06ReferralDelay.NoDecision(4, LocalDate.of(2018, 9, 5))));
        assertThat(finding.sentence(SEE_ALL))
                .isEqualTo("Referral r-sara-2 from Riverside Primary School about Sara Bell was received 2 working days"
                        + " after the incident on 2018-09-03; still undecided 4 working days after receipt on 2018-09-05"
                        + " (timescale: 1 working day).");
    }

    @Test
    void theConcernOfASiblingTheReaderMayNotSeeIsNotTold() {
        var finding = new Rule04SiblingNotAssessed.NotAssessed(
                "p-kerry", "p-sara", List.of("half sibling"), Rule04SiblingNotAssessed.Concern.CSA_VICTIM, null);
        assertThat(finding.sentence(SEE_ALL)).contains("Sara Bell, who is a victim of child sexual abuse)");
        assertThat(finding.sentence(HIDE_SARA))
                .isEqualTo("Kerry Bell (half sibling of someone your agency cannot see, about whom an agency holds a "
                        + "concern) has had no assessment since the concern began.");
    }

    @Test
    void anUnmarkedAddressSaysEachReasonAndNamesTheOffenderOnlyWhenTheUserMaySeeThem() {
        var finding = new Rule02AddressMarkerMissing.UnmarkedAddress(
                "7 Fictional Terrace, YO1 0AA",
                List.of(
                        new Rule02AddressMarkerMissing.OffenderLived(
                                "p-gary", new Period(LocalDate.of(2017, 6, 1), LocalDate.of(2018, 6, 20))),
                        new Rule02AddressMarkerMissing.ReferralWhileThere("p-sara", "r-1", LocalDate.of(2018, 3, 1))),
                true);
        assertThat(finding.sentence(SEE_ALL))
                .isEqualTo("7 Fictional Terrace, YO1 0AA has no address marker although "
                        + "Gary Nolan, a registered sex offender, lived there from 2017-06-01 to 2018-06-20 and a sexual-abuse "
                        + "referral (r-1) about Sara Bell was made while they lived there; a child lives there now.");
        assertThat(finding.sentence(HIDE_GARY))
                .doesNotContain("Gary")
                .contains("someone your agency cannot see, a " + "registered sex offender");
    }

    @Test
    void anOffenderNearAChildJoinsEveryWayTheyReachTheChild() {
        var finding = new Rule03OffenderContact.OffenderNearChild(
                "p-sara",
                "p-gary",
                List.of(
                        new Rule03OffenderContact.Contact(LocalDate.of(2015, 1, 1)),
                        new Rule03OffenderContact.PartnerOfParent("p-kerry", null)));
        assertThat(finding.sentence(SEE_ALL))
                .isEqualTo("Gary Nolan, a registered sex offender, has contact with "
                        + "Sara Bell since 2015-01-01 and is the partner of Kerry Bell, a parent of Sara Bell.");
    }

    @Test
    void everyoneASentenceMayNameIsFoundByWritingIt() {
        var raised = new Raised(
                1,
                "RSO_CO_RESIDENCE",
                Severity.MEDIUM,
                "p-sara",
                SubjectKind.PERSON,
                List.of(),
                List.of("p-sara", "p-gary"),
                new Rule01OffenderCoResidence.CoResidence(
                        "p-sara",
                        "p-gary",
                        false,
                        List.of(new Rule01OffenderCoResidence.Stay(
                                "7 Fictional Terrace", new Period(LocalDate.of(2017, 6, 1), null)))),
                "p-gary");
        assertThat(raised.named()).containsExactly("p-sara", "p-gary");
        assertThat(raised.write(SEE_ALL).summary())
                .isEqualTo("Sara Bell lived with Gary Nolan, a registered sex "
                        + "offender, at 7 Fictional Terrace from 2017-06-01 on.");
    }

    @Test
    void anUnknownRuleNumberIsAnErrorNeverAnotherRule() {
        var rules = RiskRules.standalone(null, RiskSettings.defaults(), null);
        assertThatThrownBy(() -> rules.evaluate(LocalDate.of(2019, 4, 30), Set.of(4, 13), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[13]");
    }

    @Test
    void twelveRulesAreNeededEachOnce() {
        var settings = RiskSettings.defaults();
        assertThatThrownBy(() ->
                        new RiskRules(null, settings, Clock.systemUTC(), List.of(new Rule01OffenderCoResidence())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("found [1]");
        var twice = List.<RiskRule>of(new Rule10PlanNoNhsNumber(), new Rule10PlanNoNhsNumber());
        assertThatThrownBy(() -> new RiskRules(null, settings, Clock.systemUTC(), twice))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two classes for risk rule 10");
    }
}
