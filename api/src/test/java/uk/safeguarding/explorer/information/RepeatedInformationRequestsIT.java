package uk.safeguarding.explorer.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * An information request is a piece of work for the holding agency, so an agency asks a holder about
 * a hidden person once and waits for the answer: a repeat while the first is open is refused
 * (BAD_REQUEST naming {@code placeholderId}, with the open request's id), however it is sent (again,
 * to one holder, or thirty times in one request with aliases). Before, a teacher could put any number
 * of requests in the police's queue, whose newest 200 are all it lists, and so push real ones out.
 */
class RepeatedInformationRequestsIT extends ExplorerIT {

    private static final String WHY = "Sara's mother says a former partner may visit the home; is it safe?";

    @BeforeEach
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    /** The placeholder the user meets where Gary stands in Sara's network. */
    private String garysPlaceholder(String user) {
        var json = http().graphql(
                        user,
                        "{ network(personId: \"p-sara\", depth: 2, asOf: \"" + Scenario.AS_OF
                                + "\") { nodes { id kind } } }");
        assertThat(json.get("errors")).as(json.toString()).isNull();
        var found = new ArrayList<String>();
        json.get("data").get("network").get("nodes").forEach(n -> {
            if ("RESTRICTED_PERSON".equals(n.get("kind").asString())) {
                found.add(n.get("id").asString());
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private JsonNode ask(String user, String placeholder, String holderId) {
        var variables = new HashMap<String, Object>();
        variables.put("ph", placeholder);
        variables.put("r", WHY);
        variables.put("h", holderId);
        return http().graphql(
                        user,
                        "mutation($ph: ID!, $r: String!, $h: ID) { requestInformation(personId: "
                                + "\"p-sara\", placeholderId: $ph, reason: $r, holderId: $h) { id holders { id } } }",
                        variables);
    }

    private long requests() {
        return count("MATCH (r:InformationRequest) RETURN count(r)");
    }

    @Test
    void anAgencyAsksAHolderAboutAHiddenPersonOnceUntilTheAnswerComes() {
        var placeholder = garysPlaceholder("teacher");
        var first = ask("teacher", placeholder, null);
        assertThat(first.get("errors")).as(first.toString()).isNull();
        var id = first.get("data").get("requestInformation").get("id").asString();

        for (var holder : new String[] {null, "police", "probation"}) {
            var again = ask("teacher", placeholder, holder);
            assertThat(again.get("errors")).as(again.toString()).isNotNull();
            var error = again.get("errors").get(0);
            assertThat(error.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
            assertThat(error.get("message").asString())
                    .startsWith("Argument 'placeholderId'")
                    // the open request is named by where its answer will appear, not by its id (new-user
                    // check 47: the id read as a developer's message in the explorer)
                    .contains("that request is still open")
                    .doesNotContain(id)
                    .doesNotContain("Gary")
                    .doesNotContain("p-gary");
        }
        var aliases = new StringBuilder("mutation($ph: ID!) {");
        for (int i = 0; i < 30; i++) {
            aliases.append(" a")
                    .append(i)
                    .append(": requestInformation(personId: \"p-sara\", placeholderId: $ph, ")
                    .append("reason: \"Is he safe around Sara? Asked again, time ")
                    .append(i)
                    .append("\") { id }");
        }
        var flood = http().graphql("teacher", aliases.append(" }").toString(), Map.of("ph", placeholder));
        assertThat(flood.get("errors")).as(flood.toString()).isNotEmpty();
        assertThat(flood.get("errors").get(0).get("message").asString()).startsWith("Argument 'placeholderId'");
        assertThat(requests()).isEqualTo(1);

        // another agency asks for itself
        var health = ask("health-visitor", garysPlaceholder("health-visitor"), "police");
        assertThat(health.get("errors")).as(health.toString()).isNull();
        assertThat(requests()).isEqualTo(2);

        // once answered, the teacher's agency may ask again
        var answered = http().graphql(
                        "police-officer",
                        "mutation($id: ID!) { answerInformationRequest(id: $id, "
                                + "answer: \"Managed by police and probation; call the public protection unit.\") { status } }",
                        Map.of("id", id));
        assertThat(answered.get("errors")).as(answered.toString()).isNull();
        var later = ask("teacher", placeholder, "police");
        assertThat(later.get("errors")).as(later.toString()).isNull();
        assertThat(requests()).isEqualTo(3);
    }
}
