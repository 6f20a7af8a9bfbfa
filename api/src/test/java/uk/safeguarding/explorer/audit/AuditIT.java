package uk.safeguarding.explorer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;

/** Every look and every refusal is in the audit log, chained so that tampering shows. */
class AuditIT extends ExplorerIT {

    private static final String PERSON = "query($id: ID!) { person(id: $id) { id } }";
    private static final String EVENTS = """
            query($subject: ID) { auditEvents(first: 10, subjectId: $subject) {
              id seq at user agency role operation subjectId categories purpose outcome requestId prevHash hash } }""";

    @BeforeEach
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    private JsonNode events(String subject) {
        var json = http().graphql("auditor", EVENTS, Map.of("subject", subject));
        assertThat(json.get("errors")).isNull();
        return json.get("data").get("auditEvents");
    }

    @Test
    void aLookAndARefusalAreEachAnEventWithWhoWhatAndWhy() {
        http().graphql("teacher", PERSON, Map.of("id", "p-sara"));
        http().graphql("teacher", PERSON, Map.of("id", "p-gary"));
        var allowed = events("p-sara").get(0);
        assertThat(allowed.get("user").asString()).isEqualTo("teacher");
        assertThat(allowed.get("agency").asString()).isEqualTo("school-a");
        assertThat(allowed.get("role").asString()).isEqualTo("PRACTITIONER");
        assertThat(allowed.get("operation").asString()).isEqualTo("person");
        assertThat(allowed.get("outcome").asString()).isEqualTo("ALLOWED");
        assertThat(allowed.get("categories").toString()).isEqualTo("[\"identity\",\"markers\"]");
        assertThat(allowed.get("requestId").asString()).isNotBlank();
        assertThat(allowed.get("hash").asString()).hasSize(64);
        var denied = events("p-gary").get(0);
        assertThat(denied.get("user").asString()).isEqualTo("teacher");
        assertThat(denied.get("outcome").asString()).isEqualTo("DENIED");
    }

    @Test
    void aFieldRefusedByRoleIsADenialOfThePersonItBelongsToOrThePeopleItNames() {
        // a steward may read a record's person but not that person's markers: refused, and on Lily's trail
        var nested = http().graphql(
                        "data-steward",
                        "{ sourceRecord(source: \"demo\", localId: \"p-lily\") { person { id markers { type } } } }");
        assertThat(nested.get("errors").toString()).contains("FORBIDDEN");
        assertThat(count("MATCH (e:AuditEvent {operation: 'markers', outcome: 'DENIED', user: 'data-steward', "
                        + "subjectId: 'p-lily'}) RETURN count(e)"))
                .isEqualTo(1);
        // an auditor may not read a person, nor record a marker on one: named by id or in the input
        http().graphql("auditor", PERSON, Map.of("id", "p-lily"));
        http().graphql(
                        "auditor",
                        "mutation { recordMarker(marker: {on: \"p-lily\", type: VIOLENCE, "
                                + "from: \"2026-01-01\"}) { id } }");
        http().graphql(
                        "auditor",
                        "mutation { recordStrategyMeeting(meeting: {heldOn: \"2026-01-02\", "
                                + "concerns: [\"p-tom\"], attendance: [], actions: [{description: \"visit\", "
                                + "owner: \"csc\", for: [\"p-ruby\"], dueOn: \"2026-02-01\"}]}) { id } }");
        assertThat(count("MATCH (e:AuditEvent {outcome: 'DENIED', user: 'auditor', subjectId: 'p-lily'}) "
                        + "WHERE e.operation IN ['person', 'recordMarker'] RETURN count(DISTINCT e.operation)"))
                .isEqualTo(2);
        assertThat(
                        count(
                                "MATCH (e:AuditEvent {operation: 'recordStrategyMeeting', outcome: 'DENIED', "
                                        + "user: 'auditor'}) WHERE e.subjectId IN ['p-tom', 'p-ruby'] RETURN count(DISTINCT e.subjectId)"))
                .isEqualTo(2);
        // a long list is recorded up to its limit, and the event says how many were named
        var many = new java.util.ArrayList<String>();
        for (int i = 0; i < 150; i++) {
            many.add("p-none-" + i);
        }
        http().graphql("auditor", "query($ids: [ID!]!) { riskFlags(personIds: $ids) { code } }", Map.of("ids", many));
        assertThat(count("MATCH (e:AuditEvent {operation: 'riskFlags', outcome: 'DENIED', user: 'auditor'}) "
                        + "WHERE e.reason CONTAINS '150 people named, the first 100 recorded' RETURN count(e)"))
                .isEqualTo(100);
    }

    @Test
    void searchResultsAreAuditedPerPerson() {
        http().graphql("teacher", "{ searchPeople(text: \"bell\") { id } }");
        for (var id : new String[] {"p-sara", "p-jack", "p-kerry", "p-lee"}) {
            assertThat(events(id).get(0).get("operation").asString()).isEqualTo("searchPeople");
        }
    }

    @Test
    void onlyAuditorsReadTheLog() {
        var json = http().graphql("admin", EVENTS, Map.of());
        assertThat(json.get("errors")
                        .get(0)
                        .get("extensions")
                        .get("classification")
                        .asString())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void theChainIsIntactAndATamperedEventIsFound() {
        http().graphql("teacher", PERSON, Map.of("id", "p-sara"));
        var check = "{ auditIntegrity { valid events firstBrokenSeq } }";
        assertThat(http().graphql("auditor", check)
                        .get("data")
                        .get("auditIntegrity")
                        .get("valid")
                        .asBoolean())
                .isTrue();
        long seq = events("p-sara").get(0).get("seq").asLong();
        graph.inWriteTransaction(
                tx -> tx.run("MATCH (a:AuditEvent {seq: $seq}) SET a.user = 'someone-else'", Map.of("seq", seq))
                        .consume());
        var broken = http().graphql("auditor", check).get("data").get("auditIntegrity");
        assertThat(broken.get("valid").asBoolean()).isFalse();
        assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(seq);
    }

    @Test
    void whenTheAuditWriteFailsNoDataIsReturned() {
        http().graphql("teacher", PERSON, Map.of("id", "p-sara"));
        // Make the next append collide with an existing event's place in the chain.
        graph.inWriteTransaction(
                tx -> tx.run("MATCH (h:AuditHead) SET h.seq = 0").consume());
        var json = http().graphql("teacher", PERSON, Map.of("id", "p-sara"));
        assertThat(json.get("errors")).isNotNull();
        // no data at all: the whole answer waits for its audit events
        assertThat(json.get("data").isNull()).isTrue();
        assertThat(json.toString()).doesNotContain("Sara");
    }

    @Test
    void importsAreAudited() {
        var json = http().graphql("auditor", "{ auditEvents(first: 50, user: \"admin\") { operation reason } }");
        assertThat(json.get("data").get("auditEvents").toString()).contains("\"operation\":\"import\"");
    }

    @Test
    void sequenceNumbersAreWholeNumbersAndPageTheLog() {
        http().graphql("teacher", PERSON, Map.of("id", "p-sara"));
        http().graphql("teacher", PERSON, Map.of("id", "p-kyle"));
        var newest = http().graphql("auditor", "{ auditEvents(first: 2) { seq } }")
                .get("data")
                .get("auditEvents");
        assertThat(newest.get(0).get("seq").isIntegralNumber())
                .as(newest.toString())
                .isTrue();
        var seq = newest.get(0).get("seq").asLong();
        var older = http().graphql(
                        "auditor",
                        "query($after: Long) { auditEvents(first: 1, after: $after) { seq } }",
                        Map.of("after", seq))
                .get("data")
                .get("auditEvents");
        assertThat(older.get(0).get("seq").asLong()).isEqualTo(seq - 1);
        assertThat(http().graphql("auditor", "{ auditIntegrity { events } }").toString())
                .matches(".*\"events\":[0-9]+}.*");
    }

    @Test
    void whenTheAuditWriteFailsAnImportAnswers503WithoutItsResult() {
        graph.inWriteTransaction(
                tx -> tx.run("MATCH (h:AuditHead) SET h.seq = 0").consume());
        var response = http().post("/api/import", "admin", "{\"source\":\"csc\",\"people\":[{\"id\":\"p-new\"}]}");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).contains("AUDIT_UNAVAILABLE").doesNotContain("imported");
        assertThat(response.headers().get("x-request-id")).isNotBlank();
    }

    @Test
    void whenTheAuditWriteFailsAMutationWritesNothingAndAnswersNoData() {
        graph.inWriteTransaction(
                tx -> tx.run("MATCH (h:AuditHead) SET h.seq = 0").consume());
        var json = http().graphql(
                        "health-visitor",
                        "mutation { breakGlass(personId: \"p-gary\", purpose: OTHER, "
                                + "reason: \"Sara's disclosure names her mother's former partner\") { id } }");
        assertThat(json.get("data").isNull()).isTrue();
        assertThat(json.get("errors")
                        .get(0)
                        .get("extensions")
                        .get("classification")
                        .asString())
                .isEqualTo("INTERNAL_ERROR");
        // audited first: no grant exists without its event
        assertThat(count("MATCH (g:BreakGlass) RETURN count(g)")).isZero();
    }
}
