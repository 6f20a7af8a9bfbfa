package uk.safeguarding.explorer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Http;

/**
 * One request names at most 500 people (across all its fields and aliases): beyond that it is
 * refused whole with BAD_REQUEST and no data, and leaves one event saying so instead of thousands
 * (recordExport with 2,000 ids in 30 aliases once wrote 60,000 events in one request). Within the
 * limit, the same event recorded by two aliases is written once.
 */
class AuditLimitIT extends ExplorerIT {

    @BeforeEach
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    private static List<String> ids(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
    }

    /** Sends a document; returns the response (its X-Request-Id header names its audit events). */
    private Http.Response send(String user, String document, Map<String, Object> variables) {
        var body = new LinkedHashMap<String, Object>();
        body.put("query", document);
        body.put("variables", variables);
        var response = http().post("/graphql", user, JsonMapper.shared().writeValueAsString(body));
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    private long events(String requestId) {
        return count("MATCH (a:AuditEvent {requestId: $id}) RETURN count(a)", Map.of("id", requestId));
    }

    private static void refusedWithoutData(JsonNode json) {
        assertThat(json.get("data").isNull()).as(json.toString()).isTrue();
        assertThat(json.get("errors")).hasSize(1);
        var error = json.get("errors").get(0);
        assertThat(error.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.get("message").asString()).contains("more than 500 people");
    }

    @Test
    void recordExportWithTwoThousandIdsIsRefusedAndLeavesOneEvent() {
        var personIds = new ArrayList<String>();
        personIds.add("p-sara");
        personIds.addAll(ids("p-unknown-", 1_999));
        var response = send(
                "admin",
                "mutation($ids: [ID!]!) { recordExport(kind: PNG, personIds: $ids, asOf: \"2018-09-26\") }",
                Map.of("ids", personIds));
        refusedWithoutData(response.json());
        var requestId = response.headers().get("x-request-id");
        assertThat(events(requestId)).isEqualTo(1);
        assertThat(count(
                        "MATCH (a:AuditEvent {requestId: $id, operation: 'requestRefused', outcome: 'DENIED', user: 'admin'}) "
                                + "WHERE a.subjectId IS NULL RETURN count(a)",
                        Map.of("id", requestId)))
                .isEqualTo(1);
        assertThat(count("MATCH (a:AuditEvent {operation: 'export:PNG'}) RETURN count(a)"))
                .isZero();
    }

    @Test
    void aliasesTogetherPastTheLimitRefuseTheWholeQueryThoughEachAloneIsWithinIt() {
        var document = "query($a: [ID!]!, $b: [ID!]!) { a: riskFlags(personIds: $a, asOf: \"2018-09-26\") { code } "
                + "b: riskFlags(personIds: $b, asOf: \"2018-09-26\") { code } }";
        var response = send("social-worker", document, Map.of("a", ids("p-a-", 300), "b", ids("p-b-", 300)));
        refusedWithoutData(response.json());
        // a query's reads were never answered: only the refusal is written
        var requestId = response.headers().get("x-request-id");
        assertThat(events(requestId)).isEqualTo(1);
        assertThat(count(
                        "MATCH (a:AuditEvent {requestId: $id}) WHERE a.operation = 'requestRefused' "
                                + "AND a.reason CONTAINS 'more than 500 people' RETURN count(a)",
                        Map.of("id", requestId)))
                .isEqualTo(1);
    }

    @Test
    void theSameEventFromTwoAliasesIsWrittenOnceAndWithinTheLimitBothAnswer() {
        var same = new ArrayList<String>(ids("p-a-", 299));
        same.add("p-sara");
        var document = "query($a: [ID!]!) { a: riskFlags(personIds: $a, asOf: \"2018-09-26\") { code subjectId } "
                + "b: riskFlags(personIds: $a, asOf: \"2018-09-26\") { code subjectId } }";
        var response = send("social-worker", document, Map.of("a", same));
        var json = response.json();
        assertThat(json.get("errors")).isNull();
        assertThat(json.get("data").get("a").toString())
                .isEqualTo(json.get("data").get("b").toString());
        var requestId = response.headers().get("x-request-id");
        // 300 people asked about: one event each, not one per alias
        assertThat(count(
                        "MATCH (a:AuditEvent {requestId: $id, operation: 'riskFlags'}) WHERE a.subjectId IN $ids "
                                + "RETURN count(DISTINCT a.subjectId)",
                        Map.of("id", requestId, "ids", same)))
                .isEqualTo(300);
        assertThat(count(
                        "MATCH (a:AuditEvent {requestId: $id, operation: 'riskFlags'}) WHERE a.subjectId IN $ids "
                                + "RETURN count(a)",
                        Map.of("id", requestId, "ids", same)))
                .isEqualTo(300);
    }

    @Test
    void aMutationRefusedPartWayKeepsTheEventsOfWhatItAlreadyDid() {
        var document =
                "mutation($many: [ID!]!) { first: recordExport(kind: PNG, personIds: [\"p-sara\"], asOf: \"2018-09-26\") "
                        + "second: recordExport(kind: PRINT_PACK, personIds: $many, asOf: \"2018-09-26\") }";
        var response = send("admin", document, Map.of("many", ids("p-unknown-", 600)));
        refusedWithoutData(response.json());
        var requestId = response.headers().get("x-request-id");
        assertThat(count(
                        "MATCH (a:AuditEvent {requestId: $id, operation: 'export:PNG', subjectId: 'p-sara'}) "
                                + "RETURN count(a)",
                        Map.of("id", requestId)))
                .isEqualTo(1);
        assertThat(count(
                        "MATCH (a:AuditEvent {requestId: $id, operation: 'requestRefused'}) RETURN count(a)",
                        Map.of("id", requestId)))
                .isEqualTo(1);
        assertThat(events(requestId)).isEqualTo(2);
    }
}
