package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.Documents;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * Need-to-know on the shared scenario (DESIGN §7), judged today: each agency sees the circle of the
 * people it has a relationship with, social care, police and meeting chairs a related child's wider
 * network; anyone else is answered exactly like an unknown id when asked for, and is a placeholder
 * inside other answers. Today the scenario's children Sara (born 2010) and Jack (born 2013) are
 * still children, Kyle (born 2001) is not; the expectations hold until Jack turns 18 in 2031.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedToKnowIT extends ExplorerIT {

    private static final String PERSON = "query($id: ID!) { person(id: $id) { id } }";

    @Autowired
    NeedToKnow needToKnow;

    @BeforeAll
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    private JsonNode as(String user, String document, Map<String, Object> variables) {
        return http().graphql(user, document, variables);
    }

    private boolean sees(String user, String id) {
        var json = as(user, PERSON, Map.of("id", id));
        if (json.get("errors") == null) {
            return true;
        }
        assertThat(json.get("errors").get(0).get("message").asString()).isEqualTo("No person with id '" + id + "'");
        assertThat(json.get("errors")
                        .get(0)
                        .get("extensions")
                        .get("classification")
                        .asString())
                .isEqualTo("NOT_FOUND");
        return false;
    }

    private List<String> search(String user, String text) {
        var ids = new ArrayList<String>();
        as(user, "query($t: String!) { searchPeople(text: $t) { id } }", Map.of("t", text))
                .get("data")
                .get("searchPeople")
                .forEach(p -> ids.add(p.get("id").asString()));
        return ids;
    }

    @Test
    void aTeacherSeesThePupilsAndTheirFamiliesButNotTheOffender() {
        assertThat(sees("teacher", "p-sara")).isTrue();
        assertThat(sees("teacher", "p-kerry")).isTrue();
        // Tom is a pupil, so his brother Kyle is in the circle of someone the school works with
        assertThat(sees("teacher", "p-kyle")).isTrue();
        assertThat(sees("teacher", "p-gary")).isFalse();
        // Mia is Sara's step-sister (her father was the partner of Sara's mother): a sibling
        assertThat(search("teacher", "nolan")).containsExactly("p-mia");
        assertThat(search("teacher", "bell")).containsExactlyInAnyOrder("p-sara", "p-jack", "p-kerry", "p-lee");
    }

    @Test
    void socialCareAndPoliceSeeTheChildsWiderNetworkIncludingHerMothersFormerPartner() {
        // Gary was Kerry's partner and lived with Sara (2017-2018): in the network of a child they work with
        assertThat(sees("social-worker", "p-gary")).isTrue();
        assertThat(sees("police-officer", "p-gary")).isTrue();
        // his former partner Joanne is not in Sara's network: Mia's mother, not a parent's partner of Sara
        assertThat(sees("social-worker", "p-joanne")).isFalse();
        // health and schools see a child's own circle only
        assertThat(sees("health-visitor", "p-gary")).isFalse();
    }

    @Test
    void aRelationshipWithAnAdultOpensOnlyTheirCircle() {
        // social care works with Kyle, who is an adult today: his circle, not his half-sister's mother
        assertThat(sees("social-worker", "p-ruby")).isTrue();
        assertThat(sees("social-worker", "p-sian")).isFalse();
    }

    @Test
    void aRefusalLooksExactlyLikeAnUnknownId() {
        var refused =
                as("yot-worker", PERSON, Map.of("id", "p-sara")).get("errors").get(0);
        var unknown =
                as("yot-worker", PERSON, Map.of("id", "p-nobody")).get("errors").get(0);
        assertThat(refused.get("message").asString().replace("p-sara", "X"))
                .isEqualTo(unknown.get("message").asString().replace("p-nobody", "X"));
        assertThat(refused.get("extensions")).isEqualTo(unknown.get("extensions"));
    }

    @Test
    void youthOffendingSeesKylesFamilyOnly() {
        assertThat(sees("yot-worker", "p-kyle")).isTrue();
        assertThat(sees("yot-worker", "p-ruby")).isTrue();
        assertThat(sees("yot-worker", "p-sara")).isFalse();
        assertThat(search("yot-worker", "archer")).hasSize(5);
    }

    @Test
    void probationSeesTheOffenderAndHisFamily() {
        assertThat(sees("probation-officer", "p-gary")).isTrue();
        assertThat(sees("probation-officer", "p-mia")).isTrue();
        assertThat(sees("probation-officer", "p-kerry")).isTrue();
        assertThat(sees("probation-officer", "p-kyle")).isFalse();
    }

    @Test
    void peopleTheUserMayNotSeeArePlaceholdersInOtherAnswers() {
        // The school sees Sara and Mia (Mia is Sara's step-sister) but not Gary, through whom she is linked.
        var siblings = as(
                        "teacher",
                        Documents.named("siblingsAtRisk"),
                        Map.of("personId", "p-sara", "asOf", Scenario.AS_OF))
                .get("data")
                .get("siblingsAtRisk");
        var mia = siblings.get(0);
        assertThat(mia.get("child").get("id").asString()).isEqualTo("p-mia");
        var via = mia.get("links").get(0).get("via");
        assertThat(via).hasSize(2);
        assertThat(via.get(0).get("id").asString()).isEqualTo("p-kerry");
        assertThat(via.get(1).get("id").asString()).startsWith("rp-");
        var network = as(
                        "teacher",
                        Documents.named("network"),
                        Map.of("personId", "p-sara", "depth", 2, "asOf", Scenario.AS_OF))
                .get("data")
                .get("network");
        assertThat(network.toString())
                .doesNotContain("p-gary")
                .doesNotContain("Gary")
                .contains("RESTRICTED_PERSON");
        var connection = as("teacher", Documents.named("connection"), Map.of("fromId", "p-sara", "toId", "p-gary"));
        assertThat(connection
                        .get("errors")
                        .get(0)
                        .get("extensions")
                        .get("classification")
                        .asString())
                .isEqualTo("NOT_FOUND");
        var chronology = as(
                        "teacher",
                        "query($id: ID!) { chronology(personId: $id, asOf: \"" + Scenario.AS_OF
                                + "\") { kind summary relatedIds restrictedPerson { id kind holders { id } } } }",
                        Map.of("id", "p-kerry"))
                .get("data")
                .get("chronology");
        assertThat(chronology.toString())
                .doesNotContain("Gary")
                .doesNotContain("p-gary")
                .contains("Partnership with someone your agency cannot see began");
        var partnership = new ArrayList<JsonNode>();
        chronology.forEach(e -> {
            if (e.get("summary").asString().contains("cannot see")) {
                partnership.add(e);
            }
        });
        assertThat(partnership).hasSize(2);
        assertThat(partnership.get(0).get("restrictedPerson").get("kind").asString())
                .isEqualTo("RESTRICTED_PERSON");
        assertThat(partnership.get(0).get("restrictedPerson").get("holders").toString())
                .contains("police", "probation");
    }

    @Test
    void aMeetingChairSeesEveryoneConcernedByTheirMeetingsAndTheChildrensNetworks() {
        assertThat(sees("meeting-chair", "p-kyle")).isTrue();
        assertThat(sees("meeting-chair", "p-ruby")).isTrue();
        assertThat(sees("meeting-chair", "p-lee")).isTrue();
        // Sara and Jack, concerned by the strategy meeting and conference, are children: their wider network
        assertThat(sees("meeting-chair", "p-gary")).isTrue();
        assertThat(sees("meeting-chair", "p-joanne")).isFalse();
    }

    @Test
    void whoMayBeSeenIsJudgedTodaySoMovingTheDateBackShowsTheSamePeoplesHistory() {
        // social care's involvement with Sara began in 2018; on 2016-01-01 she is still theirs to see
        for (var asOf : List.of("2016-01-01", Scenario.AS_OF)) {
            var network = as(
                    "social-worker",
                    Documents.named("network"),
                    Map.of("personId", "p-sara", "depth", 1, "asOf", asOf));
            assertThat(network.get("errors")).as(asOf).isNull();
            assertThat(network.get("data").get("network").toString()).as(asOf).contains("Person:p-kerry");
            assertThat(as("social-worker", Documents.named("chronology"), Map.of("personId", "p-kyle", "asOf", asOf))
                            .get("errors"))
                    .as(asOf)
                    .isNull();
        }
        // a teacher may not see Gary today, so not in 2018 either
        var old = as("teacher", PERSON, Map.of("id", "p-gary"));
        assertThat(old.get("errors")
                        .get(0)
                        .get("extensions")
                        .get("classification")
                        .asString())
                .isEqualTo("NOT_FOUND");
        assertThat(as("teacher", Documents.named("chronology"), Map.of("personId", "p-gary", "asOf", "2018-03-01"))
                        .get("errors")
                        .get(0)
                        .get("extensions")
                        .get("classification")
                        .asString())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void theVisibilityOfEveryPersonAnAnswerTouchesIsDecidedByOneQueryPerRequest() {
        // an answer and every person's nested fields: one visibility query, whatever the number of people
        var before = needToKnow.visibilityQueries();
        var siblings = as(
                "social-worker",
                "query($id: ID!) { siblingsAtRisk(personId: $id, asOf: \"" + Scenario.AS_OF
                        + "\") { child { id markers { type } currentAddress { id } } links { via { id markers { type } } } } }",
                Map.of("id", "p-sara"));
        assertThat(siblings.get("errors")).isNull();
        assertThat(siblings.toString()).contains("p-gary", "p-mia", "p-jack", "p-kerry", "p-lee");
        assertThat(needToKnow.visibilityQueries() - before).isEqualTo(1);

        before = needToKnow.visibilityQueries();
        var network = as(
                "social-worker",
                Documents.named("network"),
                Map.of("personId", "p-sara", "depth", 3, "asOf", Scenario.AS_OF));
        assertThat(network.get("errors")).isNull();
        assertThat(needToKnow.visibilityQueries() - before).isEqualTo(1);

        // a second answer in the same request about people already decided does not ask again
        before = needToKnow.visibilityQueries();
        var both = as(
                "social-worker",
                "query($id: ID!) { siblingsAtRisk(personId: $id, asOf: \"" + Scenario.AS_OF
                        + "\") { child { id } links { via { id } } } sharedAddresses(personId: $id, asOf: \""
                        + Scenario.AS_OF
                        + "\") { coResidents { person { id } } } }",
                Map.of("id", "p-sara"));
        assertThat(both.get("errors")).isNull();
        assertThat(needToKnow.visibilityQueries() - before).isEqualTo(1);
    }

    @Test
    void anAuditorSeesNoCaseData() {
        var json = as("auditor", PERSON, Map.of("id", "p-sara"));
        assertThat(json.get("errors")
                        .get(0)
                        .get("extensions")
                        .get("classification")
                        .asString())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void theAdministratorSeesEveryoneInLocalMode() {
        assertThat(sees("admin", "p-gary")).isTrue();
        assertThat(search("admin", "bell nolan arch").size()).isZero();
        assertThat(search("admin", "nolan")).hasSize(3);
    }
}
