package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.cypher.CypherStatements;
import uk.safeguarding.explorer.neo4j.SchemaMigrations;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * Hidden is not absent: a teacher working with Sara meets Gary as a placeholder in her network,
 * asks the agencies that hold information about him (police, probation) without ever learning his
 * id, and reads the answer; the holders see the request in their work queue and answer or decline
 * it; the teacher can also break the glass from the placeholder. A placeholder is valid only for the
 * user who got it, on that day, in the answer of someone near the hidden person.
 */
class InformationRequestsIT extends ExplorerIT {

    private static final String WHY = "Sara's mother says a former partner may visit the home; is it safe?";
    private static final String REQUEST = "mutation($p: ID!, $ph: ID!, $r: String!) { requestInformation(personId: $p, "
            + "placeholderId: $ph, reason: $r) { id status requestedBy requestingAgency { id } holders { id } "
            + "concerning { id } person { id kind restricted holders { id } } subject { id givenName } reason answer } }";
    private static final String QUEUE = "query($d: InformationRequestDirection) { informationRequests(direction: $d) "
            + "{ id status requestedBy holders { id } concerning { id kind } person { id kind } "
            + "subject { id givenName familyName dateOfBirth } reason answer declineReason closedBy closingAgency { id } "
            + "replies { agency { id } status answer declineReason closedBy } } }";

    @Autowired
    Placeholders placeholders;

    @Autowired
    NeedToKnow needToKnow;

    @BeforeEach
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    private JsonNode as(String user, String document, Map<String, Object> variables) {
        return http().graphql(user, document, variables);
    }

    private JsonNode data(String user, String document, Map<String, Object> variables) {
        var json = as(user, document, variables);
        assertThat(json.get("errors")).as(json.toString()).isNull();
        return json.get("data");
    }

    private static String classification(JsonNode json) {
        assertThat(json.get("errors")).as(json.toString()).isNotNull();
        return json.get("errors").get(0).get("extensions").get("classification").asString();
    }

    /** The placeholder the user meets where Gary stands in Sara's network today. */
    private String garysPlaceholder(String user) {
        var nodes = data(
                        user,
                        "{ network(personId: \"p-sara\", depth: 2, asOf: \"" + Scenario.AS_OF + "\") { nodes "
                                + "{ id kind holders { id } } } }",
                        Map.of())
                .get("network")
                .get("nodes");
        var found = new ArrayList<String>();
        nodes.forEach(n -> {
            if ("RESTRICTED_PERSON".equals(n.get("kind").asString())) {
                found.add(n.get("id").asString());
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private JsonNode request(String user, String personId, String placeholderId, String reason) {
        return as(user, REQUEST, Map.of("p", personId, "ph", placeholderId, "r", reason));
    }

    @Test
    void aTeacherAsksTheHoldersAboutThePlaceholderAndReadsTheAnswer() {
        var placeholder = garysPlaceholder("teacher");
        // the same person has the same placeholder for the teacher all day
        assertThat(garysPlaceholder("teacher")).isEqualTo(placeholder);
        var asked = request("teacher", "p-sara", placeholder, WHY);
        assertThat(asked.get("errors")).as(asked.toString()).isNull();
        var request = asked.get("data").get("requestInformation");
        assertThat(request.get("status").asString()).isEqualTo("OPEN");
        assertThat(request.get("requestingAgency").get("id").asString()).isEqualTo("school-a");
        assertThat(request.get("holders").toString()).isEqualTo("[{\"id\":\"police\"},{\"id\":\"probation\"}]");
        assertThat(request.get("concerning").get("id").asString()).isEqualTo("p-sara");
        assertThat(request.get("person").get("id").asString()).isEqualTo(placeholder);
        assertThat(request.get("person").get("restricted").asBoolean()).isTrue();
        assertThat(request.get("subject").isNull()).isTrue();
        assertThat(asked.toString()).doesNotContain("p-gary").doesNotContain("Gary");
        var id = request.get("id").asString();

        // the police see it in their queue, with whom it is about, and answer it
        var incoming = data("police-officer", QUEUE, Map.of("d", "INCOMING")).get("informationRequests");
        assertThat(incoming).hasSize(1);
        assertThat(incoming.get(0).get("subject").toString())
                .isEqualTo(
                        "{\"id\":\"p-gary\",\"givenName\":\"Gary\",\"familyName\":\"Nolan\",\"dateOfBirth\":\"1970-02-11\"}");
        assertThat(incoming.get(0).get("reason").asString()).isEqualTo(WHY);
        assertThat(incoming.get(0).get("requestedBy").asString()).isEqualTo("teacher");
        // probation hold information too; they may not see Sara, so she is a placeholder to them
        var probation =
                data("probation-officer", QUEUE, Map.of("d", "INCOMING")).get("informationRequests");
        assertThat(probation.get(0).get("concerning").get("kind").asString()).isEqualTo("RESTRICTED_PERSON");
        assertThat(probation.get(0).get("person").get("id").asString()).isEqualTo("p-gary");
        // nobody else does
        assertThat(data("health-visitor", QUEUE, Map.of("d", "INCOMING")).get("informationRequests"))
                .isEmpty();
        assertThat(classification(as(
                        "health-visitor",
                        "mutation($id: ID!) { answerInformationRequest(id: $id, "
                                + "answer: \"Not ours to answer\") { id } }",
                        Map.of("id", id))))
                .isEqualTo("NOT_FOUND");

        var answer = "Police and probation manage him; he must not visit a household with children. Call the PPU.";
        var answered = data(
                        "police-officer",
                        "mutation($id: ID!, $a: String!) { answerInformationRequest(id: $id, "
                                + "answer: $a) { status answer closedBy closingAgency { id } } }",
                        Map.of("id", id, "a", answer))
                .get("answerInformationRequest");
        assertThat(answered.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(answered.get("closedBy").asString()).isEqualTo("police-officer");
        // hostile review 61: each holder replies on its own, and never reads another's answer (it may hold
        // what that agency may not see); the police's answer does not close the request for probation
        var probations = data("probation-officer", QUEUE, Map.of("d", "INCOMING"))
                .get("informationRequests")
                .get(0);
        assertThat(probations.get("status").asString()).isEqualTo("OPEN");
        assertThat(probations.get("answer").isNull()).isTrue();
        assertThat(probations.get("replies").toString())
                .isEqualTo("[{\"agency\":{\"id\":\"probation\"},\"status\":\"OPEN\",\"answer\":null,"
                        + "\"declineReason\":null,\"closedBy\":null}]");
        assertThat(probations.toString()).doesNotContain("must not visit");
        var declined = data(
                        "probation-officer",
                        "mutation($id: ID!) { declineInformationRequest(id: $id, "
                                + "reason: \"The police have answered for us both\") { status answer } }",
                        Map.of("id", id))
                .get("declineInformationRequest");
        assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.get("answer").isNull()).isTrue();
        // once only
        var again = as(
                "police-officer",
                "mutation($id: ID!) { declineInformationRequest(id: $id, "
                        + "reason: \"Changed our mind about it\") { id } }",
                Map.of("id", id));
        assertThat(classification(again)).isEqualTo("BAD_REQUEST");
        assertThat(again.get("errors").get(0).get("message").asString())
                .contains("has been answered by your agency already");

        // the school reads the answer, and learns nothing else of him
        var outgoing = data("teacher", QUEUE, Map.of("d", "OUTGOING")).get("informationRequests");
        assertThat(outgoing).hasSize(1);
        assertThat(outgoing.get(0).get("status").asString()).isEqualTo("ANSWERED");
        // each after its agency's name: the request had two holders
        assertThat(outgoing.get(0).get("answer").asString())
                .isEqualTo("Police vulnerability assessment team:\n> " + answer);
        assertThat(outgoing.get(0).get("replies").toString())
                .isEqualTo(
                        "[{\"agency\":{\"id\":\"police\"},\"status\":\"ANSWERED\",\"answer\":\"" + answer
                                + "\",\"declineReason\":null,\"closedBy\":\"police-officer\"},"
                                + "{\"agency\":{\"id\":\"probation\"},\"status\":\"DECLINED\",\"answer\":null,"
                                + "\"declineReason\":\"The police have answered for us both\",\"closedBy\":\"probation-officer\"}]");
        assertThat(outgoing.get(0).get("subject").isNull()).isTrue();
        assertThat(outgoing.get(0).get("person").get("kind").asString()).isEqualTo("RESTRICTED_PERSON");
        assertThat(outgoing.toString())
                .doesNotContain("p-gary")
                .doesNotContain("Nolan")
                .doesNotContain("1970");
        assertThat(classification(as("teacher", "{ person(id: \"p-gary\") { id } }", Map.of())))
                .isEqualTo("NOT_FOUND");

        // audited: the request, the answer, the names shown to the holders and the answer read
        assertThat(count(
                        "MATCH (a:AuditEvent {operation: 'requestInformation', user: 'teacher', subjectId: 'p-gary'}) "
                                + "WHERE a.reason = $why RETURN count(a)",
                        Map.of("why", WHY)))
                .isEqualTo(1);
        assertThat(count("MATCH (a:AuditEvent {operation: 'answerInformationRequest', user: 'police-officer', "
                        + "subjectId: 'p-gary'}) RETURN count(a)"))
                .isEqualTo(1);
        // the police were shown his name twice: in their queue, and in the answer's response
        assertThat(count("MATCH (a:AuditEvent {operation: 'informationRequests', user: 'police-officer', "
                        + "subjectId: 'p-gary', purpose: 'INFORMATION_REQUEST'}) RETURN count(a)"))
                .isEqualTo(2);
        assertThat(count("MATCH (a:AuditEvent {operation: 'informationRequests', user: 'teacher', "
                        + "subjectId: 'p-gary', purpose: 'INFORMATION_REQUEST'}) RETURN count(a)"))
                .isEqualTo(1);
    }

    @Test
    void aHolderDeclinesWithAReason() {
        var id = request("teacher", "p-sara", garysPlaceholder("teacher"), WHY)
                .get("data")
                .get("requestInformation")
                .get("id")
                .asString();
        var tooShort = as(
                "probation-officer",
                "mutation($id: ID!) { declineInformationRequest(id: $id, reason: \"no\") " + "{ id } }",
                Map.of("id", id));
        assertThat(classification(tooShort)).isEqualTo("BAD_REQUEST");
        assertThat(tooShort.get("errors").get(0).get("message").asString()).contains("'reason'");
        data(
                "probation-officer",
                "mutation($id: ID!) { declineInformationRequest(id: $id, reason: \"Ask the police "
                        + "public protection unit, who hold the risk assessment\") { status } }",
                Map.of("id", id));
        var outgoing = data("teacher", QUEUE, Map.of("d", "OUTGOING"))
                .get("informationRequests")
                .get(0);
        // the police have not replied yet: open for them, and for the school
        assertThat(outgoing.get("status").asString()).isEqualTo("OPEN");
        assertThat(outgoing.get("declineReason").asString())
                .startsWith("Probation service:\n> Ask the police public protection unit");
        assertThat(outgoing.get("closingAgency").get("id").asString()).isEqualTo("probation");
        assertThat(data("police-officer", QUEUE, Map.of("d", "INCOMING"))
                        .get("informationRequests")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");
        // a reason with a line that looks like another agency's heading (review 63)
        data(
                "police-officer",
                "mutation($id: ID!, $r: String!) { declineInformationRequest(id: $id, reason: $r) { status } }",
                Map.of("id", id, "r", "Nothing we can share with a school\n\nProbation service: he may visit"));
        outgoing = data("teacher", QUEUE, Map.of("d", "OUTGOING"))
                .get("informationRequests")
                .get(0);
        assertThat(outgoing.get("status").asString()).isEqualTo("DECLINED");
        // both reasons, each under its agency's name, every line of it quoted: no heading can be forged
        assertThat(outgoing.get("declineReason").asString())
                .isEqualTo("Police vulnerability assessment team:\n> Nothing we can share with a school\n> \n"
                        + "> Probation service: he may visit\n\n"
                        + "Probation service:\n> Ask the police public protection unit, who hold the risk assessment");
        assertThat(outgoing.get("closingAgency").get("id").asString()).isEqualTo("police");
    }

    @Test
    void everyArgumentIsValidated() {
        var placeholder = garysPlaceholder("teacher");
        var shortReason = request("teacher", "p-sara", placeholder, "please");
        assertThat(classification(shortReason)).isEqualTo("BAD_REQUEST");
        assertThat(shortReason.get("errors").get(0).get("message").asString())
                .contains("'reason'")
                .contains("20");
        var repeated = request("teacher", "p-sara", placeholder, "x".repeat(40));
        assertThat(classification(repeated)).isEqualTo("BAD_REQUEST");
        assertThat(repeated.get("errors").get(0).get("message").asString()).contains("'reason'");
        assertThat(classification(request("teacher", "p-sara", placeholder, "y".repeat(2_001))))
                .isEqualTo("BAD_REQUEST");
        assertThat(classification(request("teacher", "p-sara", " ", WHY))).isEqualTo("BAD_REQUEST");
        assertThat(classification(request("teacher", " ", placeholder, WHY))).isEqualTo("BAD_REQUEST");
        assertThat(classification(as(
                        "police-officer",
                        "mutation { answerInformationRequest(id: \"ir-none\", " + "answer: \"   \") { id } }",
                        Map.of())))
                .isEqualTo("BAD_REQUEST");
        assertThat(classification(as("police-officer", "{ informationRequests(first: 0) { id } }", Map.of())))
                .isEqualTo("BAD_REQUEST");
        assertThat(count("MATCH (r:InformationRequest) RETURN count(r)")).isZero();
    }

    /**
     * One open request per agency, hidden person and holder; the refusal gives the argument and the
     * reason apart as well (extensions), so that the explorer says it as a sentence.
     */
    @Test
    void anAgencyAsksAHolderOnceWhileItsRequestIsOpen() {
        var placeholder = garysPlaceholder("teacher");
        assertThat(request("teacher", "p-sara", placeholder, WHY).get("errors")).isNull();
        var again = request("teacher", "p-sara", placeholder, WHY);
        assertThat(classification(again)).isEqualTo("BAD_REQUEST");
        var error = again.get("errors").get(0);
        var reason = "your agency has already asked Police vulnerability assessment team and Probation service "
                + "about this person, and that request is still open; its answer will appear among your agency's "
                + "outgoing requests (Work queues, Information requests, Sent by your agency)";
        assertThat(error.get("message").asString()).isEqualTo("Argument 'placeholderId' " + reason);
        assertThat(error.get("extensions").get("argument").asString()).isEqualTo("placeholderId");
        assertThat(error.get("extensions").get("reason").asString()).isEqualTo(reason);
        assertThat(count("MATCH (r:InformationRequest) RETURN count(r)")).isEqualTo(1);
    }

    /**
     * Hostile review 50: six requests sent at once all passed the check made before the write, and
     * flooded the holder's queue; two answers (and a decline) sent at once were all taken, the last
     * overwriting a warning the first had given. Each holder's reply is taken once (review 61: each
     * holder replies on its own).
     */
    @Test
    void requestsAndAnswersSentAtTheSameMomentAreTakenOnce() throws Exception {
        var placeholder = garysPlaceholder("teacher");
        var asked = atOnce(
                () -> request("teacher", "p-sara", placeholder, WHY),
                () -> request("teacher", "p-sara", placeholder, WHY),
                () -> request("teacher", "p-sara", placeholder, WHY),
                () -> request("teacher", "p-sara", placeholder, WHY),
                () -> request("teacher", "p-sara", placeholder, WHY),
                () -> request("teacher", "p-sara", placeholder, WHY));
        assertThat(asked.stream().filter(a -> a.get("errors") == null).count())
                .as(asked.toString())
                .isEqualTo(1);
        asked.stream()
                .filter(a -> a.get("errors") != null)
                .forEach(a -> assertThat(classification(a)).isEqualTo("BAD_REQUEST"));
        assertThat(count("MATCH (r:InformationRequest) RETURN count(r)")).isEqualTo(1);
        var id = asked.stream()
                .filter(a -> a.get("errors") == null)
                .findFirst()
                .orElseThrow()
                .get("data")
                .get("requestInformation")
                .get("id")
                .asString();
        var answer = "mutation($id: ID!, $a: String!) { answerInformationRequest(id: $id, answer: $a) { status } }";
        var closed = atOnce(
                () -> as("police-officer", answer, Map.of("id", id, "a", "Answer A: no unsupervised contact.")),
                () -> as(
                        "police-officer",
                        "mutation($id: ID!) { declineInformationRequest(id: $id, reason: \"Decline B: ask "
                                + "probation, who hold it\") { status } }",
                        Map.of("id", id)),
                () -> as("probation-officer", answer, Map.of("id", id, "a", "Answer C: he may visit.")));
        // the police's answer or their decline, and probation's answer
        assertThat(closed.stream().filter(a -> a.get("errors") == null).count())
                .as(closed.toString())
                .isEqualTo(2);
        assertThat(closed.get(2).get("errors")).as(closed.toString()).isNull();
        var stored = count(
                "MATCH (:InformationRequest {id: $id})-[x:ADDRESSED_TO]->(:Agency {id: 'police'}) RETURN CASE "
                        + "WHEN x.status = 'ANSWERED' AND x.answer IS NOT NULL AND x.declineReason IS NULL THEN 1 "
                        + "WHEN x.status = 'DECLINED' AND x.answer IS NULL THEN 2 ELSE 0 END",
                Map.of("id", id));
        assertThat(stored).as("one closing by the police, whole").isIn(1L, 2L);
        assertThat(count(
                        "MATCH (r:InformationRequest {id: $id, status: 'ANSWERED'})-[x:ADDRESSED_TO {status: 'ANSWERED'}]"
                                + "->(:Agency {id: 'probation'}) RETURN count(x)",
                        Map.of("id", id)))
                .isEqualTo(1);
    }

    @Test
    void aPlaceholderIsUnknownToAnyoneElseOnAnyOtherDayOrAwayFromItsPerson() {
        var placeholder = garysPlaceholder("teacher");
        var unknown = request("teacher", "p-sara", "rp-" + "A".repeat(64), WHY);
        assertThat(classification(unknown)).isEqualTo("NOT_FOUND");
        // the health visitor also meets Gary as a placeholder, another one, valid for her only
        var healths = garysPlaceholder("health-visitor");
        assertThat(healths).isNotEqualTo(placeholder);
        assertThat(classification(request("teacher", "p-sara", healths, WHY))).isEqualTo("NOT_FOUND");
        assertThat(classification(request("health-visitor", "p-sara", placeholder, WHY)))
                .isEqualTo("NOT_FOUND");
        // yesterday's placeholder has expired
        var teacher = new ExplorerUser("teacher", "", Role.PRACTITIONER, "school-a");
        var yesterday = placeholders.idFor(teacher, needToKnow.today().minusDays(1), "p-gary");
        assertThat(classification(request("teacher", "p-sara", yesterday, WHY))).isEqualTo("NOT_FOUND");
        // read back only in the answer of someone near him: Kyle's family is nowhere near
        assertThat(classification(request("teacher", "p-kyle", placeholder, WHY)))
                .isEqualTo("NOT_FOUND");
        // the person named must be one the user may see: the hidden one himself is unknown
        var hidden = request("teacher", "p-gary", placeholder, WHY);
        assertThat(classification(hidden)).isEqualTo("NOT_FOUND");
        assertThat(hidden.get("errors").get(0).get("message").asString()).isEqualTo("No person with id 'p-gary'");
        assertThat(count("MATCH (r:InformationRequest) RETURN count(r)")).isZero();
    }

    /** The agencies the user's placeholder of Gary in Sara's network names as holding information. */
    private List<String> holdersOfGarysPlaceholder(String user) {
        var holders = new ArrayList<String>();
        data(
                        user,
                        "{ network(personId: \"p-sara\", depth: 2, asOf: \"" + Scenario.AS_OF + "\") { nodes "
                                + "{ kind holders { id } } } }",
                        Map.of())
                .get("network")
                .get("nodes")
                .forEach(n -> {
                    if ("RESTRICTED_PERSON".equals(n.get("kind").asString())) {
                        n.get("holders").forEach(h -> holders.add(h.get("id").asString()));
                    }
                });
        return holders;
    }

    /**
     * Review 47: a marker recorded under a break-glass grant made the agency a holder of the person
     * for good, so that after the grant was found not justified an information request routed to it
     * showed it the person's name and birth date. Recording never makes a holder (DESIGN §7).
     */
    @Test
    void aMarkerRecordedUnderAGrantMakesNoHolderOnceTheGrantEnds() {
        assertThat(holdersOfGarysPlaceholder("teacher")).containsExactlyInAnyOrder("police", "probation");
        var grant = data(
                        "teacher",
                        "mutation($ph: ID!) { breakGlass(personId: \"p-sara\", placeholderId: $ph, "
                                + "purpose: STRATEGY_DISCUSSION, reason: \"Strategy discussion about Sara's safety at home\") "
                                + "{ id } }",
                        Map.of("ph", garysPlaceholder("teacher")))
                .get("breakGlass")
                .get("id")
                .asString();
        data(
                "teacher",
                "mutation($m: MarkerInput!) { recordMarker(marker: $m) { id } }",
                Map.of(
                        "m",
                        Map.of(
                                "type",
                                "OTHER",
                                "on",
                                "p-gary",
                                "from",
                                Scenario.AS_OF,
                                "detail",
                                "Seen waiting at the school gate at home time")));
        assertThat(count("MATCH (:Marker {source: 'school-a', recordedVia: 'API'})-[:ON]->(:Person {id: 'p-gary'}) "
                        + "RETURN count(*)"))
                .isEqualTo(1);
        // hostile review 61: the write is recorded as done under the grant, so that its review counts it among
        // the grant's uses (the events carrying its id)
        assertThat(count(
                        "MATCH (e:AuditEvent {operation: 'recordMarker', user: 'teacher', subjectId: 'p-gary', "
                                + "outcome: 'BREAK_GLASS', grantId: $grant, purpose: 'STRATEGY_DISCUSSION'}) RETURN count(e)",
                        Map.of("grant", grant)))
                .isEqualTo(1);
        data(
                "auditor",
                "mutation($id: ID!) { reviewBreakGlass(grantId: $id, outcome: NOT_JUSTIFIED, "
                        + "note: \"No strategy discussion recorded\") { id } }",
                Map.of("id", grant));
        // the grant has ended: Gary is a placeholder again, held by the agencies whose systems hold him
        assertThat(holdersOfGarysPlaceholder("teacher")).containsExactlyInAnyOrder("police", "probation");
    }

    @Test
    void aTeacherBreaksTheGlassFromThePlaceholderWithoutTypingItsId() {
        var placeholder = garysPlaceholder("teacher");
        var grant = data(
                        "teacher",
                        "mutation($ph: ID!) { breakGlass(personId: \"p-sara\", placeholderId: $ph, "
                                + "purpose: STRATEGY_DISCUSSION, reason: \"Strategy discussion about Sara's safety at home\") "
                                + "{ id subjectId } }",
                        Map.of("ph", placeholder))
                .get("breakGlass");
        assertThat(grant.get("subjectId").asString()).isEqualTo("p-gary");
        assertThat(data("teacher", "{ person(id: \"p-gary\") { givenName } }", Map.of())
                        .get("person")
                        .get("givenName")
                        .asString())
                .isEqualTo("Gary");
        assertThat(count("MATCH (a:AuditEvent {operation: 'breakGlass', user: 'teacher', subjectId: 'p-gary', "
                        + "outcome: 'BREAK_GLASS'}) RETURN count(a)"))
                .isEqualTo(1);
        // a placeholder that is none: no grant
        var none = as(
                "teacher",
                "mutation { breakGlass(personId: \"p-sara\", placeholderId: \"rp-nothing\", "
                        + "purpose: OTHER, reason: \"there is no such placeholder here\") { id } }",
                Map.of());
        assertThat(classification(none)).isEqualTo("NOT_FOUND");
        assertThat(count("MATCH (g:BreakGlass) RETURN count(g)")).isEqualTo(1);
    }

    /**
     * A request answered before each holder replied on its own (one holder closed it for all, the answer
     * on the request): migration V0039 gives the answer to the reply of the agency that gave it, and
     * makes the other holder's reply DECLINED, saying it did not reply, without the answer.
     */
    @Test
    void aRequestAnsweredBeforeRepliesPerHolderIsReadAsItWasWithoutSharingTheAnswer() {
        var id = request("teacher", "p-sara", garysPlaceholder("teacher"), WHY)
                .get("data")
                .get("requestInformation")
                .get("id")
                .asString();
        // the old form: no reply on the relationships, the police's answer on the request
        graph.inWriteTransaction(tx -> tx.run("""
                        MATCH (r:InformationRequest {id: $id})-[x:ADDRESSED_TO]->()
                        REMOVE x.status
                        SET r.status = 'ANSWERED', r.answer = 'Old answer: no contact.', r.closedBy = 'police-officer',
                            r.closedByAgency = 'police', r.closedAt = datetime('2026-11-01T10:00:00Z')""", Map.of("id", id)).consume());
        var migration = SchemaMigrations.discover().stream()
                .filter(m -> m.version() == 39)
                .findFirst()
                .orElseThrow();
        for (int twice = 0; twice < 2; twice++) {
            CypherStatements.split(migration.text())
                    .forEach(statement ->
                            graph.inWriteTransaction(tx -> tx.run(statement).consume()));
        }
        assertThat(count("MATCH (r:InformationRequest) WHERE r.answer IS NOT NULL OR r.closedByAgency IS NOT NULL "
                        + "RETURN count(r)"))
                .isZero();
        var outgoing = data("teacher", QUEUE, Map.of("d", "OUTGOING"))
                .get("informationRequests")
                .get(0);
        assertThat(outgoing.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(outgoing.get("answer").asString())
                .isEqualTo("Police vulnerability assessment team:\n> Old answer: no contact.");
        var notReplied = "Not replied: the request was closed when another agency it was addressed to replied, "
                + "before each agency replied on its own";
        assertThat(outgoing.get("replies").toString())
                .isEqualTo("[{\"agency\":{\"id\":\"police\"},\"status\":\"ANSWERED\",\"answer\":\"Old answer: no "
                        + "contact.\",\"declineReason\":null,\"closedBy\":\"police-officer\"},"
                        + "{\"agency\":{\"id\":\"probation\"},\"status\":\"DECLINED\",\"answer\":null,"
                        + "\"declineReason\":\"" + notReplied + "\",\"closedBy\":null}]");
        var probations = data("probation-officer", QUEUE, Map.of("d", "INCOMING"))
                .get("informationRequests")
                .get(0);
        assertThat(probations.get("status").asString()).isEqualTo("DECLINED");
        assertThat(probations.get("declineReason").asString()).isEqualTo(notReplied);
        assertThat(probations.get("answer").isNull()).isTrue();
        assertThat(probations.toString()).doesNotContain("Old answer");
    }

    @Test
    void aRequestCanBeAddressedToOneOfTheHoldersOnly() {
        var placeholder = garysPlaceholder("teacher");
        var toPolice = as(
                "teacher",
                "mutation($ph: ID!, $r: String!, $h: ID) { requestInformation(personId: \"p-sara\", "
                        + "placeholderId: $ph, reason: $r, holderId: $h) { id holders { id } } }",
                Map.of("ph", placeholder, "r", WHY, "h", "police"));
        assertThat(toPolice.get("errors")).as(toPolice.toString()).isNull();
        assertThat(toPolice.get("data").get("requestInformation").get("holders").toString())
                .isEqualTo("[{\"id\":\"police\"}]");
        assertThat(data("police-officer", QUEUE, Map.of("d", "INCOMING")).get("informationRequests"))
                .hasSize(1);
        assertThat(data("probation-officer", QUEUE, Map.of("d", "INCOMING")).get("informationRequests"))
                .isEmpty();
        // an agency that holds nothing about him (or the teacher's own) is refused, naming the argument
        for (var agency : new String[] {"health", "school-a", "nobody"}) {
            var refused = as(
                    "teacher",
                    "mutation($ph: ID!, $r: String!, $h: ID) { requestInformation(personId: "
                            + "\"p-sara\", placeholderId: $ph, reason: $r, holderId: $h) { id } }",
                    Map.of("ph", placeholder, "r", WHY, "h", agency));
            assertThat(classification(refused)).isEqualTo("BAD_REQUEST");
            assertThat(refused.get("errors").get(0).get("message").asString()).contains("'holderId'");
        }
        assertThat(count("MATCH (r:InformationRequest) RETURN count(r)")).isEqualTo(1);
    }
}
