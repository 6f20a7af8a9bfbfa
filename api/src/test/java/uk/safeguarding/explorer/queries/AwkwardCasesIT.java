package uk.safeguarding.explorer.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.safeguarding.explorer.support.Describe;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * The awkward cases of DESIGN §5 on a small fictional fixture (fixtures/awkward-cases.json):
 * periods touching on one day and missing by one day, open ends, adults and the unborn, a child who
 * died, explicit siblings, adoptive and foster parents, ended and future partnerships, asOf in the
 * past, and a person living twice at the same address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwkwardCasesIT extends ExplorerIT {

    @BeforeAll
    void fixture() throws IOException {
        cleanDatabase();
        try (var in = getClass().getResourceAsStream("/fixtures/awkward-cases.json")) {
            var response = http().post("/api/import", "admin", new String(in.readAllBytes()));
            assertThat(response.json().get("rejected").size()).isZero();
        }
    }

    private Map<String, String> siblings(String personId, String asOf) {
        return Describe.siblings(query("siblingsAtRisk", Map.of("personId", personId, "asOf", asOf)));
    }

    @Test
    void periodsThatTouchOverlapAndPeriodsThatMissDoNot() {
        assertThat(siblings("s", "2020-01-01"))
                .isEqualTo(Map.of(
                        // touches the first stay on its last day
                        "t1", "CO_RESIDENT@h1[2016-12-31..2016-12-31] unassessed",
                        // open at both ends: overlaps both of the subject's stays
                        "t3", "CO_RESIDENT@h1[2015-01-01..2016-12-31] CO_RESIDENT@h1[2018-01-01..] unassessed"));
        // t2 missed both stays by one day; a1 is an adult; u is not born; d died in 2019
    }

    @Test
    void aChildWhoDiedCountsBeforeTheDeathAndTheUnbornAfterTheBirth() {
        assertThat(siblings("s", "2019-05-31")).containsKey("d");
        assertThat(siblings("s", "2019-06-01")).doesNotContainKey("d");
        assertThat(siblings("s", "2021-04-30")).doesNotContainKey("u");
        assertThat(siblings("s", "2021-05-01")).containsEntry("u", "CO_RESIDENT@h1[2021-05-01..] unassessed");
    }

    @Test
    void asOfInThePastSeesOnlyWhatHadBegun() {
        assertThat(siblings("s", "2016-06-01"))
                .isEqualTo(Map.of("t3", "CO_RESIDENT@h1[2015-01-01..2016-12-31] unassessed"));
    }

    @Test
    void explicitAdoptiveFosterAndStepSiblings() {
        assertThat(siblings("k", "2020-01-01"))
                .isEqualTo(Map.of(
                        "e", "HALF_SIBLING unassessed",
                        "f", "ADOPTIVE_SIBLING(ap) unassessed",
                        "g", "FOSTER_SIBLING(fc) unassessed",
                        // the partnership ended in 2012 and still makes them step siblings
                        "h", "STEP_SIBLING(m,p2) unassessed"));
    }

    @Test
    void aPartnershipThatStartsAfterAsOfDoesNotExistYet() {
        assertThat(siblings("k", "2020-12-31")).doesNotContainKey("j");
        assertThat(siblings("k", "2021-01-01")).containsEntry("j", "STEP_SIBLING(m,p3) unassessed");
    }

    /** Stays most recent first; co-residents by overlap start, then oldest first, then id. */
    private List<String> addresses(String personId, String asOf) {
        return Describe.addresses(query("sharedAddresses", Map.of("personId", personId, "asOf", asOf)));
    }

    @Test
    void aPersonLivingTwiceAtOneAddressHasTwoStaysEachWithItsOwnCoResidents() {
        assertThat(addresses("s", "2020-01-01"))
                .containsExactly(
                        "1 Edge Case Row 2018-01-01.. current | a1[2018-01-01..] d[2018-01-01..] t3[2018-01-01..]",
                        "1 Edge Case Row 2015-01-01..2016-12-31 | a1[2015-01-01..2016-12-31] t3[2015-01-01..2016-12-31] "
                                + "t1[2016-12-31..2016-12-31]");
    }

    @Test
    void coResidentsWhoseOverlapStartsAfterAsOfAreNotListed() {
        assertThat(addresses("s", "2016-06-01"))
                .containsExactly(
                        "1 Edge Case Row 2015-01-01..2016-12-31 current | a1[2015-01-01..2016-12-31] t3[2015-01-01..2016-12-31]");
    }
}
