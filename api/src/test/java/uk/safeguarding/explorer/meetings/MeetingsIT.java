package uk.safeguarding.explorer.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * Strategy meetings on the graph (issue 16): what changed in the Bell family since a day, through
 * each agency's need-to-know; a meeting's snapshot that answers the same after a later import while
 * the live network changes, audited, and unknown to readers without a relationship; the meeting
 * recorded live with its decision, reason and next meeting, validated as an import is.
 */
class MeetingsIT extends ExplorerIT {

    private static final String CHANGES = """
            query($p: ID!, $since: Date!, $asOf: Date) { familyChanges(personId: $p, since: $since, asOf: $asOf) {
              on kind summary people { id kind } } }""";

    private static final String SNAPSHOT = """
            query($m: ID!) { meetingSnapshot(meetingId: $m) { meetingId asOf
              meeting { id kind heldOn chair decision decisionReason nextMeetingOn
                attendance { agency { id } invited attended } actions { id description dueOn owner { id } for { id kind } } }
              children { id kind }
              network { nodes { key id kind label markers { type } } edges { type source target kind from to } truncated }
              flags { rule code subjectId summary }
              siblingsAtRisk { child { id } children { child { id kind } assessed links { kind } } }
              involvement { people { person { id kind } involvements { agency { id } } } gaps { person { id } agencyType reason } } } }""";

    /** The Bell family's changes from the day after the strategy meeting to the inspection week, as social care sees them. */
    private static final List<String> BELL_CHANGES = List.of(
            "2018-06-02 ASSESSMENT_STARTED Social work assessment of Sara Bell started on 2018-06-02 by Children's social care (front door).",
            "2018-06-06 ASSESSMENT_STARTED Sibling risk assessment of Jack Bell started on 2018-06-06 by Children's social care (front door).",
            "2018-06-11 ACTION_COMPLETED Action for Sara Bell completed on 2018-06-11 by Police vulnerability assessment team: "
                    + "Achieving best evidence interview with intermediary (due 2018-06-12).",
            "2018-06-18 ASSESSMENT_COMPLETED Sibling risk assessment of Jack Bell completed on 2018-06-18 by Children's social care (front door).",
            "2018-06-18 ACTION_COMPLETED Action for Jack Bell completed on 2018-06-18 by Children's social care (front door): "
                    + "Assess the risk to Jack (due 2018-06-19).",
            "2018-06-20 LEFT_HOUSEHOLD Gary Nolan left the household at 7 Fictional Terrace, York on 2018-06-20.",
            "2018-06-20 PARTNERSHIP_ENDED The partnership of Gary Nolan and Kerry Bell ended on 2018-06-20.",
            "2018-06-21 MOVED Gary Nolan moved to Approved Premises, 1 Station Rise, York on 2018-06-21.",
            "2018-06-21 MARKER_ADDED Other marker added to Approved Premises, 1 Station Rise, York, the home of Gary Nolan, "
                    + "on 2018-06-21 (Approved premises: RSO resident).",
            "2018-07-10 ASSESSMENT_COMPLETED Social work assessment of Sara Bell completed on 2018-07-10 by Children's social care (front door).",
            "2018-07-15 MARKER_ADDED Child protection plan marker added for Jack Bell on 2018-07-15 (Category: sexual abuse).",
            "2018-07-15 MARKER_ADDED Child protection plan marker added for Sara Bell on 2018-07-15 (Category: sexual abuse).",
            "2018-07-15 MEETING Initial child protection conference about Jack Bell and Sara Bell held on 2018-07-15.",
            "2018-09-26 FLAG_RAISED Flag raised by 2018-09-26 (not on 2018-06-02), medium: Jack Bell has been on a child "
                    + "protection plan since 2018-07-15 but has no NHS number, so health systems (CP-IS) cannot flag them.",
            "2018-09-26 FLAG_CLEARED Flag no longer raised on 2018-09-26 (raised on 2018-06-02), high: Gary Nolan, a registered "
                    + "sex offender, is the partner of Kerry Bell, a parent of Jack Bell, since 2017-01-01.",
            "2018-09-26 FLAG_CLEARED Flag no longer raised on 2018-09-26 (raised on 2018-06-02), high: Gary Nolan, a registered "
                    + "sex offender, is the partner of Kerry Bell, a parent of Sara Bell, since 2017-01-01.",
            "2018-09-26 FLAG_CLEARED Flag no longer raised on 2018-09-26 (raised on 2018-06-02), high: Jack Bell (full sibling, "
                    + "in the household of Sara Bell, who is a victim of child sexual abuse) has had no assessment since the concern began.",
            "2018-09-26 FLAG_CLEARED Flag no longer raised on 2018-09-26 (raised on 2018-06-02), medium: Sara Bell, a victim of "
                    + "sexual abuse since 2018-06-01, has no CAMHS, CSAAC or ISVA involvement (0 weeks; the threshold is 6).");

    @BeforeEach
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    private JsonNode as(String user, String document, Map<String, Object> variables) {
        return http().graphql(user, document, variables);
    }

    private static JsonNode data(JsonNode json, String field) {
        assertThat(json.get("errors")).as(String.valueOf(json.get("errors"))).isNull();
        return json.get("data").get(field);
    }

    private static String classification(JsonNode json) {
        return json.get("errors").get(0).get("extensions").get("classification").asString();
    }

    private static String message(JsonNode json) {
        return json.get("errors").get(0).get("message").asString();
    }

    private List<String> changes(String user, String personId, String since, String asOf) {
        var lines = new ArrayList<String>();
        data(as(user, CHANGES, Map.of("p", personId, "since", since, "asOf", asOf)), "familyChanges")
                .forEach(c -> lines.add(c.get("on").asString() + " "
                        + c.get("kind").asString() + " " + c.get("summary").asString()));
        return lines;
    }

    /**
     * A flag raised or cleared carries its severity as a field (the explorer ordered the room's
     * Changes by reading "high:" out of the sentence): the flag's own, as its sentence says it; every
     * other change has none.
     */
    @Test
    void aFlagsChangeCarriesItsSeverityAndNoOtherChangeDoes() {
        var answer = data(
                as(
                        "social-worker",
                        "query($p: ID!, $since: Date!, $asOf: Date) { familyChanges(personId: $p, since: $since,"
                                + " asOf: $asOf) { kind summary severity } }",
                        Map.of("p", "p-sara", "since", "2018-06-02", "asOf", Scenario.AS_OF)),
                "familyChanges");
        var flags = new ArrayList<String>();
        answer.forEach(c -> {
            var kind = c.get("kind").asString();
            if (kind.startsWith("FLAG_")) {
                var said = c.get("summary").asString().replaceAll("^[^)]*\\), (high|medium|low): .*$", "$1");
                assertThat(c.get("severity").asString()).as(c.toString()).isEqualTo(said.toUpperCase(Locale.ROOT));
                flags.add(kind + " " + c.get("severity").asString());
            } else {
                assertThat(c.get("severity").isNull()).as(c.toString()).isTrue();
            }
        });
        assertThat(flags)
                .containsExactlyInAnyOrder(
                        "FLAG_RAISED MEDIUM",
                        "FLAG_CLEARED HIGH",
                        "FLAG_CLEARED HIGH",
                        "FLAG_CLEARED HIGH",
                        "FLAG_CLEARED MEDIUM");
    }

    @Test
    void theBellFamilysChangesSinceTheStrategyMeetingAreEveryChangeOfTheWindowOldestFirst() {
        var lines = changes("social-worker", "p-sara", "2018-06-02", Scenario.AS_OF);
        // the list: Gary leaving and the end of his partnership with Kerry, the protection
        // plans, the two assessments completed and the initial conference
        assertThat(lines)
                .contains(
                        "2018-06-20 LEFT_HOUSEHOLD Gary Nolan left the household at 7 Fictional Terrace, York on 2018-06-20.",
                        "2018-06-20 PARTNERSHIP_ENDED The partnership of Gary Nolan and Kerry Bell ended on 2018-06-20.",
                        "2018-07-15 MARKER_ADDED Child protection plan marker added for Sara Bell on 2018-07-15 (Category: sexual abuse).",
                        "2018-07-15 MARKER_ADDED Child protection plan marker added for Jack Bell on 2018-07-15 (Category: sexual abuse).",
                        "2018-07-10 ASSESSMENT_COMPLETED Social work assessment of Sara Bell completed on 2018-07-10 by Children's social care (front door).",
                        "2018-06-18 ASSESSMENT_COMPLETED Sibling risk assessment of Jack Bell completed on 2018-06-18 by Children's social care (front door).",
                        "2018-07-15 MEETING Initial child protection conference about Jack Bell and Sara Bell held on 2018-07-15.");
        // and exactly these, each within the window: the disclosure, the referral and the strategy
        // meeting of 2018-06-01 are the day before it
        assertThat(lines).containsExactlyElementsOf(BELL_CHANGES);
        lines.forEach(l -> assertThat(LocalDate.parse(l.substring(0, 10)))
                .isBetween(LocalDate.parse("2018-06-02"), LocalDate.parse(Scenario.AS_OF)));
        var people = data(
                as("social-worker", CHANGES, Map.of("p", "p-sara", "since", "2018-06-20", "asOf", "2018-06-20")),
                "familyChanges");
        assertThat(people.toString()).contains("\"id\":\"p-gary\"").contains("\"id\":\"p-kerry\"");
        // one day: only that day's changes
        assertThat(changes("social-worker", "p-sara", "2018-07-15", "2018-07-15"))
                .containsExactly(BELL_CHANGES.get(10), BELL_CHANGES.get(11), BELL_CHANGES.get(12));
        assertThat(count(
                        "MATCH (e:AuditEvent {operation: 'familyChanges', user: 'social-worker', subjectId: 'p-gary'}) "
                                + "RETURN count(e)"))
                .isPositive();
    }

    @Test
    void anAgencyThatMayNotSeeGaryHearsOfHisMoveAsSomeoneItCannotSeeAndHisFlagsAsRestricted() {
        var lines = changes("health-visitor", "p-sara", "2018-06-02", Scenario.AS_OF);
        assertThat(lines)
                .contains(
                        "2018-06-20 LEFT_HOUSEHOLD Someone your agency cannot see left the household at 7 Fictional Terrace, York on 2018-06-20.",
                        "2018-06-20 PARTNERSHIP_ENDED The partnership of Kerry Bell and someone your agency cannot see ended on 2018-06-20.",
                        "2018-06-21 MOVED Someone your agency cannot see moved on 2018-06-21.",
                        "2018-09-26 FLAG_CLEARED Flag no longer raised on 2018-09-26 (raised on 2018-06-02), high: Sara Bell: Police or "
                                + "probation hold information that your agency cannot see here. Contact the police "
                                + "public protection unit or the probation service before acting.");
        assertThat(String.join("\n", lines))
                .doesNotContain("Gary")
                .doesNotContain("Nolan")
                .doesNotContain("Station Rise")
                .doesNotContain("registered sex offender")
                .doesNotContain("p-gary");
        var json = data(
                as("health-visitor", CHANGES, Map.of("p", "p-sara", "since", "2018-06-20", "asOf", "2018-06-20")),
                "familyChanges");
        assertThat(json.toString()).doesNotContain("p-gary").contains("RESTRICTED_PERSON");
    }

    @Test
    void argumentsAreCheckedAndAHiddenChildIsAnsweredAsAnUnknownOne() {
        var backwards =
                as("social-worker", CHANGES, Map.of("p", "p-sara", "since", "2018-09-27", "asOf", Scenario.AS_OF));
        assertThat(classification(backwards)).isEqualTo("BAD_REQUEST");
        assertThat(message(backwards)).contains("since").contains("must not be after asOf (2018-09-26)");
        var tooLong =
                as("social-worker", CHANGES, Map.of("p", "p-sara", "since", "1990-01-01", "asOf", Scenario.AS_OF));
        assertThat(classification(tooLong)).isEqualTo("BAD_REQUEST");
        var outOfBounds =
                as("social-worker", CHANGES, Map.of("p", "p-sara", "since", "1800-01-01", "asOf", Scenario.AS_OF));
        assertThat(classification(outOfBounds)).isEqualTo("BAD_REQUEST");
        var unknown = as(
                "probation-officer", CHANGES, Map.of("p", "p-nobody", "since", "2018-06-02", "asOf", Scenario.AS_OF));
        var hidden =
                as("probation-officer", CHANGES, Map.of("p", "p-sara", "since", "2018-06-02", "asOf", Scenario.AS_OF));
        assertThat(classification(hidden)).isEqualTo("NOT_FOUND").isEqualTo(classification(unknown));
        assertThat(message(hidden)).isEqualTo(message(unknown).replace("p-nobody", "p-sara"));
        var answer = hidden.path("data").path("familyChanges");
        assertThat(answer.isNull() || answer.isMissingNode()).isTrue();
    }

    /** Records the meeting as the meeting chair and answers its id. */
    private String recordedByTheChair(Map<String, Object> meeting) {
        return data(
                        as(
                                "meeting-chair",
                                "mutation($m: StrategyMeetingInput!) { recordStrategyMeeting(meeting: $m) { id } }",
                                Map.of("m", meeting)),
                        "recordStrategyMeeting")
                .get("id")
                .asString();
    }

    private Map<String, Object> meeting(String heldOn) {
        return Map.of(
                "heldOn",
                heldOn,
                "concerns",
                List.of("p-sara", "p-jack"),
                "attendance",
                List.of(
                        Map.of("agency", "csc", "invited", true, "attended", true),
                        Map.of("agency", "police", "invited", true, "attended", true),
                        Map.of("agency", "health", "invited", true, "attended", false)),
                "actions",
                List.of(Map.of(
                        "description",
                        "Review contact arrangements",
                        "owner",
                        "csc",
                        "for",
                        List.of("p-jack"),
                        "dueOn",
                        "2018-10-05")),
                "chair",
                "A. Chair",
                "decision",
                "CHILD_PROTECTION_PLAN",
                "decisionReason",
                "Both children remain at risk of sexual harm",
                "nextMeetingOn",
                "2018-12-14");
    }

    /**
     * Review 85: the meeting form now invites the probation service working with an offender in the child's
     * family; the chronology's sentence of the meeting named it to every reader, telling a school or health
     * reader that someone in the family is managed as an offender, which their own matrix hides. It names
     * an offender-management agency only to a reader with offender detail.
     */
    @Test
    void aMeetingsChronologyNamesProbationOnlyToReadersWithOffenderDetail() {
        var attendance = List.of(
                Map.of("agency", "csc", "invited", true, "attended", true),
                Map.of("agency", "police", "invited", true, "attended", true),
                Map.of("agency", "probation", "invited", true, "attended", true),
                Map.of("agency", "health", "invited", true, "attended", false));
        var input = new HashMap<>(meeting(Scenario.AS_OF));
        input.put("attendance", attendance);
        // and an action probation owns (review 87: its owner was named to every reader)
        input.put(
                "actions",
                List.of(Map.of(
                        "description",
                        "Share the licence conditions' risk assessment",
                        "owner",
                        "probation",
                        "for",
                        List.of("p-sara"),
                        "dueOn",
                        "2018-10-05")));
        var meetingId = recordedByTheChair(input);
        var chronology = "query($p: ID!, $d: Date) { chronology(personId: $p, asOf: $d) { kind date summary } }";
        Map<String, String> said = new HashMap<>();
        for (var user : List.of("social-worker", "health-visitor")) {
            var entries = data(as(user, chronology, Map.of("p", "p-sara", "d", Scenario.AS_OF)), "chronology");
            entries.forEach(e -> {
                if ("MEETING".equals(e.get("kind").asString())
                        && Scenario.AS_OF.equals(e.get("date").asString())) {
                    said.put(user, e.get("summary").asString());
                }
            });
        }
        assertThat(said.get("social-worker")).contains("Probation service", "Police vulnerability assessment team");
        assertThat(said.get("health-visitor"))
                .contains("Police vulnerability assessment team", "Healthy child service")
                .doesNotContain("Probation");
        // nor as an action's owner or among those at the meeting, anywhere the reader is told of them: the
        // chronology, the overdue actions, the meeting's snapshot (and the pack printed from it)
        var readers = Map.of("social-worker", true, "health-visitor", false);
        readers.forEach((user, named) -> {
            var told = new StringBuilder();
            data(as(user, chronology, Map.of("p", "p-sara", "d", Scenario.AS_OF)), "chronology")
                    .forEach(e -> told.append(e.get("summary").asString()).append('\n'));
            told.append(data(
                    as(
                            user,
                            "query($d: Date) { overdueActions(asOf: $d) { description owner { id name } } }",
                            Map.of("d", "2018-10-10")),
                    "overdueActions"));
            told.append(data(as(user, SNAPSHOT, Map.of("m", meetingId)), "meetingSnapshot")
                    .get("meeting"));
            // review 89: and the overdue action's flag (rule 8), and the overdue list of probation's actions
            data(
                            as(
                                    user,
                                    "query($p: ID!, $d: Date) { riskFlags(personId: $p, asOf: $d) { rule summary } }",
                                    Map.of("p", "p-sara", "d", "2018-10-10")),
                            "riskFlags")
                    .forEach(f -> told.append(f.get("summary").asString()).append('\n'));
            var probations = data(
                    as(
                            user,
                            "query($d: Date) { overdueActions(asOf: $d, agencyId: \"probation\") { description } }",
                            Map.of("d", "2018-10-10")),
                    "overdueActions");
            assertThat(told.toString())
                    .as("what %s is told", user)
                    .contains("Share the licence conditions' risk assessment");
            if (named) {
                assertThat(told.toString())
                        .contains("(owner: Probation service)", "\"probation\"", "(Probation service), agreed at");
                assertThat(probations.toString()).contains("Share the licence conditions' risk assessment");
            } else {
                assertThat(told.toString())
                        .doesNotContain("Probation service", "\"probation\"")
                        .contains("\"Share the licence conditions' risk assessment\" (no owner recorded), agreed at");
                assertThat(probations.size())
                        .as("probation's overdue actions, told to %s", user)
                        .isZero();
            }
        });
    }

    /**
     * Hostile review 89: the snapshot of a meeting about Sara gave a school an action for Gary alone, whom
     * the school may not see, with its words. The action is there, with its placeholder, without its words.
     */
    @Test
    void aSnapshotsActionForNoneTheReaderMaySeeComesWithoutItsWords() {
        var input = new HashMap<>(meeting(Scenario.AS_OF));
        input.put(
                "actions",
                List.of(
                        Map.of(
                                "description",
                                "Check Gary Nolan's licence conditions on contact",
                                "owner",
                                "police",
                                "for",
                                List.of("p-gary"),
                                "dueOn",
                                "2018-10-05"),
                        Map.of(
                                "description",
                                "Review contact arrangements",
                                "owner",
                                "csc",
                                "for",
                                List.of("p-jack", "p-gary"),
                                "dueOn",
                                "2018-10-05")));
        var meetingId = recordedByTheChair(input);
        for (var user : List.of("teacher", "social-worker")) {
            var actions = data(as(user, SNAPSHOT, Map.of("m", meetingId)), "meetingSnapshot")
                    .get("meeting")
                    .get("actions");
            var words = new ArrayList<String>();
            actions.forEach(a -> words.add(
                    a.get("description").isNull() ? null : a.get("description").asString()));
            assertThat(actions.size()).as(user).isEqualTo(2);
            if (user.equals("teacher")) {
                assertThat(words).containsExactlyInAnyOrder(null, "Review contact arrangements");
                assertThat(actions.toString()).doesNotContain("Gary", "p-gary");
            } else {
                assertThat(words)
                        .containsExactlyInAnyOrder(
                                "Check Gary Nolan's licence conditions on contact", "Review contact arrangements");
            }
        }
    }

    @Test
    void aRecordedMeetingsSnapshotAnswersTheSameAfterAnImportAddsSomeoneToTheHousehold() {
        var recorded = data(
                as(
                        "meeting-chair",
                        "mutation($m: StrategyMeetingInput!) { recordStrategyMeeting(meeting: $m) " + "{ id } }",
                        Map.of("m", meeting(Scenario.AS_OF))),
                "recordStrategyMeeting");
        var meetingId = recorded.get("id").asString();
        assertThat(meetingId).startsWith("explorer-meeting-");
        assertThat(count(
                        "MATCH (s:MeetingSnapshot {meetingId: $id})-[:OF]->(:Meeting) RETURN count(s)",
                        Map.of("id", meetingId)))
                .isEqualTo(1);
        var before = data(as("meeting-chair", SNAPSHOT, Map.of("m", meetingId)), "meetingSnapshot");
        assertThat(before.get("asOf").asString()).isEqualTo(Scenario.AS_OF);
        var m = before.get("meeting");
        assertThat(m.get("chair").asString()).isEqualTo("A. Chair");
        assertThat(m.get("decision").asString()).isEqualTo("CHILD_PROTECTION_PLAN");
        assertThat(m.get("decisionReason").asString()).isEqualTo("Both children remain at risk of sexual harm");
        assertThat(m.get("nextMeetingOn").asString()).isEqualTo("2018-12-14");
        assertThat(m.get("attendance").toString())
                .contains("{\"agency\":{\"id\":\"health\"},\"invited\":true,\"attended\":false}");
        assertThat(m.get("actions").get(0).get("for").get(0).get("id").asString())
                .isEqualTo("p-jack");
        assertThat(before.get("children").toString()).contains("p-sara", "p-jack");
        var keys = new ArrayList<String>();
        before.get("network").get("nodes").forEach(n -> keys.add(n.get("key").asString()));
        assertThat(keys)
                .contains("Person:p-sara", "Person:p-jack", "Person:p-kerry", "Person:p-gary", "Address:a-bell")
                .doesNotContain("Person:p-newpartner");
        assertThat(before.get("flags").toString()).contains("PLAN_NO_NHS_NUMBER");
        assertThat(before.get("siblingsAtRisk").toString()).contains("\"child\":{\"id\":\"p-mia\"");
        assertThat(before.get("involvement").get("people").toString()).contains("p-kerry");

        // an import adds someone to the household from before the meeting: the live network shows them
        var imported = http().post("/api/import", "admin", """
                {"source": "csc", "people": [{"id": "p-newpartner", "givenName": "Dean", "familyName": "Hart",
                  "dateOfBirth": "1984-03-03", "sex": "MALE"}],
                 "relationships": [{"type": "LIVES_AT", "from": "p-newpartner", "to": "a-bell", "start": "2018-08-01"},
                   {"type": "PARTNER_OF", "from": "p-kerry", "to": "p-newpartner", "start": "2018-07-01"}]}""");
        assertThat(imported.status()).isEqualTo(200);
        var live = data(
                as(
                        "meeting-chair",
                        "{ network(personId: \"p-sara\", asOf: \"" + Scenario.AS_OF + "\") { nodes { key } } }",
                        Map.of()),
                "network");
        assertThat(live.toString()).contains("Person:p-newpartner");
        var after = data(as("meeting-chair", SNAPSHOT, Map.of("m", meetingId)), "meetingSnapshot");
        assertThat(after).isEqualTo(before);
        assertThat(after.toString()).doesNotContain("p-newpartner").doesNotContain("Dean");
        assertThat(count(
                        "MATCH (e:AuditEvent {operation: 'meetingSnapshot', user: 'meeting-chair', subjectId: 'p-sara'}) "
                                + "RETURN count(e)"))
                .isEqualTo(2);
        assertThat(count(
                        "MATCH (e:AuditEvent {operation: 'meetingSnapshot', user: 'meeting-chair', subjectId: 'p-gary'}) "
                                + "RETURN count(e)"))
                .isEqualTo(2);
    }

    @Test
    void eachReaderSeesTheSnapshotThroughTheirOwnNeedToKnowAndReadersWithoutARelationshipCannotReadIt() {
        var meetingId = data(
                        as(
                                "meeting-chair",
                                "mutation($m: StrategyMeetingInput!) { recordStrategyMeeting(meeting: $m) { id } }",
                                Map.of("m", meeting(Scenario.AS_OF))),
                        "recordStrategyMeeting")
                .get("id")
                .asString();
        // health attended the children's meetings: it sees them, and Gary as a placeholder only
        var health = data(as("health-visitor", SNAPSHOT, Map.of("m", meetingId)), "meetingSnapshot");
        assertThat(health.get("network").toString())
                .contains("Person:p-sara")
                .contains("RESTRICTED_PERSON")
                .doesNotContain("p-gary")
                .doesNotContain("Gary")
                .doesNotContain("Station Rise");
        assertThat(health.toString()).doesNotContain("p-gary").doesNotContain("Nolan, a registered");
        // probation has no relationship with the Bell children: exactly an unknown meeting
        var hidden = as("probation-officer", SNAPSHOT, Map.of("m", meetingId));
        var unknown = as("probation-officer", SNAPSHOT, Map.of("m", "sm-nothing"));
        assertThat(classification(hidden)).isEqualTo("NOT_FOUND").isEqualTo(classification(unknown));
        assertThat(message(hidden)).isEqualTo(message(unknown).replace("sm-nothing", meetingId));
        assertThat(count("MATCH (e:AuditEvent {operation: 'meetingSnapshot', user: 'probation-officer', "
                        + "subjectId: 'p-sara', outcome: 'DENIED'}) RETURN count(e)"))
                .isEqualTo(1);
        // no API changes it: taking it again is refused
        var again = as(
                "meeting-chair",
                "mutation($m: ID!) { takeMeetingSnapshot(meetingId: $m) { meetingId } }",
                Map.of("m", meetingId));
        assertThat(classification(again)).isEqualTo("BAD_REQUEST");
        assertThat(message(again)).contains("meetingId").contains("has a snapshot already");
    }

    @Test
    void anImportedMeetingsSnapshotIsTakenOnRequestBySomeoneWhoMaySeeItsChildren() {
        var none = as("meeting-chair", SNAPSHOT, Map.of("m", "icpc-sara"));
        assertThat(classification(none)).isEqualTo("NOT_FOUND");
        var refused = as(
                "probation-officer",
                "mutation { takeMeetingSnapshot(meetingId: \"icpc-sara\") { meetingId } }",
                Map.of());
        assertThat(classification(refused)).isEqualTo("NOT_FOUND");
        assertThat(count("MATCH (s:MeetingSnapshot) RETURN count(s)")).isZero();
        var taken = data(
                as(
                        "meeting-chair",
                        "mutation { takeMeetingSnapshot(meetingId: \"icpc-sara\") { meetingId asOf "
                                + "meeting { kind attendance { agency { id } attended } } flags { code subjectId } } }",
                        Map.of()),
                "takeMeetingSnapshot");
        assertThat(taken.get("asOf").asString()).isEqualTo("2018-07-15");
        assertThat(taken.get("meeting").get("kind").asString()).isEqualTo("ICPC");
        // on the conference's day Jack had been on a plan for a day, without an NHS number
        assertThat(taken.get("flags").toString())
                .contains("{\"code\":\"PLAN_NO_NHS_NUMBER\",\"subjectId\":\"p-jack\"}");
        var listed = data(
                as(
                        "meeting-chair",
                        "{ meetingsAbout(personId: \"p-sara\", asOf: \"" + Scenario.AS_OF
                                + "\") { id heldOn snapshotTaken } }",
                        Map.of()),
                "meetingsAbout");
        assertThat(listed.toString())
                .isEqualTo("[{\"id\":\"icpc-sara\",\"heldOn\":\"2018-07-15\",\"snapshotTaken\":true},"
                        + "{\"id\":\"sm-sara\",\"heldOn\":\"2018-06-01\",\"snapshotTaken\":false}]");
        assertThat(
                        count(
                                "MATCH (e:AuditEvent {operation: 'takeMeetingSnapshot', user: 'meeting-chair'}) RETURN count(e)"))
                .isEqualTo(2);
    }

    @Test
    void theMeetingRecordedLiveIsValidatedAsAnImportIs() {
        var noReason = new HashMap<String, Object>(meeting(Scenario.AS_OF));
        noReason.remove("decisionReason");
        var refused = as(
                "meeting-chair",
                "mutation($m: StrategyMeetingInput!) { recordStrategyMeeting(meeting: $m) { id } }",
                Map.of("m", noReason));
        assertThat(classification(refused)).isEqualTo("BAD_REQUEST");
        assertThat(message(refused)).contains("meeting.decisionReason").doesNotContain("explorer-");
        var early = new HashMap<String, Object>(meeting(Scenario.AS_OF));
        early.put("nextMeetingOn", "2018-09-01");
        assertThat(message(as(
                        "meeting-chair",
                        "mutation($m: StrategyMeetingInput!) { recordStrategyMeeting(meeting: $m) " + "{ id } }",
                        Map.of("m", early))))
                .contains("meeting.nextMeetingOn");
        assertThat(count("MATCH (m:Meeting) WHERE m.id STARTS WITH 'explorer-' RETURN count(m)"))
                .isZero();
        assertThat(count("MATCH (s:MeetingSnapshot) RETURN count(s)")).isZero();
        // a practitioner records only their own agency's attendance: nothing is written
        var other = as(
                "social-worker",
                "mutation($m: StrategyMeetingInput!) { recordStrategyMeeting(meeting: $m) { id } }",
                Map.of("m", meeting(Scenario.AS_OF)));
        assertThat(classification(other)).isEqualTo("BAD_REQUEST");
        assertThat(message(other)).contains("attendance[1].agency");
        assertThat(count("MATCH (s:MeetingSnapshot) RETURN count(s)")).isZero();
    }
}
