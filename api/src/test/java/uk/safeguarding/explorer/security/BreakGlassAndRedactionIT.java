package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * Break-glass (a purpose and a reason to see someone outside the agency's relationship, for a
 * limited time, audited and reviewed) and the redaction policy seen through it: Gary, a registered
 * sex offender under MAPPA, is seen by health only as RESTRICTED, by police in full.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BreakGlassAndRedactionIT extends ExplorerIT {

    private static final String BREAK =
            "mutation($id: ID!, $purpose: BreakGlassPurpose!, $reason: String!, $hours: Int) "
                    + "{ breakGlass(personId: $id, purpose: $purpose, reason: $reason, hours: $hours) "
                    + "{ id user agency subjectId purpose reason from until active uses } }";
    private static final String GARY = "{ person(id: \"p-gary\") { id probationCrn markers(asOf: \"" + Scenario.AS_OF
            + "\") { id type detail from mappaCategory derived address { id } } } }";

    @BeforeAll
    void scenario() {
        cleanDatabase();
        importScenario();
        graph.inWriteTransaction(tx -> tx.run("MATCH (p:Person {id: 'p-gary'}) SET p.probationCrn = 'X123456'")
                .consume());
    }

    private JsonNode breakGlass(String user, String id, String purpose, String reason, Integer hours) {
        var variables = new HashMap<String, Object>();
        variables.put("id", id);
        variables.put("purpose", purpose);
        variables.put("reason", reason);
        variables.put("hours", hours);
        return http().graphql(user, BREAK, variables);
    }

    private static String classification(JsonNode json) {
        return json.get("errors").get(0).get("extensions").get("classification").asString();
    }

    @Test
    void aHealthVisitorBreaksTheGlassAndSeesGaryWithHisOffenderDetailRestricted() {
        assertThat(classification(http().graphql("health-visitor", GARY))).isEqualTo("NOT_FOUND");

        var short_ = breakGlass("health-visitor", "p-gary", "SECTION_47_ENQUIRY", "need", null);
        assertThat(classification(short_)).isEqualTo("BAD_REQUEST");
        assertThat(short_.get("errors").get(0).get("message").asString()).contains("reason");
        var tooLong = breakGlass("health-visitor", "p-gary", "SECTION_47_ENQUIRY", "Sara's disclosure names Gary", 100);
        assertThat(tooLong.get("errors").get(0).get("message").asString()).contains("hours");
        assertThat(classification(http().graphql("health-visitor", GARY))).isEqualTo("NOT_FOUND");

        var grant = breakGlass(
                        "health-visitor",
                        "p-gary",
                        "SECTION_47_ENQUIRY",
                        "Sara's disclosure names her mother's former partner",
                        null)
                .get("data")
                .get("breakGlass");
        assertThat(grant.get("user").asString()).isEqualTo("health-visitor");
        assertThat(grant.get("agency").asString()).isEqualTo("health");
        assertThat(grant.get("active").asBoolean()).isTrue();
        var from = ZonedDateTime.parse(grant.get("from").asString());
        assertThat(ZonedDateTime.parse(grant.get("until").asString())).isEqualTo(from.plusHours(24));

        var gary = http().graphql("health-visitor", GARY);
        assertThat(gary.get("errors")).isNull();
        var all = gary.get("data").get("person").get("markers");
        var markers = new ArrayList<JsonNode>();
        all.forEach(m -> {
            if (!m.get("derived").asBoolean()) {
                markers.add(m);
            }
        });
        // the approved premises' own marker, carried by everyone living there, is offender detail too:
        // folded into the one RESTRICTED marker, the address not named
        assertThat(all).hasSize(1);
        assertThat(all.toString()).doesNotContain("a-hostel").doesNotContain("Approved");
        assertThat(markers).hasSize(1);
        var restricted = markers.get(0);
        assertThat(restricted.get("type").asString()).isEqualTo("RESTRICTED");
        assertThat(restricted.get("detail").asString())
                .contains("Police vulnerability assessment team")
                .contains("Probation service")
                .contains("Contact");
        assertThat(restricted.get("from").isNull()).isTrue();
        assertThat(restricted.get("mappaCategory").isNull()).isTrue();
        assertThat(restricted.get("id").asString()).doesNotContain("rso").doesNotContain("mappa");
        assertThat(gary.get("data").get("person").get("probationCrn").isNull()).isTrue();

        // the grant covers Gary's family and household: his former partner Joanne
        assertThat(http().graphql("health-visitor", "{ person(id: \"p-joanne\") { id } }")
                        .get("errors"))
                .isNull();

        var involvement = http().graphql(
                        "health-visitor",
                        "{ agencyInvolvement(personId: \"p-gary\", asOf: \""
                                + Scenario.AS_OF
                                + "\") { people { person { id } involvements { agency { id } professional { name } "
                                + "role } } gaps { agencyType rule reason } } }")
                .toString();
        assertThat(involvement)
                .doesNotContain("Pat Evans")
                .doesNotContain("Offender manager")
                .doesNotContain("probation")
                .doesNotContain("sex offender")
                .doesNotContain("RSO");
        var chronology = http().graphql(
                        "health-visitor",
                        "{ chronology(personId: \"p-gary\", asOf: \"" + Scenario.AS_OF
                                + "\") { kind summary relatedIds } }")
                .toString();
        assertThat(chronology)
                .contains("Restricted information")
                .doesNotContain("sex offender")
                .doesNotContain("MAPPA")
                .doesNotContain("m-gary");
        var network = http().graphql(
                        "health-visitor",
                        "{ network(personId: \"p-gary\", depth: 2, asOf: \"" + Scenario.AS_OF
                                + "\") { nodes { id label role markers { type } } edges { role } } }")
                .toString();
        assertThat(network)
                .contains("RESTRICTED")
                .doesNotContain("om-1")
                .doesNotContain("Offender manager")
                .doesNotContain("REGISTERED_SEX_OFFENDER");

        // every look under the grant is audited as BREAK_GLASS with the purpose, reason and grant
        var events = http().graphql(
                        "auditor",
                        "{ auditEvents(first: 500, user: \"health-visitor\", subjectId: "
                                + "\"p-gary\") { operation outcome purpose reason grantId } }")
                .get("data")
                .get("auditEvents");
        var operations = new ArrayList<String>();
        events.forEach(e -> {
            if ("BREAK_GLASS".equals(e.get("outcome").asString())) {
                operations.add(e.get("operation").asString());
                assertThat(e.get("purpose").asString()).isEqualTo("SECTION_47_ENQUIRY");
                assertThat(e.get("reason").asString()).isEqualTo("Sara's disclosure names her mother's former partner");
                assertThat(e.get("grantId").asString())
                        .isEqualTo(grant.get("id").asString());
            }
        });
        assertThat(operations).contains("breakGlass", "person", "agencyInvolvement", "chronology", "network");
    }

    @Test
    void policeWithTheGlassBrokenSeeTheOffenderDetailInFull() {
        breakGlass("police-officer", "p-gary", "EMERGENCY_PROTECTION", "Child reported missing with Gary", 2);
        var markers =
                http().graphql("police-officer", GARY).get("data").get("person").get("markers");
        var types = new ArrayList<String>();
        markers.forEach(m -> {
            if (!m.get("derived").asBoolean()) {
                types.add(m.get("type").asString());
            }
        });
        assertThat(types).containsExactlyInAnyOrder("REGISTERED_SEX_OFFENDER", "MAPPA");
        var involvement = http().graphql(
                        "police-officer",
                        "{ agencyInvolvement(personId: \"p-gary\", asOf: \"" + Scenario.AS_OF
                                + "\") { people { involvements { agency { type offenderManagement } professional { name } role } } } }");
        assertThat(involvement.toString()).contains("Pat Evans").contains("Offender manager");
        // the server says which agencies are offender management (the redaction policy's agency types, as the
        // chronology judges a meeting's attendance), so that the meeting form need not keep its own copy
        var managing = new ArrayList<String>();
        var others = new ArrayList<String>();
        sortInvolvements(involvement, managing, others);
        sortInvolvements(
                http().graphql(
                                "social-worker",
                                "{ agencyInvolvement(personId: \"p-sara\", scope: FAMILY, asOf: \"" + Scenario.AS_OF
                                        + "\") { people { involvements { agency { type offenderManagement } role } } } }"),
                managing,
                others);
        assertThat(managing).contains("PROBATION Offender manager").allMatch(i -> i.startsWith("PROBATION "));
        assertThat(others).isNotEmpty();
        assertThat(others).noneMatch(i -> i.startsWith("PROBATION"));
        // the partnership's agencies say it too, to any signed-in user (a policy of kinds, not personal data)
        var kinds = new ArrayList<String>();
        http().graphql("teacher", "{ agencies { type offenderManagement } }")
                .get("data")
                .get("agencies")
                .forEach(a -> kinds.add(a.get("type").asString() + " "
                        + a.get("offenderManagement").asBoolean()));
        assertThat(kinds)
                .contains("PROBATION true", "POLICE false")
                .noneMatch(k -> k.endsWith(" true") && !k.startsWith("PROBATION"));
    }

    /** Each involvement of an agencyInvolvement answer as "TYPE role", into managing when its agency is offender management. */
    private static void sortInvolvements(JsonNode answer, List<String> managing, List<String> others) {
        answer.get("data")
                .get("agencyInvolvement")
                .get("people")
                .forEach(p -> p.get("involvements")
                        .forEach(i -> (i.get("agency").get("offenderManagement").asBoolean() ? managing : others)
                                .add(i.get("agency").get("type").asString() + " "
                                        + i.get("role").asString(null))));
    }

    @Test
    void aTeachersGrantEndsWhenItExpires() {
        var grant = breakGlass("teacher", "p-joanne", "OTHER", "Mia's mother, checking who collects Mia", 1)
                .get("data")
                .get("breakGlass");
        assertThat(http().graphql("teacher", "{ person(id: \"p-joanne\") { id } }")
                        .get("errors"))
                .isNull();
        var mine = http().graphql("teacher", "{ myBreakGlassGrants { id subjectId active } }")
                .get("data")
                .get("myBreakGlassGrants");
        assertThat(mine.toString()).contains(grant.get("id").asString());
        graph.inWriteTransaction(tx -> tx.run(
                        "MATCH (g:BreakGlass {id: $id}) SET g.until = g.from",
                        Map.of("id", grant.get("id").asString()))
                .consume());
        assertThat(classification(http().graphql("teacher", "{ person(id: \"p-joanne\") { id } }")))
                .isEqualTo("NOT_FOUND");
        assertThat(http().graphql("teacher", "{ myBreakGlassGrants { id } }")
                        .get("data")
                        .get("myBreakGlassGrants"))
                .isEmpty();
    }

    /** The youth offending worker's grant on Sara, for a strategy discussion about Kyle's contacts. */
    private JsonNode yotGrantOnSara() {
        return breakGlass(
                        "yot-worker",
                        "p-sara",
                        "STRATEGY_DISCUSSION",
                        "Strategy discussion about Kyle's contacts",
                        null)
                .get("data")
                .get("breakGlass");
    }

    /** Hostile review 50: four reviews of one grant sent at once were all recorded, with both outcomes. */
    @Test
    void reviewsOfOneGrantSentAtTheSameMomentAreTakenOnce() throws Exception {
        var id = yotGrantOnSara().get("id").asString();
        var review = "mutation($id: ID!, $o: BreakGlassReviewOutcome!) { reviewBreakGlass(grantId: $id, outcome: $o, "
                + "note: \"at once\") { id } }";
        var answers = atOnce(
                () -> http().graphql("auditor", review, Map.of("id", id, "o", "JUSTIFIED")),
                () -> http().graphql("auditor", review, Map.of("id", id, "o", "NOT_JUSTIFIED")),
                () -> http().graphql("auditor", review, Map.of("id", id, "o", "JUSTIFIED")),
                () -> http().graphql("auditor", review, Map.of("id", id, "o", "NOT_JUSTIFIED")));
        assertThat(answers.stream().filter(a -> a.get("errors") == null).count())
                .as(answers.toString())
                .isEqualTo(1);
        assertThat(count(
                        "MATCH (:BreakGlass {id: $id})-[:REVIEWED_IN]->(r:BreakGlassReview) RETURN count(r)",
                        Map.of("id", id)))
                .isEqualTo(1);
    }

    @Test
    void onlyPractitionersBreakTheGlassAndUnknownPeopleAreNotFound() {
        assertThat(classification(breakGlass("meeting-chair", "p-gary", "OTHER", "a chair may not do this", null)))
                .isEqualTo("FORBIDDEN");
        assertThat(classification(breakGlass("auditor", "p-gary", "OTHER", "an auditor may not do this", null)))
                .isEqualTo("FORBIDDEN");
        assertThat(classification(breakGlass("yot-worker", "p-nobody", "OTHER", "there is no such person", null)))
                .isEqualTo("NOT_FOUND");
        assertThat(count("MATCH (g:BreakGlass {subjectId: 'p-nobody'}) RETURN count(g)"))
                .isZero();
    }

    @Test
    void theAuditorReviewsEachGrantOnce() {
        var id = yotGrantOnSara().get("id").asString();
        http().graphql("yot-worker", "{ person(id: \"p-sara\") { id } }");
        var queue = http().graphql(
                        "auditor",
                        "{ breakGlassReviewQueue { id user subjectId purpose reason uses review { outcome } } }")
                .get("data")
                .get("breakGlassReviewQueue");
        var waiting = find(queue, id);
        assertThat(waiting.get("uses").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(waiting.get("review").isNull()).isTrue();

        var reviewed = http().graphql(
                        "auditor",
                        "mutation($id: ID!) { reviewBreakGlass(grantId: $id, outcome: JUSTIFIED, "
                                + "note: \"Recorded in the strategy minutes\") { id review { reviewer outcome note } } }",
                        Map.of("id", id))
                .get("data")
                .get("reviewBreakGlass");
        assertThat(reviewed.get("review").get("reviewer").asString()).isEqualTo("auditor");
        assertThat(reviewed.get("review").get("outcome").asString()).isEqualTo("JUSTIFIED");
        assertThat(find(
                        http().graphql("auditor", "{ breakGlassReviewQueue { id } }")
                                .get("data")
                                .get("breakGlassReviewQueue"),
                        id))
                .isNull();
        assertThat(find(
                        http().graphql("auditor", "{ breakGlassReviewQueue(reviewed: true) { id } }")
                                .get("data")
                                .get("breakGlassReviewQueue"),
                        id))
                .isNotNull();
        var again = http().graphql(
                        "auditor",
                        "mutation($id: ID!) { reviewBreakGlass(grantId: $id, outcome: NOT_JUSTIFIED) " + "{ id } }",
                        Map.of("id", id));
        assertThat(classification(again)).isEqualTo("BAD_REQUEST");
        assertThat(classification(http().graphql("yot-worker", "{ breakGlassReviewQueue { id } }")))
                .isEqualTo("FORBIDDEN");
        assertThat(http().graphql("auditor", "{ auditIntegrity { valid } }")
                        .get("data")
                        .get("auditIntegrity")
                        .get("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void protectionPlansAreShownToEveryAgencyWithARelationship() {
        for (var user : List.of("teacher", "police-officer", "health-visitor", "social-worker")) {
            var markers = http().graphql(
                            user, "{ person(id: \"p-sara\") { markers(asOf: \"" + Scenario.AS_OF + "\") { type } } }")
                    .toString();
            assertThat(markers).as(user).contains("CHILD_PROTECTION_PLAN");
        }
    }

    private static JsonNode find(JsonNode list, String id) {
        for (var item : list) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        return null;
    }
}
