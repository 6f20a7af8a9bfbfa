package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import graphql.schema.GraphQLFieldDefinition;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * The authorization matrix: every query and mutation of the schema (walked, so that a new one
 * without a row here fails), run by every demo user against the shared scenario, checked against
 * the policy table: who may call it, which of the scenario's people each agency may see (need to
 * know, README "Need-to-know"), and what is redacted (README "Redaction policy").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends ExplorerIT {

    private static final Set<String> EVERYONE = Set.of("p-kyle", "p-dawn", "p-mark", "p-lily", "p-tom", "p-sian",
            "p-ruby", "p-sara", "p-jack", "p-kerry", "p-lee", "p-gary", "p-joanne", "p-mia");
    private static final Set<String> ARCHERS = Set.of("p-kyle", "p-dawn", "p-mark", "p-lily", "p-tom", "p-ruby");
    private static final Set<String> BELLS = Set.of("p-sara", "p-jack", "p-kerry", "p-lee", "p-mia");

    /**
     * The people of the scenario each user may see (the policy on the scenario): an agency sees
     * the circle (family and household) of anyone it is currently involved with, and the people
     * concerned by meetings it attended or was invited to and referrals it made.
     */
    private static final Map<String, Set<String>> SEES = Map.of(
            "admin", EVERYONE,
            // involved with Kyle, Sara and Jack: both families
            "social-worker", union(ARCHERS, BELLS),
            // involved with Sara; at the meetings about Kyle, Sara and Jack; referred Kyle
            "police-officer", union(BELLS, Set.of("p-kyle")),
            // the school nurse with Sara; invited to the meetings about Kyle, Sara and Jack
            "health-visitor", union(BELLS, Set.of("p-kyle")),
            // involved with Kyle: his family and household
            "yot-worker", ARCHERS,
            // the offender manager with Gary: Gary, his child, his partners
            "probation-officer", Set.of("p-gary", "p-mia", "p-kerry", "p-joanne"),
            // pupils Tom, Sara and Jack: both families
            "teacher", union(ARCHERS, BELLS),
            // everyone concerned by a meeting (Kyle, Sara, Jack) with family and household
            "meeting-chair", union(ARCHERS, BELLS),
            "auditor", Set.of(),
            // matching fields only, never case data
            "data-steward", Set.of());

    /** Users whose agency or role sees health detail (health professionals, roles, health assessments). */
    private static final Set<String> HEALTH_DETAIL = Set.of("admin", "social-worker", "health-visitor", "meeting-chair");

    private static final String[] HEALTH_STRINGS = {"Helen Clarke", "School nurse", "Dr Jo Patel", "CAMHS clinician"};
    private static final String[] OFFENDER_STRINGS = {"REGISTERED_SEX_OFFENDER", "MAPPA", "Pat Evans", "sex offender",
            "Offender manager"};

    private static final Pattern PERSON_ID = Pattern.compile("\"(p-[a-z]+)\"");

    /** Who may call each operation at all; the case queries are further limited by need-to-know. */
    private static final Set<String> CASE_ROLES = Set.of("admin", "social-worker", "police-officer", "health-visitor",
            "yot-worker", "probation-officer", "teacher", "meeting-chair");
    private static final Set<String> PRACTITIONERS = Set.of("social-worker", "police-officer", "health-visitor",
            "yot-worker", "probation-officer", "teacher");

    private record Operation(String document, Map<String, Object> variables, Set<String> callers,
            String subject, String other, String error) {

        Operation(String document, Map<String, Object> variables, Set<String> callers, String subject) {
            this(document, variables, callers, subject, null, null);
        }

        Operation(String document, Map<String, Object> variables, Set<String> callers, String subject, String other) {
            this(document, variables, callers, subject, other, null);
        }

        /** A mutation given an unknown record, so that the matrix changes nothing: callers get this error. */
        static Operation refused(String document, Set<String> callers, String error) {
            return new Operation(document, Map.of(), callers, null, null, error);
        }
    }

    @Autowired
    GraphQlSource graphQl;

    @BeforeAll
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    /** One row per query and mutation, for a subject. */
    private Map<String, Operation> operations(String subject) {
        var asOf = Scenario.AS_OF;
        var ops = new LinkedHashMap<String, Operation>();
        ops.put("person", new Operation("query($id: ID!) { person(id: $id) { id probationCrn "
                + "markers(asOf: \"" + asOf + "\") { type detail } } }", Map.of("id", subject), CASE_ROLES, subject));
        ops.put("searchPeople", new Operation("{ searchPeople(text: \"archer bell nolan hale\", first: 100) { id } "
                + "a: searchPeople(text: \"archer\", first: 100) { id } b: searchPeople(text: \"bell\", first: 100) { id } "
                + "n: searchPeople(text: \"nolan\", first: 100) { id } h: searchPeople(text: \"hale\", first: 100) { id } }",
                Map.of(), CASE_ROLES, null));
        ops.put("siblingsAtRisk", new Operation("query($id: ID!) { siblingsAtRisk(personId: $id, asOf: \"" + asOf
                + "\") { child { id markers(asOf: \"" + asOf + "\") { type } } links { kind via { id } } "
                + "agencies { id } } }", Map.of("id", subject), CASE_ROLES, subject));
        ops.put("sharedAddresses", new Operation("query($id: ID!) { sharedAddresses(personId: $id, asOf: \"" + asOf
                + "\") { address { id } markers { type detail } coResidents { person { id } } } }",
                Map.of("id", subject), CASE_ROLES, subject));
        ops.put("agencyInvolvement", new Operation("query($id: ID!) { agencyInvolvement(personId: $id, scope: FAMILY, "
                + "asOf: \"" + asOf + "\") { people { person { id } involvements { agency { id } "
                + "professional { id name role } role } } gaps { person { id } agencyType rule reason } } }",
                Map.of("id", subject), CASE_ROLES, subject));
        ops.put("network", new Operation("query($id: ID!) { network(personId: $id, depth: 3, asOf: \"" + asOf
                + "\") { nodes { id kind label role markers { type detail } } edges { type role } } }",
                Map.of("id", subject), CASE_ROLES, subject));
        var other = subject.equals("p-sara") ? "p-kerry" : "p-tom";
        ops.put("connection", new Operation("query($id: ID!, $to: ID!) { connection(fromId: $id, toId: $to, "
                + "asOf: \"" + asOf + "\") { nodes { id label role } } }", Map.of("id", subject, "to", other),
                CASE_ROLES, subject, other));
        ops.put("chronology", new Operation("query($id: ID!) { chronology(personId: $id, asOf: \"" + asOf
                + "\") { kind summary relatedIds } }", Map.of("id", subject), CASE_ROLES, subject));
        ops.put("recordExport", new Operation("mutation($id: ID!) { recordExport(kind: PNG, personIds: [$id], asOf: \""
                + asOf + "\") }", Map.of("id", subject), CASE_ROLES, subject));
        ops.put("auditEvents", new Operation("{ auditEvents(first: 1) { id } }", Map.of(), Set.of("auditor"), null));
        ops.put("auditIntegrity", new Operation("{ auditIntegrity { valid } }", Map.of(), Set.of("auditor"), null));
        ops.put("breakGlassReviewQueue", new Operation("{ breakGlassReviewQueue { id } }", Map.of(),
                Set.of("auditor"), null));
        // an unknown grant: the auditor gets NOT_FOUND, nothing is reviewed
        ops.put("reviewBreakGlass", new Operation("mutation { reviewBreakGlass(grantId: \"g-none\", outcome: JUSTIFIED) "
                + "{ id } }", Map.of(), Set.of("auditor"), "nobody"));
        ops.put("myBreakGlassGrants", new Operation("{ myBreakGlassGrants { id } }", Map.of(),
                union(PRACTITIONERS, Set.of("meeting-chair")), null));
        // an unknown person: practitioners get NOT_FOUND, so no grant changes the rest of the matrix
        ops.put("breakGlass", new Operation("mutation { breakGlass(personId: \"p-nobody\", purpose: OTHER, "
                + "reason: \"matrix check, no such person\") { id } }", Map.of(), PRACTITIONERS, "nobody"));
        ops.put("riskFlags", new Operation("query($id: ID!) { riskFlags(personId: $id, asOf: \"" + asOf
                + "\") { rule code subjectId summary evidence people } }", Map.of("id", subject), CASE_ROLES, subject));
        ops.put("overdueActions", new Operation("{ overdueActions(asOf: \"" + asOf + "\") { id description owner { id } "
                + "for { id } } }", Map.of(), CASE_ROLES, null));
        ops.put("triageQueue", new Operation("{ triageQueue(asOf: \"" + asOf + "\") { rank score reasons "
                + "referral { id about { id } } } }", Map.of(), CASE_ROLES, null));
        ops.put("recordReferral", Operation.refused("mutation { recordReferral(referral: {id: \"r-matrix\", "
                + "about: \"p-nobody\", from: \"csc\", receivedAt: \"2018-09-01T00:00:00Z\", concern: OTHER}) { id } }",
                CASE_ROLES, "BAD_REQUEST"));
        ops.put("recordStrategyMeeting", Operation.refused("mutation { recordStrategyMeeting(meeting: {id: \"sm-matrix\", "
                + "heldOn: \"2018-09-01\", concerns: [\"p-nobody\"], attendance: []}) { id } }", CASE_ROLES, "NOT_FOUND"));
        ops.put("completeAction", Operation.refused("mutation { completeAction(actionId: \"ac-none\", "
                + "completedOn: \"2018-09-01\") { id } }", CASE_ROLES, "NOT_FOUND"));
        ops.put("recordAssessment", Operation.refused("mutation { recordAssessment(assessment: {id: \"as-matrix\", "
                + "of: \"p-nobody\", type: OTHER, by: \"csc\", startedOn: \"2018-09-01\"}) }", CASE_ROLES, "NOT_FOUND"));
        ops.put("recordMarker", Operation.refused("mutation { recordMarker(marker: {id: \"m-matrix\", type: OTHER, "
                + "on: \"a-nowhere\"}) { id } }", CASE_ROLES, "BAD_REQUEST"));
        var stewards = Set.of("admin", "data-steward");
        ops.put("matchCandidates", new Operation("{ matchCandidates(first: 5) { id score } }", Map.of(), stewards,
                null));
        // unknown records and candidates: stewards get NOT_FOUND, nothing is decided or split
        ops.put("sourceRecord", Operation.refused("{ sourceRecord(source: \"nowhere\", localId: \"x-1\") "
                + "{ localId } }", stewards, "NOT_FOUND"));
        ops.put("decideMatch", Operation.refused("mutation { decideMatch(candidateId: \"mc-none\", decision: SAME, "
                + "note: \"matrix check\") { id } }", stewards, "NOT_FOUND"));
        ops.put("splitRecord", Operation.refused("mutation { splitRecord(source: \"nowhere\", localId: \"x-1\", "
                + "note: \"matrix check\") { localId } }", stewards, "NOT_FOUND"));
        ops.put("endMarker", Operation.refused("mutation { endMarker(markerId: \"m-none\", on: \"2018-09-01\") { id } }",
                CASE_ROLES, "NOT_FOUND"));
        return ops;
    }

    @Test
    void theMatrixCoversEveryQueryAndMutationOfTheSchema() {
        var schema = graphQl.schema();
        var fields = new TreeSet<String>();
        schema.getQueryType().getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).forEach(fields::add);
        schema.getMutationType().getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).forEach(fields::add);
        assertThat(new TreeSet<>(operations("p-sara").keySet())).isEqualTo(fields);
    }

    @Test
    void needToKnowOnTheScenarioIsExactlyThePolicyTable() {
        for (var user : DemoUsers.ALL) {
            var seen = new TreeSet<String>();
            for (var id : EVERYONE) {
                var json = http().graphql(user.username(), "query($id: ID!) { person(id: $id) { id } }", Map.of("id", id));
                if (json.get("errors") == null) {
                    seen.add(id);
                } else {
                    var expected = user.role() == Role.AUDITOR || user.role() == Role.DATA_STEWARD ? "FORBIDDEN"
                            : "NOT_FOUND";
                    assertThat(classification(json)).as("%s asking for %s", user.username(), id).isEqualTo(expected);
                }
            }
            assertThat(seen).as("people %s sees", user.username()).isEqualTo(new TreeSet<>(SEES.get(user.username())));
        }
    }

    @Test
    void everyOperationForEveryUserAllowsRefusesAndRedactsAsThePolicySays() {
        var checked = new ArrayList<String>();
        for (var subject : List.of("p-sara", "p-kyle")) {
            for (var entry : operations(subject).entrySet()) {
                for (var user : DemoUsers.ALL) {
                    var name = user.username();
                    var op = entry.getValue();
                    var json = http().graphql(name, op.document(), op.variables());
                    var what = name + " calling " + entry.getKey() + " about " + subject;
                    if (!op.callers().contains(name)) {
                        assertThat(classification(json)).as(what).isEqualTo("FORBIDDEN");
                        assertThat(json.get("data") == null || json.get("data").isNull()
                                || json.get("data").get(entry.getKey()) == null
                                || json.get("data").get(entry.getKey()).isNull()).as(what).isTrue();
                    } else if (op.error() != null) {
                        assertThat(classification(json)).as(what).isEqualTo(op.error());
                    } else if ((op.subject() != null && !SEES.get(name).contains(op.subject()))
                            || (op.other() != null && !SEES.get(name).contains(op.other()))) {
                        assertThat(classification(json)).as(what).isEqualTo("NOT_FOUND");
                    } else {
                        assertThat(json.get("errors")).as(what).isNull();
                        assertRedacted(name, what, json);
                    }
                    checked.add(what);
                }
            }
        }
        assertThat(checked).hasSize(2 * operations("p-sara").size() * DemoUsers.ALL.size());
    }

    @Test
    void healthDetailReachesExactlyTheAgenciesThePolicyNames() {
        for (var user : DemoUsers.ALL) {
            var name = user.username();
            if (!SEES.get(name).contains("p-sara")) {
                continue;
            }
            var json = http().graphql(name, operations("p-sara").get("agencyInvolvement").document(),
                    Map.of("id", "p-sara")).toString();
            // the school nurse's involvement is always there: health is involved
            assertThat(json).as(name).contains("\"health\"");
            assertThat(json.contains("Helen Clarke")).as("%s sees the school nurse's name", name)
                    .isEqualTo(HEALTH_DETAIL.contains(name));
        }
    }

    private void assertRedacted(String user, String what, JsonNode json) {
        var text = json.toString();
        var matcher = PERSON_ID.matcher(text);
        while (matcher.find()) {
            assertThat(SEES.get(user)).as("%s: %s in the answer", what, matcher.group(1)).contains(matcher.group(1));
        }
        if (!HEALTH_DETAIL.contains(user)) {
            assertThat(text).as(what).doesNotContain(HEALTH_STRINGS);
        }
        if (!Set.of("admin", "probation-officer").contains(user)) {
            // Gary is seen only by probation (and the local administrator), so no one else meets his markers
            assertThat(text).as(what).doesNotContain(OFFENDER_STRINGS);
        }
    }

    private static String classification(JsonNode json) {
        var errors = json.get("errors");
        assertThat(errors).as("errors in %s", json).isNotNull();
        return errors.get(0).get("extensions").get("classification").asString();
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        var all = new java.util.HashSet<String>();
        for (var s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
