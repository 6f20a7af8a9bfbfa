package uk.safeguarding.explorer.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.support.ExplorerIT;

/** Over-sized requests are refused quickly, with a clear error, before any Cypher runs. */
class GraphQlLimitsIT extends ExplorerIT {

    private JsonNode refusedWithoutCypher(String document, Map<String, Object> variables) {
        var before = graph.transactionsRun();
        var json = http().graphql("admin", document, variables);
        assertThat(graph.transactionsRun()).as("transactions run").isEqualTo(before);
        assertThat(json.get("errors")).as("errors").isNotNull();
        return json.get("errors").get(0);
    }

    @Test
    void aQueryThirtyLevelsDeepIsRefused() {
        var deep = new StringBuilder("{ siblingsAtRisk(personId: \"p-kyle\") ");
        for (int i = 0; i < 30; i++) {
            deep.append("{ links ");
        }
        deep.append("{ kind }").append(" }".repeat(30)).append(" }");
        var error = refusedWithoutCypher(deep.toString(), Map.of());
        assertThat(error.get("extensions").get("classification").asString()).isIn("BAD_REQUEST", "ValidationError");
    }

    @Test
    void threeHundredAliasedSearchesAreRefused() {
        var document = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            document.append(" s").append(i).append(": searchPeople(text: \"arch\") { id }");
        }
        document.append(" }");
        var error = refusedWithoutCypher(document.toString(), Map.of());
        assertThat(error.get("message").asString()).isEqualTo("Too many aliases (300); at most 30 per request");
        assertThat(error.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void tooComplexARequestIsRefused() {
        var fields = "nodes { key id kind label child sex age markers { id type from to detail } depth subject } "
                + "edges { key type source target kind status from to current derived }";
        var document = "{ a: network(personId: \"p-kyle\", first: 2000) { " + fields + " } "
                + "b: network(personId: \"p-sara\", first: 2000) { " + fields + " } }";
        var error = refusedWithoutCypher(document, Map.of());
        assertThat(error.get("message").asString()).startsWith("maximum query complexity exceeded");
        assertThat(error.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aHugePageIsABadRequest() {
        var error = refusedWithoutCypher(
                "query($f: Int) { searchPeople(text: \"arch\", first: $f) { id } }", Map.of("f", 100000));
        assertThat(error.get("message").asString()).isEqualTo("Argument 'first' must be from 1 to 100");
    }

    @Test
    void aThreeMegabyteBodyIsRefusedWith413() {
        var body = JsonMapper.shared()
                .writeValueAsString(
                        Map.of("query", "{ __typename }", "variables", Map.of("padding", "x".repeat(3_000_000))));
        // the path as sent or spelled with an encoded letter, which still reaches the GraphQL endpoint
        for (var path : List.of("/graphql", "/%67raphql")) {
            var before = graph.transactionsRun();
            var response = http().post(path, "admin", body.getBytes(StandardCharsets.UTF_8), "application/json");
            assertThat(response.status()).as(path).isEqualTo(413);
            assertThat(response.body()).contains("larger than 102400 bytes");
            assertThat(graph.transactionsRun()).isEqualTo(before);
        }
    }

    @Test
    void onlyPostWithJsonIsAccepted() {
        assertThat(http().get("/graphql?query=%7B__typename%7D", "admin").status())
                .isEqualTo(405);
        assertThat(http().post(
                                "/graphql",
                                "admin",
                                "{ __typename }".getBytes(StandardCharsets.UTF_8),
                                "application/graphql")
                        .status())
                .isEqualTo(415);
    }
}
