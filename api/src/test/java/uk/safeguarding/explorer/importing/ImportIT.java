package uk.safeguarding.explorer.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Http;
import uk.safeguarding.explorer.support.Scenario;

class ImportIT extends ExplorerIT {

    @BeforeEach
    void clean() {
        cleanDatabase();
    }

    /** Every node and relationship with its properties, in a stable order: the state of the graph. */
    private List<String> snapshot() {
        return graph.inReadTransaction(tx -> {
            var rows = new ArrayList<String>();
            rows.addAll(tx.run(
                            "MATCH (n) WHERE NOT n:__Neo4jMigration AND NOT n:AuditEvent AND NOT n:AuditHead AND NOT n:AuditCheckpoint "
                                    + "AND NOT n:IdentityGeneration "
                                    + "RETURN labels(n) AS labels, properties(n) AS props")
                    .list(r -> r.get("labels").asList() + " "
                            + new TreeMap<>(r.get("props").asMap())));
            rows.addAll(tx.run(
                            "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b")
                    .list(r -> r.get("a").asString() + " -" + r.get("type").asString()
                            + new TreeMap<>(r.get("props").asMap()) + "-> "
                            + r.get("b").asString()));
            Collections.sort(rows);
            return rows;
        });
    }

    @Test
    void theSharedScenarioImportsEveryRecord() {
        var result = importScenario();
        assertThat(result.get("imported").toString())
                .isEqualTo("{\"agencies\":10,\"professionals\":10,\"people\":14,"
                        + "\"addresses\":5,\"relationships\":35,\"involvements\":13,\"markers\":7,\"referrals\":3,"
                        + "\"assessments\":3,\"meetings\":3,\"events\":3}");
        assertThat(result.get("rejected").size()).isZero();
        assertThat(count("MATCH (p:Person) RETURN count(p)")).isEqualTo(14);
        assertThat(count("MATCH (:Person)-[r:LIVES_AT]->(:Address) RETURN count(r)"))
                .isEqualTo(16);
        assertThat(count("MATCH (:Person)-[r:PARENT_OF {kind: 'BIRTH'}]->(:Person) RETURN count(r)"))
                .isEqualTo(14);
        assertThat(count("MATCH (:Marker)-[:ON]->(:Address {id: 'a-hostel'}) RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Meeting {id: 'sm-kyle'})-[:AGREED]->(a:Action)-[:FOR]->(:Person) RETURN count(*)"))
                .isEqualTo(4);
        assertThat(count("MATCH (:Agency {id: 'health'})-[r:ATTENDED {invited: true, attended: false}]->"
                        + "(:Meeting {id: 'sm-kyle'}) RETURN count(r)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Professional {id: 'om-1'})-[r:INVOLVED_WITH {agency: 'probation'}]->"
                        + "(:Person {id: 'p-gary'}) RETURN count(r)"))
                .isEqualTo(1);
        // every imported node and relationship carries its source and when it was recorded
        assertThat(count(
                        "MATCH (n) WHERE NOT n:__Neo4jMigration AND NOT n:AuditEvent AND NOT n:AuditHead AND NOT n:AuditCheckpoint "
                                + "AND NOT n:IdentityGeneration "
                                + "AND (n.source IS NULL OR n.recordedAt IS NULL) RETURN count(n)"))
                .isZero();
        assertThat(count("MATCH ()-[r]->() WHERE r.source IS NULL OR r.recordedAt IS NULL RETURN count(r)"))
                .isZero();
        assertThat(count("MATCH (m:Marker {id: 'm-gary-rso', source: 'police'}) RETURN count(m)"))
                .isEqualTo(1);
        assertThat(count("MATCH (p:Person {id: 'p-gary'}) WHERE p.aliases = ['Gaz Nolan'] "
                        + "AND p.dateOfBirth = date('1970-02-11') RETURN count(p)"))
                .isEqualTo(1);
        assertThat(count("MATCH (r:Referral {id: 'r-kyle-1'}) WHERE r.receivedAt = datetime('2018-03-01T09:30:00Z') "
                        + "RETURN count(r)"))
                .isEqualTo(1);
    }

    @Test
    void reimportingTheSameBundleChangesNothing() {
        var first = importScenario();
        assertThat(first.get("created").get("nodes").asLong()).isPositive();
        assertThat(first.get("created").get("relationships").asLong()).isPositive();
        var before = snapshot();
        var again = importScenario();
        assertThat(again.get("rejected").size()).isZero();
        assertThat(snapshot()).isEqualTo(before);
        // the answer says so: every record written again, nothing added
        assertThat(again.get("imported")).isEqualTo(first.get("imported"));
        assertThat(again.get("created").get("nodes").asLong()).isZero();
        assertThat(again.get("created").get("relationships").asLong()).isZero();
    }

    @Test
    void concurrentImportsOfOneBundleCreateNoDuplicates() throws Exception {
        var pool = Executors.newFixedThreadPool(4);
        try {
            var tasks = new ArrayList<Callable<Http.Response>>();
            for (int i = 0; i < 4; i++) {
                tasks.add(() -> http().post("/api/import", "admin", Scenario.text()));
            }
            for (var future : pool.invokeAll(tasks)) {
                assertThat(future.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(count("MATCH (p:Person) RETURN count(p)")).isEqualTo(14);
        assertThat(count("MATCH ()-[r:LIVES_AT]->() RETURN count(r)")).isEqualTo(16);
        assertThat(count("MATCH ()-[r:PARTNER_OF]-() RETURN count(DISTINCT r)")).isEqualTo(4);
        assertThat(count("MATCH ()-[r:ON]->() RETURN count(r)")).isEqualTo(7);
        assertThat(count("MATCH ()-[r:ATTENDED]->() RETURN count(r)")).isEqualTo(11);
        assertThat(count("MATCH ()-[r:FOR]->() RETURN count(r)")).isEqualTo(6);
        assertThat(count("MATCH ()-[r:WORKS_FOR]->() RETURN count(r)")).isEqualTo(10);
    }

    @Test
    void aBadRecordIsRejectedAloneAndEveryGoodRecordIsWritten() {
        var response = http().post("/api/import", "admin", """
                {"source": "csc",
                 "agencies": [{"id": "csc", "name": "CSC", "type": "CHILDRENS_SOCIAL_CARE"}],
                 "people": [{"id": "bx-1", "givenName": "Good"},
                            {"id": "bx-2", "givenName": "Bad", "nhsNumber": "9434765918"},
                            {"id": "bx-3", "givenName": "Also good", "favouriteColour": "blue"}],
                 "addresses": [{"id": "ax-1", "postcode": "YO1 0AA"}],
                 "relationships": [{"type": "LIVES_AT", "from": "bx-1", "to": "ax-1", "start": "2018-01-01"},
                                   {"type": "LIVES_AT", "from": "bx-2", "to": "ax-1", "start": "2018-01-01"},
                                   {"type": "PARENT_OF", "from": "bx-1", "to": "bx-3", "kind": "UNCLE"}],
                 "meetings": [{"id": "mx-1", "kind": "STRATEGY", "heldOn": "2018-01-05", "concerns": ["bx-1"],
                               "actions": [{"id": "acx-1", "description": "Visit", "owner": "csc", "for": ["bx-2"]}]}]}
                """);
        assertThat(response.status()).isEqualTo(200);
        var json = response.json();
        assertThat(json.get("imported").toString())
                .isEqualTo("{\"agencies\":1,\"people\":2,\"addresses\":1,\"relationships\":1,\"meetings\":0}");
        assertThat(json.get("rejected").toString())
                .isEqualTo("["
                        + "{\"array\":\"people\",\"index\":1,\"id\":\"bx-2\",\"field\":\"nhsNumber\","
                        + "\"reason\":\"fails the NHS number check digit\"},"
                        + "{\"array\":\"relationships\",\"index\":1,\"id\":null,\"field\":\"from\","
                        + "\"reason\":\"refers to person \\\"bx-2\\\", which is neither in this bundle (as a valid record) "
                        + "nor in the database\"},"
                        + "{\"array\":\"relationships\",\"index\":2,\"id\":null,\"field\":\"kind\","
                        + "\"reason\":\"must be one of BIRTH, ADOPTIVE, STEP, FOSTER, GUARDIAN, not \\\"UNCLE\\\"\"},"
                        + "{\"array\":\"meetings\",\"index\":0,\"id\":\"mx-1\",\"field\":\"actions[0].for[0]\","
                        + "\"reason\":\"refers to person \\\"bx-2\\\", which is neither in this bundle (as a valid record) "
                        + "nor in the database\"}]");
        assertThat(json.get("warnings").toString())
                .isEqualTo("[{\"array\":\"people\",\"index\":2,\"id\":\"bx-3\","
                        + "\"field\":\"favouriteColour\",\"reason\":\"unknown field, ignored\"}]");
        assertThat(count("MATCH (p:Person) RETURN count(p)")).isEqualTo(2);
        assertThat(count("MATCH (p:Person {id: 'bx-2'}) RETURN count(p)")).isZero();
        assertThat(count("MATCH (:Person {id: 'bx-1'})-[:LIVES_AT]->(:Address {id: 'ax-1'}) RETURN count(*)"))
                .isEqualTo(1);
        // nothing half-written: the meeting whose action was bad is not there, nor its action
        assertThat(count("MATCH (n) WHERE n:Meeting OR n:Action RETURN count(n)"))
                .isZero();
        assertThat(count("MATCH ()-[r:PARENT_OF]->() RETURN count(r)")).isZero();
    }

    @Test
    void anImportIsAuditedInTheAdministratorsNameWithWhatItImportedAndRejectedAndABundleThatIsNotOneIsNot() {
        var response = http().post("/api/import", "admin", """
                {"source": "csc", "people": [{"id": "bx-1", "givenName": "Good"},
                                             {"id": "bx-2", "givenName": "Bad", "nhsNumber": "9434765918"}]}""");
        assertThat(response.status()).isEqualTo(200);
        assertThat(count("MATCH (e:AuditEvent {operation: 'import', user: 'admin'}) WHERE e.reason STARTS WITH "
                        + "'imported bundle of source csc: {' AND e.reason CONTAINS 'people=1' "
                        + "AND e.reason ENDS WITH '}, rejected 1' RETURN count(e)"))
                .isEqualTo(1);
        assertThat(http().post("/api/import", "admin", "[{\"id\": \"x\"}]").status())
                .isEqualTo(400);
        assertThat(count("MATCH (e:AuditEvent {operation: 'import'}) RETURN count(e)"))
                .isEqualTo(1);
    }

    @Test
    void aLaterBundleMayReferToRecordsAlreadyImported() {
        importScenario();
        var response = http().post("/api/import", "admin", """
                {"source": "police",
                 "markers": [{"id": "m-bell-address", "type": "OTHER", "on": "a-bell", "start": "2018-06-21",
                              "detail": "Address linked to a registered sex offender"}],
                 "relationships": [{"type": "HAS_CONTACT_WITH", "from": "p-gary", "to": "p-sara",
                                    "start": "2017-01-01", "end": "2018-06-20", "nature": "Household"}]}""");
        assertThat(response.json().get("rejected").size()).isZero();
        assertThat(count("MATCH (:Marker {id: 'm-bell-address'})-[:ON]->(:Address {id: 'a-bell'}) RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Person {id: 'p-gary'})-[:HAS_CONTACT_WITH]->(:Person {id: 'p-sara'}) "
                        + "RETURN count(*)"))
                .isEqualTo(1);
    }

    @Test
    void reimportingARecordWithNewValuesUpdatesItInPlace() {
        importScenario();
        http().post("/api/import", "admin", """
                {"source": "demo",
                 "relationships": [{"type": "LIVES_AT", "from": "p-joanne", "to": "a-nolan",
                                    "start": "2009-09-01", "end": "2018-09-01"}],
                 "people": [{"id": "p-mia", "givenName": "Mia", "familyName": "Nolan-Smith",
                             "dateOfBirth": "2009-08-21", "sex": "FEMALE"}]}""");
        assertThat(count("MATCH (:Person {id: 'p-joanne'})-[r:LIVES_AT]->(:Address {id: 'a-nolan'}) "
                        + "WHERE r.to = date('2018-09-01') RETURN count(r)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Person {id: 'p-joanne'})-[r:LIVES_AT]->() RETURN count(r)"))
                .isEqualTo(1);
        assertThat(count("MATCH (p:Person {id: 'p-mia', familyName: 'Nolan-Smith'}) RETURN count(p)"))
                .isEqualTo(1);
    }

    @Test
    void unparseableJsonGets400NamingThePosition() {
        var response = http().post("/api/import", "admin", "{\"people\": [\n  {\"id\": \"x\",}\n]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString())
                .startsWith("The body is not valid JSON at line 2, column");
        assertThat(count("MATCH (p:Person) RETURN count(p)")).isZero();
        // a body cut short: the line and column, what was expected, none of the parser's own notes
        var cut = http().post("/api/import", "admin", "{\"people\":[");
        assertThat(cut.status()).isEqualTo(400);
        assertThat(cut.json().get("message").asString())
                .startsWith("The body is not valid JSON at line 1, column 12: Unexpected end-of-input")
                .doesNotContain("Source", "REDACTED", "#UNKNOWN", "byte offset");
    }

    @Test
    void anImportMayNotClaimWhatTheExplorerRecordsItself() {
        cleanDatabase();
        var whole = http().post(
                        "/api/import",
                        "admin",
                        "{\"source\": \"explorer-admin\", \"people\": [{\"id\": \"p-claim\", \"givenName\": \"Ann\"}]}");
        assertThat(whole.status()).isEqualTo(400);
        assertThat(whole.json().get("message").asString()).contains("must not begin with 'explorer-'");
        var one = http().post(
                        "/api/import",
                        "admin",
                        "{\"source\": \"csc\", \"people\": [{\"id\": \"p-claim\", \"source\": \"explorer-chair\"},"
                                + " {\"id\": \"p-fine\"}]}");
        assertThat(one.status()).isEqualTo(200);
        var rejected = one.json().get("rejected").get(0);
        assertThat(rejected.get("id").asString()).isEqualTo("p-claim");
        assertThat(rejected.get("field").asString()).isEqualTo("source");
        assertThat(count("MATCH (p:Person {id: 'p-claim'}) RETURN count(p)")).isZero();
        assertThat(count("MATCH (p:Person {id: 'p-fine'}) RETURN count(p)")).isEqualTo(1);
    }

    /** Whether the user is answered about the person (not NOT_FOUND). */
    private boolean sees(String user, String personId) {
        var json = http().graphql(user, "query($id: ID!) { person(id: $id) { id } }", Map.of("id", personId));
        return json.get("errors") == null && !json.get("data").get("person").isNull();
    }

    /**
     * Review 47: a school's extract made its agency POLICE (its teacher then read Gary's PNC id and
     * markers), and a police extract gave the school a professional involved with Gary and health an
     * invitation to a meeting about him. An extract describes its own agency and its own
     * professionals and attendance only, never changes a type; the import's audit event says whose
     * extract it was and any type a bundle changes.
     */
    @Test
    void anAgencyExtractChangesNoTypeAndGivesNoOtherAgencyARelationship() {
        importScenario();
        assertThat(sees("teacher", "p-gary")).isFalse();
        var school = http().post("/api/import", "admin", """
                {"source": "school-a", "resolve": true,
                 "agencies": [{"id": "school-a", "name": "Riverside Primary School", "type": "POLICE"}], "people": []}""");
        assertThat(school.status()).isEqualTo(200);
        var rejected = school.json().get("rejected").get(0);
        assertThat(rejected.get("array").asString()).isEqualTo("agencies");
        assertThat(rejected.get("field").asString()).isEqualTo("type");
        assertThat(rejected.get("reason").asString())
                .startsWith("changes the type of agency school-a from EDUCATION to POLICE");
        assertThat(count("MATCH (a:Agency {id: 'school-a', type: 'EDUCATION'}) RETURN count(a)"))
                .isEqualTo(1);
        // review 49: nor may it rename itself as what every user reads as the police
        var renamed = http().post("/api/import", "admin", """
                {"source": "school-a", "resolve": true,
                 "agencies": [{"id": "school-a", "name": "Police public protection unit", "type": "EDUCATION"}]}""");
        assertThat(renamed.json().get("rejected").get(0).get("field").asString())
                .isEqualTo("name");
        assertThat(count("MATCH (a:Agency {id: 'school-a', name: 'Riverside Primary School'}) RETURN count(a)"))
                .isEqualTo(1);
        assertThat(sees("teacher", "p-gary")).isFalse();

        var police = http().post("/api/import", "admin", """
                {"source": "police", "resolve": true,
                 "professionals": [{"id": "PX1", "name": "Ms Teacher Proxy", "agency": "school-a"},
                                   {"id": "PX2", "name": "DC Own", "agency": "police"}],
                 "people": [{"id": "P2", "givenName": "Gary", "familyName": "Nolan", "dateOfBirth": "1970-02-11",
                             "pncId": "1998/0123456X"}],
                 "involvements": [{"professional": "PX1", "person": "P2", "start": "2018-01-01"},
                                  {"professional": "PX2", "person": "P2", "start": "2018-01-01"}],
                 "meetings": [{"id": "M1", "kind": "STRATEGY", "heldOn": "2018-09-20", "concerns": ["P2"],
                               "attendance": [{"agency": "police", "attended": true},
                                              {"agency": "health", "invited": true}]}]}""");
        assertThat(police.status()).isEqualTo(200);
        var fields = new ArrayList<String>();
        police.json()
                .get("rejected")
                .forEach(r -> fields.add(
                        r.get("array").asString() + "/" + r.get("field").asString()));
        assertThat(fields)
                .contains("professionals/agency", "meetings/attendance[1].agency")
                .allMatch(f ->
                        f.startsWith("professionals/") || f.startsWith("meetings/") || f.startsWith("involvements/"));
        // Gary's record joined him; police's own professional is involved, nobody else's
        assertThat(count("MATCH (:SourceRecord {source: 'police', localId: 'P2'})-[]-(:Person {id: 'p-gary'}) "
                        + "RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Agency {id: 'police'})<-[:WORKS_FOR]-(:Professional)-[:INVOLVED_WITH]->"
                        + "(:Person {id: 'p-gary'}) RETURN count(*)"))
                .isGreaterThanOrEqualTo(1);
        assertThat(count("MATCH (:Agency {id: 'school-a'})<-[:WORKS_FOR]-(:Professional)-[:INVOLVED_WITH]->"
                        + "(:Person {id: 'p-gary'}) RETURN count(*)"))
                .isZero();
        assertThat(sees("teacher", "p-gary")).isFalse();
        assertThat(sees("health-visitor", "p-gary")).isFalse();
        // the audit says whose extract it was; a partnership bundle may change a type, and the audit says so
        assertThat(count("MATCH (e:AuditEvent {operation: 'import'}) WHERE e.reason STARTS WITH "
                        + "'imported agency extract of police: {' RETURN count(e)"))
                .isEqualTo(1);
        var plain = http().post("/api/import", "admin", """
                {"source": "partnership", "agencies": [{"id": "isva", "name": "Independent sexual violence advisers",
                  "type": "HEALTH"}]}""");
        assertThat(plain.json().get("rejected").size()).isZero();
        assertThat(plain.json().get("warnings").get(0).get("reason").asString())
                .isEqualTo(
                        "changes the type of agency isva from VOLUNTARY to HEALTH: what its users see changes with it");
        assertThat(count("MATCH (e:AuditEvent {operation: 'import'}) WHERE e.reason STARTS WITH "
                        + "'imported bundle of source partnership: {agencies=1}, rejected 0; changes the type of agency "
                        + "isva from VOLUNTARY to HEALTH' RETURN count(e)"))
                .isEqualTo(1);
        // and a professional moved to another agency, which changes who sees the people they are involved with
        var moved = http().post("/api/import", "admin", """
                {"source": "demo", "professionals": [{"id": "om-1", "name": "Offender manager", "agency": "school-a"}]}""");
        assertThat(moved.json().get("rejected").size()).isZero();
        assertThat(moved.json().get("warnings").get(0).get("reason").asString())
                .startsWith("moves professional om-1 from probation to school-a");
        assertThat(count("MATCH (e:AuditEvent {operation: 'import'}) WHERE e.reason CONTAINS "
                        + "'moves professional om-1 from probation to school-a' RETURN count(e)"))
                .isEqualTo(1);
    }

    /** A referral about Sara recorded by the social worker through the API, with the fields given added. */
    private JsonNode socialWorkersReferral(Map<String, Object> more) {
        var referral = new java.util.LinkedHashMap<String, Object>(
                Map.of("about", "p-sara", "from", "csc", "receivedAt", "2018-09-25T10:00:00Z", "concern", "NEGLECT"));
        referral.putAll(more);
        return http().graphql(
                        "social-worker",
                        "mutation($r: ReferralInput!) { recordReferral(referral: $r) { id } }",
                        Map.of("r", referral));
    }

    /**
     * Reviews 47 to 49: a recording took an id an import used later ('police:R77', then any plain
     * bundle's 'R80'), and its "id in use" refusal told a practitioner which ids existed. The explorer
     * now gives what users record its own ids (explorer-<kind>-<uuid>), which no import may use, and a
     * recording may not choose one; an import still never takes over a recorded record.
     */
    @Test
    void recordingsAndImportsNeverTakeEachOthersIds() {
        importScenario();
        // a recording may not choose its id: not an extract's, not one in use, not a new one
        for (var id : List.of("police:R77", "m-gary-rso", " m-gary-rso", "R77")) {
            var chosen = socialWorkersReferral(Map.of("id", id));
            assertThat(chosen.get("errors").get(0).get("message").asString())
                    .as(id)
                    .isEqualTo("Argument 'referral.id' is given by the explorer: leave it out (the answer "
                            + "carries the id the record gets)");
        }
        assertThat(count("MATCH (r:Referral) WHERE r.recordedVia IS NOT NULL RETURN count(r)"))
                .isZero();
        assertThat(count("MATCH (m:Marker {id: 'm-gary-rso', type: 'REGISTERED_SEX_OFFENDER'})-[:ON]->"
                        + "(:Person {id: 'p-gary'}) WHERE m.recordedVia IS NULL RETURN count(m)"))
                .isEqualTo(1);
        // the explorer gives it its id; police's own R77, sent later, is police's own record
        var recorded = socialWorkersReferral(Map.of());
        assertThat(recorded.get("errors")).as(recorded.toString()).isNull();
        var recordedId = recorded.get("data").get("recordReferral").get("id").asString();
        assertThat(recordedId).matches("explorer-referral-[0-9a-f-]{36}");
        var police = http().post("/api/import", "admin", """
                {"source": "police", "referrals": [{"id": "R77", "about": "p-kyle", "from": "police",
                  "receivedAt": "2018-09-25T11:00:00Z", "concern": "EXPLOITATION"}]}""");
        assertThat(police.json().get("rejected")).isEmpty();
        assertThat(count("MATCH (:Referral {id: 'R77'})-[:ABOUT]->(:Person {id: 'p-kyle'}) RETURN count(*)"))
                .isEqualTo(1);
        // no bundle may give a record an id of the explorer's form: the recording stays as it was
        var takeover = http().post(
                        "/api/import",
                        "admin",
                        "{\"source\": \"police\", \"referrals\": [{\"id\": \"" + recordedId
                                + "\", \"about\": \"p-kyle\", \"from\": \"police\", "
                                + "\"receivedAt\": \"2018-09-25T11:00:00Z\", \"concern\": \"EXPLOITATION\"}, "
                                + "{\"id\": \"Explorer-x\", \"about\": \"p-kyle\", \"from\": \"police\", "
                                + "\"receivedAt\": \"2018-09-25T11:00:00Z\", \"concern\": \"EXPLOITATION\"}]}");
        assertThat(takeover.status()).isEqualTo(200);
        assertThat(takeover.json().get("rejected")).hasSize(2);
        for (var rejected : takeover.json().get("rejected")) {
            assertThat(rejected.get("field").asString()).isEqualTo("id");
            assertThat(rejected.get("reason").asString()).startsWith("must not begin with 'explorer-'");
        }
        assertThat(count(
                        "MATCH (r:Referral {id: $id, concern: 'NEGLECT'})-[:ABOUT]->(:Person {id: 'p-sara'}) "
                                + "WHERE r.recordedVia IS NOT NULL RETURN count(r)",
                        Map.of("id", recordedId)))
                .isEqualTo(1);
        // a record a user recorded before the explorer gave ids (any id) is still never taken over
        graph.inWriteTransaction(tx -> tx.run("MATCH (r:Referral {id: $id}) SET r.id = 'R80'", Map.of("id", recordedId))
                .consume());
        var older = http().post("/api/import", "admin", """
                {"source": "police", "referrals": [{"id": "R80", "about": "p-kyle", "from": "police",
                  "receivedAt": "2018-09-25T11:00:00Z", "concern": "EXPLOITATION"}]}""");
        var rejected = older.json().get("rejected").get(0);
        assertThat(rejected.get("id").asString()).isEqualTo("R80");
        assertThat(rejected.get("field").asString()).isEqualTo("id");
        assertThat(rejected.get("reason").asString())
                .startsWith("is the id of a record a user recorded in the explorer");
        assertThat(count("MATCH (:Referral {id: 'R80'})-[:ABOUT]->(:Person {id: 'p-kyle'}) RETURN count(*)"))
                .isZero();
        // nor does a bundle without resolve give a record an extract's id
        var plainSquat = http().post("/api/import", "admin", """
                {"source": "school-a", "markers": [{"id": "police:M1", "type": "OTHER", "on": "p-sara"}]}""");
        assertThat(plainSquat.json().get("rejected").get(0).get("field").asString())
                .isEqualTo("id");
        assertThat(count("MATCH (m:Marker {id: 'police:M1'}) RETURN count(m)")).isZero();
    }

    @Test
    void aBundleThatIsNotAnObjectGets400() {
        var response = http().post("/api/import", "admin", "[{\"id\": \"x\"}]");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).contains("must be a JSON object");
    }

    @Test
    void anOversizedBodyGets413WithAClearMessage() {
        var big = new StringBuilder("{\"source\":\"x\",\"people\":[");
        while (big.length() < 2_100_000) {
            big.append("{\"id\":\"p").append(big.length()).append("\"},");
        }
        big.append("{\"id\":\"last\"}]}");
        var response = http().post("/api/import", "admin", big.toString());
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("message").asString()).contains("larger than 2000000 bytes");
        assertThat(count("MATCH (p:Person) RETURN count(p)")).isZero();
    }

    @Test
    void onlyAnAdministratorMayImport() {
        var denied = "MATCH (e:AuditEvent {user: 'social-worker', operation: 'import', outcome: 'DENIED'}) "
                + "RETURN count(e)";
        var before = count(denied);
        var refused = http().post("/api/import", "social-worker", Scenario.text());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asString()).isEqualTo("FORBIDDEN");
        assertThat(refused.json().get("message").asString()).contains("role does not allow import");
        // a refusal is a denial: on record before the answer left (DESIGN §7)
        assertThat(count(denied)).isEqualTo(before + 1);
        // also when the path is spelled with an encoded letter: it still reaches the import, and is recorded as one
        var encoded = http().post("/%61pi/%69mport", "social-worker", Scenario.text());
        assertThat(encoded.status()).isEqualTo(403);
        assertThat(count(denied)).isEqualTo(before + 2);
        assertThat(http().post("/api/import", null, Scenario.text()).status()).isEqualTo(401);
        assertThat(count("MATCH (p:Person) RETURN count(p)")).isZero();
    }
}
