package uk.safeguarding.explorer.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * An RSO marker on an ordinary home (Sara's, recorded by the police) is offender detail wherever it
 * shows (DESIGN §7): the address's markers show it to a teacher as one RESTRICTED marker with a
 * random id, so the triage queue's reasons must not name it by its real id, and ending it must
 * answer as for an unknown marker, not FORBIDDEN. Before, the teacher's triage queue read "Sara
 * Bell's address carries a marker (m-bell-rso)" and {@code endMarker("m-bell-rso")} was FORBIDDEN
 * where an unknown id is NOT_FOUND.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OffenderMarkersOfAHomeIT extends ExplorerIT {

    /** The id the explorer gave the RSO marker the police record on the Bells' home. */
    private String marker;

    @BeforeAll
    void data() {
        cleanDatabase();
        importScenario();
        var recorded = http().graphql(
                        "police-officer",
                        "mutation { recordMarker(marker: {"
                                + "type: REGISTERED_SEX_OFFENDER, on: \"a-bell\", from: \"2017-06-01\", detail: \"RSO lives here\"}) "
                                + "{ id } }");
        assertThat(recorded.get("errors")).as(recorded.toString()).isNull();
        marker = recorded.get("data").get("recordMarker").get("id").asString();
    }

    private List<String> saraTriageReasons(String user) {
        var json = http().graphql(user, "{ triageQueue(asOf: \"2018-06-10\") { referral { id } reasons } }");
        assertThat(json.get("errors")).as(json.toString()).isNull();
        var reasons = new ArrayList<String>();
        json.get("data").get("triageQueue").forEach(t -> {
            if ("r-sara-1".equals(t.get("referral").get("id").asString())) {
                t.get("reasons").forEach(r -> reasons.add(r.asString()));
            }
        });
        assertThat(reasons).as(user).isNotEmpty();
        return reasons;
    }

    @Test
    void triageReasonsNameAnOffenderMarkerOfTheHomeOnlyToThoseWhoSeeOffenderDetail() {
        for (var user : List.of("teacher", "health-visitor")) {
            var reasons = saraTriageReasons(user);
            assertThat(String.join("\n", reasons)).as(user).doesNotContain(marker);
            assertThat(reasons)
                    .as(user)
                    .contains("+15: Sara Bell's address carries a marker (a restricted marker: "
                            + "Police or probation hold information that your agency cannot see here. "
                            + "Contact Police vulnerability assessment team before acting.).");
        }
        assertThat(saraTriageReasons("police-officer"))
                .contains("+15: Sara Bell's address carries a marker (" + marker + ").");
    }

    @Test
    void endingAnOffenderMarkerOfTheHomeIsAnsweredAsAnUnknownMarkerToATeacher() {
        var document = "mutation($id: ID!) { endMarker(markerId: $id, on: \"2026-01-01\") { id type } }";
        JsonNode real = http().graphql("teacher", document, Map.of("id", marker));
        JsonNode unknown = http().graphql("teacher", document, Map.of("id", "m-bell-nothing"));
        assertThat(real.get("errors")
                        .get(0)
                        .get("extensions")
                        .get("classification")
                        .asString())
                .isEqualTo("NOT_FOUND");
        assertThat(real.toString()).isEqualTo(unknown.toString().replace("m-bell-nothing", marker));
        assertThat(count("MATCH (m:Marker {id: $id}) WHERE m.to IS NULL RETURN count(m)", Map.of("id", marker)))
                .isEqualTo(1);
    }
}
