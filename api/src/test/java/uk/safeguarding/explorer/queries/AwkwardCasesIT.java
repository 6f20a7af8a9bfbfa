package uk.safeguarding.explorer.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.Documents;
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

    private JsonNode query(String document, Map<String, Object> variables) {
        var json = http().graphql("admin", Documents.named(document), variables);
        assertThat(json.get("errors")).as("errors").isNull();
        return json.get("data").get(document);
    }

    private Map<String, String> siblings(String personId, String asOf) {
        var result = new TreeMap<String, String>();
        for (var child : query("siblingsAtRisk", Map.of("personId", personId, "asOf", asOf))) {
            var links = new ArrayList<String>();
            for (var link : child.get("links")) {
                var via = new ArrayList<String>();
                link.get("via").forEach(v -> via.add(v.get("id").asString()));
                var text = link.get("kind").asString() + (via.isEmpty() ? "" : "(" + String.join(",", via) + ")");
                if (!link.get("from").isNull() || !link.get("to").isNull()) {
                    text += "[" + link.get("from").asString("") + ".." + link.get("to").asString("") + "]";
                }
                links.add(text);
            }
            result.put(child.get("child").get("id").asString(), String.join(" ", links));
        }
        return result;
    }

    @Test
    void periodsThatTouchOverlapAndPeriodsThatMissDoNot() {
        assertThat(siblings("s", "2020-01-01")).isEqualTo(Map.of(
                // touches the first stay on its last day
                "t1", "CO_RESIDENT[2016-12-31..2016-12-31]",
                // open at both ends: overlaps both of the subject's stays
                "t3", "CO_RESIDENT[2015-01-01..2016-12-31] CO_RESIDENT[2018-01-01..]"));
        // t2 missed both stays by one day; a1 is an adult; u is not born; d died in 2019
    }

    @Test
    void aChildWhoDiedCountsBeforeTheDeathAndTheUnbornAfterTheBirth() {
        assertThat(siblings("s", "2019-05-31")).containsKey("d");
        assertThat(siblings("s", "2019-06-01")).doesNotContainKey("d");
        assertThat(siblings("s", "2021-04-30")).doesNotContainKey("u");
        assertThat(siblings("s", "2021-05-01")).containsEntry("u", "CO_RESIDENT[2021-05-01..]");
    }

    @Test
    void asOfInThePastSeesOnlyWhatHadBegun() {
        assertThat(siblings("s", "2016-06-01")).isEqualTo(Map.of("t3", "CO_RESIDENT[2015-01-01..2016-12-31]"));
    }

    @Test
    void explicitAdoptiveFosterAndStepSiblings() {
        assertThat(siblings("k", "2020-01-01")).isEqualTo(Map.of(
                "e", "HALF_SIBLING",
                "f", "ADOPTIVE_SIBLING(ap)",
                "g", "FOSTER_SIBLING(fc)",
                // the partnership ended in 2012 and still makes them step siblings
                "h", "STEP_SIBLING(m,p2)"));
    }

    @Test
    void aPartnershipThatStartsAfterAsOfDoesNotExistYet() {
        assertThat(siblings("k", "2020-12-31")).doesNotContainKey("j");
        assertThat(siblings("k", "2021-01-01")).containsEntry("j", "STEP_SIBLING(m,p3)");
    }

    /** Stays most recent first; co-residents by overlap start, then oldest first, then id. */
    private List<String> addresses(String personId, String asOf) {
        var result = new ArrayList<String>();
        for (var a : query("sharedAddresses", Map.of("personId", personId, "asOf", asOf))) {
            var text = new StringBuilder(a.get("from").asString("")).append("..").append(a.get("to").asString(""))
                    .append(a.get("current").asBoolean() ? " current" : "").append(" |");
            a.get("coResidents").forEach(c -> text.append(" ").append(c.get("person").get("id").asString())
                    .append("[").append(c.get("from").asString("")).append("..").append(c.get("to").asString(""))
                    .append("]"));
            result.add(text.toString());
        }
        return result;
    }

    @Test
    void aPersonLivingTwiceAtOneAddressHasTwoStaysEachWithItsOwnCoResidents() {
        assertThat(addresses("s", "2020-01-01")).containsExactly(
                "2018-01-01.. current | a1[2018-01-01..] d[2018-01-01..] t3[2018-01-01..]",
                "2015-01-01..2016-12-31 | a1[2015-01-01..2016-12-31] t3[2015-01-01..2016-12-31] "
                        + "t1[2016-12-31..2016-12-31]");
    }

    @Test
    void coResidentsWhoseOverlapStartsAfterAsOfAreNotListed() {
        assertThat(addresses("s", "2016-06-01")).containsExactly(
                "2015-01-01..2016-12-31 current | a1[2015-01-01..2016-12-31] t3[2015-01-01..2016-12-31]");
    }
}
