package uk.safeguarding.explorer.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.Http;

/**
 * The check that the rules started from some people (by index seek) answer exactly as the rules over
 * the whole area do: for each person, their flags asked by {@code personIds}, by {@code personId} and
 * through {@code Person.riskFlags} are the area-wide flags that concern them (their own, and those of
 * their addresses, referrals, meetings and actions), every flag kept, duplicates of a subject too.
 */
final class ScopedFlags {

    private static final String FIELDS = "rule code severity subjectId subjectKind summary evidence people";

    private ScopedFlags() {}

    static void assertScopedEqualAreaWide(Http http, List<String> people, String asOf) {
        var area = flags(
                http.graphql(
                        "admin",
                        "query($asOf: Date) { riskFlags(asOf: $asOf) { " + FIELDS + " } }",
                        Map.of("asOf", asOf)),
                "riskFlags");
        assertThat(area).as("the area raises flags").isNotEmpty();
        var concerningAnyone = new ArrayList<String>();
        for (var id : people) {
            var expected = area.stream()
                    .filter(f -> concerns(f, id))
                    .map(JsonNode::toString)
                    .toList();
            var byIds = flags(
                    http.graphql(
                            "admin",
                            "query($ids: [ID!], $asOf: Date) { riskFlags(personIds: $ids, " + "asOf: $asOf) { " + FIELDS
                                    + " } }",
                            Map.of("ids", List.of(id), "asOf", asOf)),
                    "riskFlags");
            assertThat(byIds.stream().map(JsonNode::toString).toList())
                    .as("riskFlags(personIds: [%s])", id)
                    .containsExactlyInAnyOrderElementsOf(expected);
            var byId = flags(
                    http.graphql(
                            "admin",
                            "query($id: ID, $asOf: Date) { riskFlags(personId: $id, " + "asOf: $asOf) { " + FIELDS
                                    + " } }",
                            Map.of("id", id, "asOf", asOf)),
                    "riskFlags");
            assertThat(byId.stream().map(JsonNode::toString).toList())
                    .as("riskFlags(personId: %s)", id)
                    .containsExactlyInAnyOrderElementsOf(expected);
            var person = http.graphql(
                    "admin",
                    "query($id: ID!, $asOf: Date) { person(id: $id) { riskFlags(asOf: $asOf) " + "{ " + FIELDS
                            + " } } }",
                    Map.of("id", id, "asOf", asOf));
            assertThat(person.get("errors")).as(person.toString()).isNull();
            var nested = new ArrayList<String>();
            person.get("data").get("person").get("riskFlags").forEach(f -> nested.add(f.toString()));
            assertThat(nested).as("person(id: %s) { riskFlags }", id).containsExactlyInAnyOrderElementsOf(expected);
            expected.stream().filter(f -> !concerningAnyone.contains(f)).forEach(concerningAnyone::add);
        }
        var all = flags(
                http.graphql(
                        "admin",
                        "query($ids: [ID!], $asOf: Date) { riskFlags(personIds: $ids, " + "asOf: $asOf) { " + FIELDS
                                + " } }",
                        Map.of("ids", people, "asOf", asOf)),
                "riskFlags");
        assertThat(all.stream().map(JsonNode::toString).toList())
                .as("riskFlags of everyone at once")
                .containsExactlyInAnyOrderElementsOf(concerningAnyone);
    }

    private static List<JsonNode> flags(JsonNode json, String field) {
        assertThat(json.get("errors")).as(json.toString()).isNull();
        var result = new ArrayList<JsonNode>();
        json.get("data").get(field).forEach(result::add);
        return result;
    }

    /** A person's own flags, and those of their addresses, referrals, meetings and actions. */
    private static boolean concerns(JsonNode flag, String personId) {
        if ("PERSON".equals(flag.get("subjectKind").asString())) {
            return flag.get("subjectId").asString().equals(personId);
        }
        for (var p : flag.get("people")) {
            if (p.asString().equals(personId)) {
                return true;
            }
        }
        return false;
    }
}
