package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.Documents;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * Need-to-know on the shared scenario: each agency sees the people it has a legitimate relationship
 * with (and their family and household); anyone else is answered exactly like an unknown id and
 * left out of every other answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedToKnowIT extends ExplorerIT {

    private static final String PERSON = "query($id: ID!) { person(id: $id) { id } }";

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
        assertThat(json.get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("NOT_FOUND");
        return false;
    }

    private List<String> search(String user, String text) {
        var ids = new ArrayList<String>();
        as(user, "query($t: String!) { searchPeople(text: $t) { id } }", Map.of("t", text)).get("data")
                .get("searchPeople").forEach(p -> ids.add(p.get("id").asString()));
        return ids;
    }

    @Test
    void aTeacherSeesThePupilsAndTheirFamiliesButNotTheOffender() {
        assertThat(sees("teacher", "p-sara")).isTrue();
        assertThat(sees("teacher", "p-kerry")).isTrue();
        // Tom is a pupil, so his brother Kyle is in the family of someone the school works with
        assertThat(sees("teacher", "p-kyle")).isTrue();
        assertThat(sees("teacher", "p-gary")).isFalse();
        // Mia is Sara's step-sister (her father was the partner of Sara's mother): in the family
        assertThat(search("teacher", "nolan")).containsExactly("p-mia");
        assertThat(search("teacher", "bell")).containsExactlyInAnyOrder("p-sara", "p-jack", "p-kerry", "p-lee");
    }

    @Test
    void aRefusalLooksExactlyLikeAnUnknownId() {
        var refused = as("yot-worker", PERSON, Map.of("id", "p-sara")).get("errors").get(0);
        var unknown = as("yot-worker", PERSON, Map.of("id", "p-nobody")).get("errors").get(0);
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
    void peopleTheUserMayNotSeeAreLeftOutOfOtherAnswers() {
        // The school sees Sara and Mia (Mia is Sara's step-sister) but not Gary, through whom she is linked.
        var siblings = as("teacher", Documents.named("siblingsAtRisk"), Map.of("personId", "p-sara",
                "asOf", Scenario.AS_OF)).get("data").get("siblingsAtRisk");
        var mia = siblings.get(0);
        assertThat(mia.get("child").get("id").asString()).isEqualTo("p-mia");
        assertThat(mia.get("links").get(0).get("via").toString()).isEqualTo("[{\"id\":\"p-kerry\"}]");
        var network = as("teacher", Documents.named("network"), Map.of("personId", "p-sara", "depth", 2,
                "asOf", Scenario.AS_OF)).get("data").get("network");
        assertThat(network.toString()).doesNotContain("p-gary");
        var connection = as("teacher", Documents.named("connection"), Map.of("fromId", "p-sara", "toId", "p-gary"));
        assertThat(connection.get("errors").get(0).get("extensions").get("classification").asString())
                .isEqualTo("NOT_FOUND");
        var chronology = as("teacher", Documents.named("chronology"), Map.of("personId", "p-kerry",
                "asOf", Scenario.AS_OF)).toString();
        assertThat(chronology).doesNotContain("Gary").contains("a partner not visible to your agency");
    }

    @Test
    void aMeetingChairSeesEveryoneConcernedByAMeetingWithFamilyAndHousehold() {
        assertThat(sees("meeting-chair", "p-kyle")).isTrue();
        assertThat(sees("meeting-chair", "p-ruby")).isTrue();
        assertThat(sees("meeting-chair", "p-lee")).isTrue();
        assertThat(sees("meeting-chair", "p-gary")).isFalse();
    }

    @Test
    void anAuditorSeesNoCaseData() {
        var json = as("auditor", PERSON, Map.of("id", "p-sara"));
        assertThat(json.get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void theAdministratorSeesEveryoneInLocalMode() {
        assertThat(sees("admin", "p-gary")).isTrue();
        assertThat(search("admin", "bell nolan arch").size()).isZero();
        assertThat(search("admin", "nolan")).hasSize(3);
    }
}
