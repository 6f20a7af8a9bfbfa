package uk.safeguarding.explorer.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.risk.TriageScore.Facts;

/** The triage score: each point with the sentence that explains it, caps, and what a hidden person adds. */
class TriageScoreTests {

    private static final LocalDate RECEIVED = LocalDate.of(2018, 6, 1);

    /** A referral nothing raises but the police's silence and its wait, decided. */
    private static Facts quiet() {
        return new Facts(
                "Sara Bell",
                "STANDARD",
                "NEGLECT",
                false,
                false,
                List.of(),
                0,
                List.of(),
                false,
                List.of(),
                true,
                RECEIVED,
                RECEIVED,
                0,
                null);
    }

    @Test
    void aReferralNothingRaisesScoresNothingAndSaysSo() {
        var scored = TriageScore.of(quiet());
        assertThat(scored.score()).isZero();
        assertThat(scored.reasons())
                .containsExactly(
                        "Nothing in the graph raises this referral; it keeps its place by arrival time.",
                        "Decided on 2018-06-01 (no points for waiting).");
    }

    @Test
    void everyPointComesWithItsSentenceAndTheScoreIsTheirSum() {
        var facts = new Facts(
                "Sara Bell",
                "IMMEDIATE",
                "SEXUAL_ABUSE",
                true,
                false,
                List.of("Jack Bell"),
                0,
                List.of("r-1"),
                true,
                List.of("m-1"),
                false,
                RECEIVED,
                null,
                3,
                null);
        var scored = TriageScore.of(facts);
        assertThat(scored.reasons())
                .containsExactly(
                        "+30: The referral is marked immediate.",
                        "+20: The concern is sexual abuse.",
                        "+40: Sara Bell lives with a registered sex offender.",
                        "+10: 1 sibling(s) or household children not assessed since the concern began: Jack Bell.",
                        "+10: 1 earlier referral(s) about Sara Bell in the 12 months before (r-1).",
                        "+20: Sara Bell is on a child protection plan.",
                        "+15: Sara Bell's address carries a marker (m-1).",
                        "+10: Police have shared nothing about Sara Bell: no police referral or involvement (ask them).",
                        "+6: Waiting for a decision for 3 working day(s) since 2018-06-01.");
        assertThat(scored.score()).isEqualTo(30 + 20 + 40 + 10 + 10 + 20 + 15 + 10 + 6);
    }

    @Test
    void siblingsEarlierReferralsAndWaitingAreCappedAndHarmfulSexualBehaviourIsSpeltOut() {
        var facts = new Facts(
                "Kyle Archer",
                "URGENT",
                "HSB",
                false,
                true,
                List.of("Lily", "Tom", "Ruby"),
                1,
                List.of("r-1", "r-2", "r-3", "r-4"),
                false,
                List.of(),
                true,
                RECEIVED,
                null,
                15,
                null);
        assertThat(TriageScore.of(facts).reasons())
                .containsExactly(
                        "+15: The referral is marked urgent.",
                        "+15: The concern is harmful sexual behaviour.",
                        "+30: Kyle Archer has contact with, or a parent's partner is, a registered sex offender.",
                        "+30: 4 sibling(s) or household children not assessed since the concern began: Lily, Tom, Ruby, "
                                + "1 child your agency cannot see.",
                        "+30: 4 earlier referral(s) about Kyle Archer in the 12 months before (r-1, r-2, r-3, r-4).",
                        "+20: Waiting for a decision for 15 working day(s) since 2018-06-01.");
    }

    @Test
    void withoutOffenderDetailTheOffenderIsRestrictedAndHiddenChildrenAreCountedNeverNamed() {
        var scored = TriageScore.of(withoutOffenderDetail("Sara Bell", true, 2));
        assertThat(scored.reasons())
                .containsExactly(
                        "+40: Police or probation hold information about Sara Bell's household or contacts: "
                                + "Contact the police public protection unit.",
                        "+20: 2 sibling(s) or household children not assessed since the concern began: "
                                + "2 children your agency cannot see.",
                        "Received on 2018-06-01; no decision yet (0 points for waiting so far).");
        assertThat(scored.score()).isEqualTo(60);
    }

    @Test
    void withoutOffenderDetailAContactScoresAsTheHouseholdDoesSoThePointsDoNotTellTheLink() {
        // hostile review 89: 40 for the household and 30 for a contact told a school which it was
        for (var household : List.of(true, false)) {
            assertThat(TriageScore.of(withoutOffenderDetail("Mia Nolan", household, 0))
                            .reasons()
                            .get(0))
                    .as("in the household: %s", household)
                    .isEqualTo("+40: Police or probation hold information about Mia Nolan's household or contacts: "
                            + "Contact the police public protection unit.");
        }
    }

    /** A standard referral read by someone without offender detail: an offender in the household or in contact. */
    private static Facts withoutOffenderDetail(String name, boolean household, int siblingsHidden) {
        return new Facts(
                name,
                "STANDARD",
                null,
                household,
                !household,
                List.of(),
                siblingsHidden,
                List.of(),
                false,
                List.of(),
                true,
                RECEIVED,
                null,
                0,
                "Contact the police public protection unit.");
    }
}
