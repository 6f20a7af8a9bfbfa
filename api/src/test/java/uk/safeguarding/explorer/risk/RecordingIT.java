package uk.safeguarding.explorer.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * Recording what happens: an address marker (seen on everyone living there, and the address flag
 * gone), a referral (validated like an import record), a strategy meeting with actions, an action's
 * completion, an assessment and the end of a marker; each audited.
 */
class RecordingIT extends ExplorerIT {

    @BeforeEach
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    private JsonNode as(String user, String document, Map<String, Object> variables) {
        return http().graphql(user, document, variables);
    }

    private static String classification(JsonNode json) {
        return json.get("errors").get(0).get("extensions").get("classification").asString();
    }

    private List<String> flagKeys(String personId) {
        var keys = new ArrayList<String>();
        as(
                        "admin",
                        "query($p: ID) { riskFlags(personId: $p, asOf: \"" + Scenario.AS_OF
                                + "\") { rule subjectId } }",
                        personId == null ? Map.of() : Map.of("p", personId))
                .get("data")
                .get("riskFlags")
                .forEach(f -> keys.add(
                        f.get("rule").asInt() + ":" + f.get("subjectId").asString()));
        return keys;
    }

    @Test
    void anAddressMarkerIsCarriedByEveryoneLivingThereAndEndsTheAddressFlag() {
        assertThat(flagKeys("p-sara")).contains("2:a-bell");
        var marker = as(
                        "police-officer",
                        "mutation($m: MarkerInput!) { recordMarker(marker: $m) { id type from detail } }",
                        Map.of(
                                "m",
                                Map.of(
                                        "type",
                                        "OTHER",
                                        "on",
                                        "a-bell",
                                        "from",
                                        "2018-09-20",
                                        "detail",
                                        "Police address marker: call before visiting")))
                .get("data")
                .get("recordMarker");
        // the explorer gives it its id, in a form no import may use
        var markerId = marker.get("id").asString();
        assertThat(markerId).startsWith("explorer-marker-");
        for (var resident : List.of("p-sara", "p-jack", "p-kerry")) {
            var markers = as(
                            "social-worker",
                            "query($id: ID!) { person(id: $id) { markers(asOf: \"" + Scenario.AS_OF
                                    + "\") { id derived address { id } } } }",
                            Map.of("id", resident))
                    .get("data")
                    .get("person")
                    .get("markers");
            assertThat(markers.toString())
                    .as(resident)
                    .contains("\"" + markerId + "\"")
                    .contains("\"derived\":true")
                    .contains("\"a-bell\"");
        }
        assertThat(flagKeys("p-sara")).doesNotContain("2:a-bell");
        // Lee left in 2014: he does not carry it
        assertThat(as(
                                "admin",
                                "{ person(id: \"p-lee\") { markers(asOf: \"" + Scenario.AS_OF + "\") { id } } }",
                                Map.of())
                        .toString())
                .doesNotContain(markerId);
        // audited once, for each resident the police may see (everyone who lived there, Lee too)
        assertThat(count("MATCH (a:AuditEvent {operation: 'recordMarker', user: 'police-officer'}) "
                        + "RETURN count(DISTINCT a.requestId)"))
                .isEqualTo(1);
        assertThat(
                        count(
                                "MATCH (a:AuditEvent {operation: 'recordMarker', user: 'police-officer', outcome: 'ALLOWED'}) "
                                        + "WHERE a.subjectId IN ['p-sara', 'p-jack', 'p-kerry', 'p-lee'] RETURN count(DISTINCT a.subjectId)"))
                .isEqualTo(4);

        // the police end it; a school may not
        assertThat(classification(as(
                        "teacher",
                        "mutation { endMarker(markerId: \"" + markerId + "\", on: \"2018-09-25\") { id } }",
                        Map.of())))
                .isEqualTo("FORBIDDEN");
        var ended = as(
                        "police-officer",
                        "mutation { endMarker(markerId: \"" + markerId + "\", on: \"2018-09-25\") { to } }",
                        Map.of())
                .get("data")
                .get("endMarker");
        assertThat(ended.get("to").asString()).isEqualTo("2018-09-25");
        assertThat(flagKeys("p-sara")).contains("2:a-bell");
        assertThat(classification(as(
                        "police-officer",
                        "mutation { endMarker(markerId: \"" + markerId + "\", on: \"2018-01-01\") { id } }",
                        Map.of())))
                .isEqualTo("BAD_REQUEST");
    }

    @Test
    void aReferralIsValidatedLikeAnImportRecordAndJoinsTheTriageQueue() {
        // about nobody the user may see: answered as an unknown id, as about a hidden person
        var unknown = as(
                "teacher",
                "mutation($r: ReferralInput!) { recordReferral(referral: $r) { id } }",
                Map.of(
                        "r",
                        Map.of(
                                "about",
                                "p-nobody",
                                "from",
                                "school-a",
                                "receivedAt",
                                "2018-09-25T09:00:00Z",
                                "concern",
                                "NEGLECT")));
        assertThat(classification(unknown)).isEqualTo("NOT_FOUND");
        assertThat(unknown.get("errors").get(0).get("message").asString()).isEqualTo("No person with id 'p-nobody'");
        // validated like an import record: the message names the field and the record
        var bad = as(
                "teacher",
                "mutation($r: ReferralInput!) { recordReferral(referral: $r) { id } }",
                Map.of(
                        "r",
                        Map.of(
                                "about",
                                "p-lily",
                                "from",
                                "school-a",
                                "incidentAt",
                                "2018-09-26T09:00:00Z",
                                "receivedAt",
                                "2018-09-25T09:00:00Z",
                                "concern",
                                "NEGLECT")));
        assertThat(classification(bad)).isEqualTo("BAD_REQUEST");
        assertThat(bad.get("errors").get(0).get("message").asString())
                .contains("referral.")
                .doesNotContain("explorer-");
        assertThat(count("MATCH (r:Referral) WHERE r.id STARTS WITH 'explorer-' RETURN count(r)"))
                .isZero();

        var referral = as(
                        "teacher",
                        "mutation($r: ReferralInput!) { recordReferral(referral: $r) { id about { id } from { id } "
                                + "receivedAt concern urgency } }",
                        Map.of(
                                "r",
                                Map.of(
                                        "about",
                                        "p-lily",
                                        "from",
                                        "school-a",
                                        "incidentAt",
                                        "2018-09-24T09:00:00Z",
                                        "receivedAt",
                                        "2018-09-25T09:00:00Z",
                                        "concern",
                                        "SEXUAL_ABUSE",
                                        "urgency",
                                        "URGENT")))
                .get("data")
                .get("recordReferral");
        assertThat(referral.get("about").get("id").asString()).isEqualTo("p-lily");
        assertThat(referral.get("concern").asString()).isEqualTo("SEXUAL_ABUSE");
        var queue = as(
                        "admin",
                        "{ triageQueue(asOf: \"" + Scenario.AS_OF + "\") { rank score referral { id } reasons } }",
                        Map.of())
                .get("data")
                .get("triageQueue");
        assertThat(queue).hasSize(2);
        // urgent sexual abuse with unassessed siblings and no police information outranks r-kyle-2
        assertThat(queue.get(0).get("referral").get("id").asString())
                .isEqualTo(referral.get("id").asString());
        assertThat(queue.get(0).get("score").asInt())
                .isGreaterThan(queue.get(1).get("score").asInt());
        assertThat(queue.get(0).get("reasons").toString()).contains("Waiting for a decision");
        assertThat(count("MATCH (a:AuditEvent {operation: 'recordReferral', subjectId: 'p-lily'}) RETURN count(a)"))
                .isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStrategyMeetingWithActionsThenTheirCompletion() {
        var meeting = Map.<String, Object>of(
                "heldOn",
                "2018-09-10",
                "concerns",
                List.of("p-lily"),
                "attendance",
                List.of(
                        Map.of("agency", "csc", "invited", true, "attended", true),
                        Map.of("agency", "police", "invited", true, "attended", true),
                        Map.of("agency", "health", "invited", true, "attended", false)),
                "actions",
                List.of(Map.of(
                        "description",
                        "Visit Lily at school",
                        "owner",
                        "csc",
                        "for",
                        List.of("p-lily"),
                        "dueOn",
                        "2018-09-20")));
        // an action's id is the explorer's to give, as the meeting's is
        var actionWithId =
                new java.util.HashMap<String, Object>((Map<String, Object>) ((List<?>) meeting.get("actions")).get(0));
        actionWithId.put("id", "ac-lily-1");
        var withActionId = new java.util.HashMap<String, Object>(meeting);
        withActionId.put("actions", List.of(actionWithId));
        assertThat(refusal(withActionId)).startsWith("Argument 'meeting.actions[0].id' is given by the explorer");
        // a meeting is recorded once held (walk 69: one dated the end of the month was saved, and read as held)
        var later = new java.util.HashMap<String, Object>(meeting);
        var day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"))
                .plusDays(2)
                .toString();
        later.put("heldOn", day);
        assertThat(refusal(later))
                .isEqualTo("Argument 'meeting.heldOn' is in the future (" + day
                        + "): record a meeting once it has been held");
        var recorded = as(
                        "meeting-chair",
                        "mutation($m: StrategyMeetingInput!) { recordStrategyMeeting(meeting: $m) "
                                + "{ id kind heldOn actionIds } }",
                        Map.of("m", meeting))
                .get("data")
                .get("recordStrategyMeeting");
        assertThat(recorded.get("kind").asString()).isEqualTo("STRATEGY");
        var meetingId = recorded.get("id").asString();
        var actionId = recorded.get("actionIds").get(0).asString();
        assertThat(meetingId).startsWith("explorer-meeting-");
        assertThat(actionId).startsWith("explorer-action-");
        assertThat(recorded.get("actionIds")).hasSize(1);
        assertThat(flagKeys("p-lily")).contains("7:" + meetingId, "8:" + actionId);

        assertThat(classification(as(
                        "police-officer",
                        "mutation { completeAction(actionId: \"" + actionId
                                + "\", completedOn: \"2018-09-19\") { id } }",
                        Map.of())))
                .isEqualTo("FORBIDDEN");
        var done = as(
                        "social-worker",
                        "mutation { completeAction(actionId: \"" + actionId + "\", completedOn: \"2018-09-19\") "
                                + "{ id completedOn meeting { id } } }",
                        Map.of())
                .get("data")
                .get("completeAction");
        assertThat(done.get("completedOn").asString()).isEqualTo("2018-09-19");
        assertThat(flagKeys("p-lily")).doesNotContain("8:" + actionId);
        assertThat(classification(as(
                        "social-worker",
                        "mutation { completeAction(actionId: \"ac-none\", " + "completedOn: \"2018-09-19\") { id } }",
                        Map.of())))
                .isEqualTo("NOT_FOUND");
    }

    /**
     * Hostile review 89: a school recorded a child protection plan on Tom, and the youth offending team
     * Lily as looked after: every agency then read Tom on a plan in the siblings' cards, flag 10, a gap and
     * the triage score. Both are the local authority's decisions: recorded here by children's social care
     * only, refused otherwise (BAD_REQUEST naming marker.type) and audited.
     */
    @Test
    void onlyChildrensSocialCareRecordsAProtectionPlanOrThatAChildIsLookedAfter() {
        for (var attempt : List.of(
                List.of("teacher", "p-tom", "CHILD_PROTECTION_PLAN"),
                List.of("yot-worker", "p-kyle", "LOOKED_AFTER"),
                List.of("police-officer", "p-sara", "CHILD_PROTECTION_PLAN"))) {
            var answer = as(
                    attempt.get(0),
                    "mutation($m: MarkerInput!) { recordMarker(marker: $m) { id } }",
                    Map.of("m", Map.of("type", attempt.get(2), "on", attempt.get(1), "from", "2018-09-20")));
            assertThat(classification(answer)).as(answer.toString()).isEqualTo("BAD_REQUEST");
            assertThat(answer.get("errors").get(0).get("message").asString())
                    .as("%s", attempt)
                    .contains("'marker.type'")
                    .contains("are the local authority's decisions, recorded only by children's social care");
            assertThat(count(
                            "MATCH (m:Marker {type: $type})-[:ON]->(:Person {id: $on}) WHERE m.id STARTS WITH 'explorer-' RETURN count(m)",
                            Map.of("type", attempt.get(2), "on", attempt.get(1))))
                    .as("%s", attempt)
                    .isZero();
            assertThat(count(
                            "MATCH (a:AuditEvent {operation: 'recordMarker', user: $user, outcome: 'DENIED', subjectId: $on}) "
                                    + "RETURN count(a)",
                            Map.of("user", attempt.get(0), "on", attempt.get(1))))
                    .as("%s", attempt)
                    .isEqualTo(1);
        }
        var recorded = as(
                "social-worker",
                "mutation($m: MarkerInput!) { recordMarker(marker: $m) { id type } }",
                Map.of("m", Map.of("type", "CHILD_PROTECTION_PLAN", "on", "p-tom", "from", "2018-09-20")));
        assertThat(recorded.get("errors")).as(recorded.toString()).isNull();
        assertThat(recorded.get("data").get("recordMarker").get("type").asString())
                .isEqualTo("CHILD_PROTECTION_PLAN");
    }

    /**
     * Hostile review 61: a school could end the address flag (rule 2) by recording any marker on the
     * address of a child it works with, and learn from the flag going and coming back what it rests
     * on; and end the flag that asks for an AIM3 by recording one it never carried out. Each is refused
     * (BAD_REQUEST naming the field and why) and audited, and the flags stay.
     */
    @Test
    void onlyAgenciesThatSeeOffenderDetailMarkAnAddressAndOnlyAgenciesThatAssessRecordAnAssessment() {
        assertThat(flagKeys("p-sara")).contains("2:a-bell");
        var marker = as(
                "teacher",
                "mutation($m: MarkerInput!) { recordMarker(marker: $m) { id } }",
                Map.of("m", Map.of("type", "OTHER", "on", "a-bell", "from", "2018-09-20")));
        assertThat(classification(marker)).as(marker.toString()).isEqualTo("BAD_REQUEST");
        assertThat(marker.get("errors").get(0).get("message").asString())
                .contains("'marker.on'")
                .contains("markers on an address are recorded only by children's social care, police, probation, "
                        + "meeting chairs");
        assertThat(count("MATCH (m:Marker)-[:ON]->(:Address {id: 'a-bell'}) RETURN count(m)"))
                .isZero();
        assertThat(flagKeys("p-sara")).contains("2:a-bell");
        // recorded once, for the residents the school may see
        assertThat(count("MATCH (a:AuditEvent {operation: 'recordMarker', user: 'teacher', outcome: 'DENIED'}) "
                        + "WHERE a.subjectId IS NOT NULL RETURN count(a)"))
                .isPositive();
        assertThat(count(
                        "MATCH (a:AuditEvent {operation: 'recordMarker', user: 'teacher'}) WHERE a.outcome <> 'DENIED' "
                                + "RETURN count(a)"))
                .isZero();
        // a marker on the address from the school's own system (an import) is ended there, not here: its
        // end would bring the flag back (review 63)
        var imported = http().post(
                        "/api/import",
                        "admin",
                        "{\"source\": \"school-a\", \"markers\": [{\"id\": \"m-gate\", \"type\": \"OTHER\", "
                                + "\"on\": \"a-bell\", \"start\": \"2018-09-01\"}]}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(flagKeys("p-sara")).doesNotContain("2:a-bell");
        var ended = as("teacher", "mutation { endMarker(markerId: \"m-gate\", on: \"2018-09-20\") { id } }", Map.of());
        assertThat(classification(ended)).as(ended.toString()).isEqualTo("BAD_REQUEST");
        assertThat(ended.get("errors").get(0).get("message").asString())
                .contains("'markerId'")
                .contains("is a marker on an address: it is ended and reinstated here only by");
        assertThat(flagKeys("p-sara")).doesNotContain("2:a-bell");
        assertThat(count("MATCH (a:AuditEvent {operation: 'endMarker', user: 'teacher', outcome: 'DENIED'}) "
                        + "RETURN count(DISTINCT a.requestId)"))
                .isEqualTo(1);
        graph.inWriteTransaction(
                tx -> tx.run("MATCH (m:Marker {id: 'm-gate'}) DETACH DELETE m").consume());
        assertThat(flagKeys("p-sara")).contains("2:a-bell");
        // children's social care sees offender detail, and may
        var social = as(
                "social-worker",
                "mutation($m: MarkerInput!) { recordMarker(marker: $m) { id } }",
                Map.of("m", Map.of("type", "OTHER", "on", "a-bell", "from", "2018-09-20")));
        assertThat(social.get("errors")).as(social.toString()).isNull();
        assertThat(flagKeys("p-sara")).doesNotContain("2:a-bell");

        assertThat(flagKeys("p-kyle")).contains("5:p-kyle");
        for (var type : List.of("AIM3", "SIBLING_RISK", "HEALTH")) {
            var assessment = as(
                    "police-officer",
                    "mutation($a: AssessmentInput!) { recordAssessment(assessment: $a) }",
                    Map.of("a", Map.of("of", "p-kyle", "type", type, "by", "police", "startedOn", "2018-09-20")));
            assertThat(classification(assessment)).as(assessment.toString()).isEqualTo("BAD_REQUEST");
            assertThat(assessment.get("errors").get(0).get("message").asString())
                    .contains("'assessment.type'")
                    .contains("'" + type + "' assessments are carried out and recorded by ")
                    .contains("not by Police vulnerability assessment team; record your agency's own as OTHER");
        }
        assertThat(count("MATCH (a:Assessment) WHERE a.id STARTS WITH 'explorer-' RETURN count(a)"))
                .isZero();
        assertThat(flagKeys("p-kyle")).contains("5:p-kyle");
        assertThat(count("MATCH (a:AuditEvent {operation: 'recordAssessment', user: 'police-officer', "
                        + "outcome: 'DENIED', subjectId: 'p-kyle'}) RETURN count(a)"))
                .isEqualTo(3);
        // any agency records an assessment of its own kind
        var other = as(
                "police-officer",
                "mutation($a: AssessmentInput!) { recordAssessment(assessment: $a) }",
                Map.of("a", Map.of("of", "p-kyle", "type", "OTHER", "by", "police", "startedOn", "2018-09-20")));
        assertThat(other.get("errors")).as(other.toString()).isNull();
    }

    @Test
    void anAim3AssessmentEndsTheHsbFlag() {
        assertThat(flagKeys("p-kyle")).contains("5:p-kyle");
        var bad = as(
                "yot-worker",
                "mutation($a: AssessmentInput!) { recordAssessment(assessment: $a) }",
                Map.of(
                        "a",
                        Map.of(
                                "of",
                                "p-kyle",
                                "type",
                                "AIM3",
                                "by",
                                "yot",
                                "startedOn",
                                "2018-09-20",
                                "completedOn",
                                "2018-09-01")));
        assertThat(classification(bad)).isEqualTo("BAD_REQUEST");
        assertThat(count("MATCH (a:Assessment {type: 'AIM3'}) WHERE a.id STARTS WITH 'explorer-' RETURN count(a)"))
                .isZero();
        var id = as(
                        "yot-worker",
                        "mutation($a: AssessmentInput!) { recordAssessment(assessment: $a) }",
                        Map.of("a", Map.of("of", "p-kyle", "type", "AIM3", "by", "yot", "startedOn", "2018-09-20")))
                .get("data")
                .get("recordAssessment")
                .asString();
        assertThat(id).startsWith("explorer-assessment-");
        assertThat(count("MATCH (a:Assessment {id: $id}) RETURN count(a)", Map.of("id", id)))
                .isEqualTo(1);
        assertThat(flagKeys("p-kyle")).doesNotContain("5:p-kyle");
        // a practitioner records only about people their agency may see
        assertThat(classification(as(
                        "yot-worker",
                        "mutation($a: AssessmentInput!) { recordAssessment(assessment: $a) }",
                        Map.of("a", Map.of("of", "p-sara", "type", "OTHER", "by", "yot", "startedOn", "2018-09-20")))))
                .isEqualTo("NOT_FOUND");
    }

    /** The meeting recorded by the chair: refused as BAD_REQUEST with nothing recorded; answers why. */
    private String refusal(Map<String, Object> meeting) {
        var refused = as(
                "meeting-chair",
                "mutation($m: StrategyMeetingInput!) { recordStrategyMeeting(meeting: $m) { id } }",
                Map.of("m", meeting));
        assertThat(classification(refused)).isEqualTo("BAD_REQUEST");
        assertThat(count("MATCH (m:Meeting) WHERE m.recordedVia IS NOT NULL RETURN count(m)"))
                .isZero();
        return refused.get("errors").get(0).get("message").asString();
    }
}
