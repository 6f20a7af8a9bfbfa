package uk.safeguarding.explorer.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.Documents;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * NetworkNode.deceasedOn (issue 15, the genogram's deceased mark) on the scenario with a fictional
 * grandfather of Sara (fixtures/deceased-grandfather.json: Lee's father Ronald, died 2016-03-10):
 * the day shows once it has happened on the as-of day, only on people the user may see, never on
 * the placeholder of someone hidden.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeceasedInNetworkIT extends ExplorerIT {

    @BeforeAll
    void data() throws IOException {
        cleanDatabase();
        importScenario();
        try (var in = getClass().getResourceAsStream("/fixtures/deceased-grandfather.json")) {
            var response = http().post("/api/import", "admin", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(response.json().get("rejected").size())
                    .as(response.body())
                    .isZero();
        }
    }

    private JsonNode network(String user, String asOf) {
        var json = http().graphql(user, Documents.named("networkDeaths"), Map.of("personId", "p-sara", "asOf", asOf));
        assertThat(json.get("errors")).as(json.toString()).isNull();
        return json.get("data").get("network");
    }

    private List<JsonNode> nodes(String user, String asOf) {
        return list(network(user, asOf).get("nodes"));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static JsonNode node(List<JsonNode> nodes, String key) {
        return nodes.stream()
                .filter(n -> key.equals(n.get("key").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(key + " is not in the network"));
    }

    @Test
    void aPersonWhoHadDiedByTheAsOfDayCarriesTheDayTheyDiedAndNobodyElseDoes() {
        var nodes = nodes("admin", Scenario.AS_OF);
        assertThat(node(nodes, "Person:p-ronald").get("deceasedOn").asString()).isEqualTo("2016-03-10");
        assertThat(nodes.stream()
                        .filter(n -> !n.get("deceasedOn").isNull())
                        .map(n -> n.get("key").asString()))
                .containsExactly("Person:p-ronald");
    }

    @Test
    void aDeathAfterTheAsOfDayHasNotHappenedYetOnThatDay() {
        var nodes = nodes("admin", "2015-01-01");
        assertThat(node(nodes, "Person:p-ronald").get("deceasedOn").isNull()).isTrue();
        var onTheDay = nodes("admin", "2016-03-10");
        assertThat(node(onTheDay, "Person:p-ronald").get("deceasedOn").asString())
                .isEqualTo("2016-03-10");
    }

    @Test
    void thePlaceholderOfAHiddenPersonNeverSaysTheyDied() {
        // Sara's grandfather is outside social care's view of her network: a placeholder beside Lee
        var network = network("social-worker", Scenario.AS_OF);
        var nodes = list(network.get("nodes"));
        assertThat(nodes.stream().map(n -> n.get("id").asString())).doesNotContain("p-ronald");
        var leesParents = list(network.get("edges")).stream()
                .filter(e -> "PARENT_OF".equals(e.get("type").asString())
                        && "Person:p-lee".equals(e.get("target").asString()))
                .map(e -> e.get("source").asString())
                .toList();
        assertThat(leesParents).hasSize(1);
        var grandfather = node(nodes, leesParents.get(0));
        assertThat(grandfather.get("kind").asString()).isEqualTo("RESTRICTED_PERSON");
        assertThat(grandfather.get("deceasedOn").isNull()).isTrue();
        assertThat(nodes.stream().filter(n -> !n.get("deceasedOn").isNull())).isEmpty();
    }
}
