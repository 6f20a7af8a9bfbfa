package uk.safeguarding.explorer.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.safeguarding.explorer.support.Describe;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * The shared scenario's expected answers (../shared/scenarios/README.md), through GraphQL over
 * HTTP as a signed-in user, at the inspection week 2018-09-26.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioQueriesIT extends ExplorerIT {

    @BeforeAll
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    private Map<String, String> siblings(String personId) {
        return Describe.siblings(query("siblingsAtRisk", Map.of("personId", personId, "asOf", Scenario.AS_OF)));
    }

    @Test
    void kylesSiblingsAreAllUnassessed() {
        assertThat(siblings("p-kyle"))
                .isEqualTo(Map.of(
                        "p-lily", "FULL_SIBLING(p-dawn,p-mark) CO_RESIDENT@a-archer[2010-05-01..] unassessed",
                        "p-tom", "FULL_SIBLING(p-dawn,p-mark) CO_RESIDENT@a-archer[2011-02-03..] unassessed",
                        "p-ruby", "HALF_SIBLING(p-mark) unassessed"));
    }

    @Test
    void sarasBrotherIsAssessedAndHerStepSisterIsNot() {
        assertThat(siblings("p-sara"))
                .isEqualTo(Map.of(
                        "p-jack", "FULL_SIBLING(p-kerry,p-lee) CO_RESIDENT@a-bell[2013-03-09..] assessed plan",
                        "p-mia", "STEP_SIBLING(p-kerry,p-gary) unassessed"));
    }

    @Test
    void garysChildStepchildrenAndContact() {
        assertThat(siblings("p-gary"))
                .isEqualTo(Map.of(
                        "p-mia", "CHILD CO_RESIDENT@a-nolan[2009-09-01..2014-12-31] CONTACT[2015-01-01..] unassessed",
                        "p-sara", "STEPCHILD(p-kerry) CO_RESIDENT@a-bell[2017-06-01..2018-06-20] assessed plan",
                        "p-jack", "STEPCHILD(p-kerry) CO_RESIDENT@a-bell[2017-06-01..2018-06-20] assessed plan"));
    }

    @Test
    void siblingsAtRiskNamesLatestAssessmentAndCurrentAgencies() {
        var answer = query("siblingsAtRisk", Map.of("personId", "p-sara", "asOf", Scenario.AS_OF));
        // unassessed children come first
        assertThat(answer.get(0).get("child").get("id").asString()).isEqualTo("p-mia");
        var jack = answer.get(1);
        assertThat(jack.get("child").get("id").asString()).isEqualTo("p-jack");
        assertThat(jack.get("latestAssessmentOn").asString()).isEqualTo("2018-06-06");
        assertThat(jack.get("agencies").toString()).isEqualTo("[{\"id\":\"csc\"},{\"id\":\"school-a\"}]");
    }

    private List<String> addresses(String personId, boolean includeHistoric) {
        return Describe.addresses(query(
                "sharedAddresses",
                Map.of("personId", personId, "asOf", Scenario.AS_OF, "includeHistoric", includeHistoric)));
    }

    @Test
    void garysAddressesWithWhoLivedThereAndWhen() {
        assertThat(addresses("p-gary", true))
                .containsExactly(
                        "Approved Premises, 1 Station Rise 2018-06-21.. current marker:m-hostel |",
                        "7 Fictional Terrace 2017-06-01..2018-06-20 | p-kerry[2017-06-01..2018-06-20] "
                                + "p-sara[2017-06-01..2018-06-20] p-jack[2017-06-01..2018-06-20]",
                        "22 Placeholder Lane 2009-09-01..2014-12-31 | p-joanne[2009-09-01..2014-12-31] "
                                + "p-mia[2009-09-01..2014-12-31]");
        assertThat(addresses("p-gary", false))
                .containsExactly("Approved Premises, 1 Station Rise 2018-06-21.. current marker:m-hostel |");
    }

    @Test
    void leeDidNotOverlapWithGary() {
        assertThat(addresses("p-lee", true))
                .containsExactly("7 Fictional Terrace 2012-01-01..2014-05-31 | p-kerry[2012-01-01..2014-05-31] "
                        + "p-sara[2012-01-01..2014-05-31] p-jack[2013-03-09..2014-05-31]");
    }

    private List<String> gaps(String personId, String scope) {
        var result = new ArrayList<String>();
        query("agencyInvolvement", Map.of("personId", personId, "scope", scope, "asOf", Scenario.AS_OF))
                .get("gaps")
                .forEach(g -> result.add(g.get("person").get("id").asString() + " "
                        + g.get("agencyType").asString() + " " + g.get("rule").asString()));
        return result;
    }

    @Test
    void theInvolvementMatrixShowsWhoIsInvolvedWithSara() {
        var answer =
                query("agencyInvolvement", Map.of("personId", "p-sara", "scope", "PERSON", "asOf", Scenario.AS_OF));
        assertThat(answer.get("people")).hasSize(1);
        var agencies = new ArrayList<String>();
        answer.get("people")
                .get(0)
                .get("involvements")
                .forEach(i -> agencies.add(i.get("agency").get("id").asString() + "/"
                        + i.get("professional").get("id").asString()));
        // the CSAAC examination ended on 2018-06-03 and is not current
        assertThat(agencies).containsExactly("csc/sw-2", "health/sn-1", "police/dc-1", "school-a/dsl-a");
        assertThat(answer.get("gaps")).isEmpty();
    }

    @Test
    void gapsNameTheMissingAgencyAndTheRule() {
        assertThat(gaps("p-jack", "PERSON")).containsExactly("p-jack HEALTH CHILD_PROTECTION_PLAN");
        assertThat(gaps("p-gary", "PERSON")).containsExactly("p-gary POLICE RSO_HOUSEHOLD");
        assertThat(gaps("p-kyle", "PERSON")).isEmpty();
        var reason = query("agencyInvolvement", Map.of("personId", "p-jack", "asOf", Scenario.AS_OF))
                .get("gaps")
                .get(0)
                .get("reason")
                .asString();
        assertThat(reason)
                .isEqualTo("On a child protection plan since 2018-07-15 but no current health involvement "
                        + "(a child on a plan needs social care, health and, aged 5-16, education)");
    }

    /**
     * The matrix says what its gap rules expect, one sentence a rule, so that a page says it in the
     * server's words (the explorer kept a copy): the same four for every person and scope, and the
     * rule of each gap found is among them.
     */
    @Test
    void theMatrixCarriesTheGapRulesItWasFoundBy() {
        var rules = new ArrayList<String>();
        query("agencyInvolvement", Map.of("personId", "p-jack", "asOf", Scenario.AS_OF))
                .get("rules")
                .forEach(r -> rules.add(r.asString()));
        assertThat(rules)
                .hasSize(4)
                .allSatisfy(r -> assertThat(r).startsWith("A child ").endsWith("."));
        assertThat(rules.get(0)).contains("protection plan", "health", "(aged 5 to 16) education");
        assertThat(rules.get(2)).contains("sexual abuse victim", "health and police");
        assertThat(rules.get(3)).contains("registered sex offender", "police and probation");
        var family = new ArrayList<String>();
        query("agencyInvolvement", Map.of("personId", "p-kyle", "scope", "FAMILY", "asOf", Scenario.AS_OF))
                .get("rules")
                .forEach(r -> family.add(r.asString()));
        assertThat(family).isEqualTo(rules);
    }

    @Test
    void householdAndFamilyScopesWidenTheMatrix() {
        var household = new ArrayList<String>();
        query("agencyInvolvement", Map.of("personId", "p-sara", "scope", "HOUSEHOLD", "asOf", Scenario.AS_OF))
                .get("people")
                .forEach(p -> household.add(p.get("person").get("id").asString()));
        assertThat(household).containsExactly("p-sara", "p-kerry", "p-jack");
        var family = new ArrayList<String>();
        query("agencyInvolvement", Map.of("personId", "p-sara", "scope", "FAMILY", "asOf", Scenario.AS_OF))
                .get("people")
                .forEach(p -> family.add(p.get("person").get("id").asString()));
        // parents, full brother, step-sister (through Kerry's partnership with Gary) and their households
        assertThat(family).containsExactlyInAnyOrder("p-sara", "p-kerry", "p-lee", "p-jack", "p-mia", "p-joanne");
        // in the inspection week Gary had moved out: an earlier day puts Sara in an RSO's household
        var earlier = new ArrayList<String>();
        query("agencyInvolvement", Map.of("personId", "p-sara", "scope", "HOUSEHOLD", "asOf", "2018-05-01"))
                .get("gaps")
                .forEach(g -> earlier.add(g.get("person").get("id").asString() + " "
                        + g.get("agencyType").asString() + " " + g.get("rule").asString()));
        // the subject first, then oldest first
        assertThat(earlier)
                .containsExactly(
                        "p-sara CHILDRENS_SOCIAL_CARE RSO_HOUSEHOLD",
                        "p-gary POLICE RSO_HOUSEHOLD",
                        "p-jack CHILDRENS_SOCIAL_CARE RSO_HOUSEHOLD");
    }
}
