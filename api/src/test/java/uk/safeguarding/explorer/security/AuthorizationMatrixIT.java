package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLFieldDefinition;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.security.DemoUsers.Demo;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Scenario;

/**
 * The authorization matrix: every query and mutation of the schema (walked, so that a new one
 * without a row here fails), run by every demo user about three people of the shared scenario (a
 * child, an adult, the offender), checked against the policy: who may call it, whom each agency may
 * see (README "Need-to-know", judged today), what is redacted (README "Redaction policy"), that no
 * answer names in its free text anyone the user may not see, and that a write about someone the
 * user may not see is answered as about an unknown id. Every user x operation is its own test, so
 * one failure does not hide the rest. The writes that succeed are recorded through the API, which
 * never makes a relationship: the need-to-know table is checked again after them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixIT extends ExplorerIT {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("p-kyle", "Kyle Archer"),
            Map.entry("p-dawn", "Dawn Archer"),
            Map.entry("p-mark", "Mark Archer"),
            Map.entry("p-lily", "Lily Archer"),
            Map.entry("p-tom", "Tom Archer"),
            Map.entry("p-sian", "Sian Hale"),
            Map.entry("p-ruby", "Ruby Hale"),
            Map.entry("p-sara", "Sara Bell"),
            Map.entry("p-jack", "Jack Bell"),
            Map.entry("p-kerry", "Kerry Bell"),
            Map.entry("p-lee", "Lee Bell"),
            Map.entry("p-gary", "Gary Nolan"),
            Map.entry("p-joanne", "Joanne Nolan"),
            Map.entry("p-mia", "Mia Nolan"));
    private static final Set<String> EVERYONE = NAMES.keySet();
    private static final Set<String> ARCHERS = Set.of("p-kyle", "p-dawn", "p-mark", "p-lily", "p-tom", "p-ruby");
    private static final Set<String> BELLS = Set.of("p-sara", "p-jack", "p-kerry", "p-lee", "p-mia");

    /**
     * The people of the scenario each user may see today (the policy on the scenario): an agency
     * sees the circle (parents, siblings, partners, children, current household) of everyone it has
     * a relationship with (a current involvement, a meeting it attended or was invited to); social
     * care, police and meeting chairs see a related child's wider network (Sara's and Jack's holds
     * Gary, their mother's former partner who lived with them); Kyle is an adult today.
     */
    private static final Map<String, Set<String>> SEES = Map.of(
            "admin", EVERYONE,
            // involved with Kyle (adult: his circle), Sara and Jack (children: their networks)
            "social-worker", union(ARCHERS, BELLS, Set.of("p-gary")),
            // involved with Sara; at the meetings about Kyle, Sara and Jack
            "police-officer", union(ARCHERS, BELLS, Set.of("p-gary")),
            // the school nurse with Sara; invited to the meetings about Kyle, Sara and Jack: their circles
            "health-visitor", union(ARCHERS, BELLS),
            // involved with Kyle: his circle
            "yot-worker", ARCHERS,
            // the offender manager with Gary: Gary, his child, his partners
            "probation-officer", Set.of("p-gary", "p-mia", "p-kerry", "p-joanne"),
            // pupils Tom, Sara and Jack: their circles
            "teacher", union(ARCHERS, BELLS),
            // everyone concerned by a meeting social care attended (Kyle, Sara, Jack), the children's networks
            "meeting-chair", union(ARCHERS, BELLS, Set.of("p-gary")),
            "auditor", Set.of(),
            // matching fields only, never case data
            "data-steward", Set.of());

    /** Users whose agency or role sees health detail (health professionals, roles, health assessments). */
    private static final Set<String> HEALTH_DETAIL =
            Set.of("admin", "social-worker", "health-visitor", "meeting-chair");
    /** Users whose agency or role sees offender detail. */
    private static final Set<String> OFFENDER_DETAIL =
            Set.of("admin", "social-worker", "police-officer", "probation-officer", "meeting-chair");

    private static final String[] HEALTH_STRINGS = {"Helen Clarke", "School nurse", "Dr Jo Patel", "CAMHS clinician"};
    private static final String[] OFFENDER_STRINGS = {
        "REGISTERED_SEX_OFFENDER",
        "MAPPA",
        "Pat Evans",
        "sex offender",
        "Offender manager",
        "1998/0123456X",
        "Approved premises",
        "Approved Premises",
        "APPROVED_PREMISES",
        "licence conditions"
    };

    private static final Pattern PERSON_ID = Pattern.compile("\"(p-[a-z]+)\"");

    private static final Set<String> CASE_ROLES = Set.of(
            "admin",
            "social-worker",
            "police-officer",
            "health-visitor",
            "yot-worker",
            "probation-officer",
            "teacher",
            "meeting-chair");
    private static final Set<String> PRACTITIONERS =
            Set.of("social-worker", "police-officer", "health-visitor", "yot-worker", "probation-officer", "teacher");
    private static final Set<String> AGENCY_USERS = union(PRACTITIONERS, Set.of("meeting-chair"));

    /**
     * A row of the matrix: a document and its variables per user, who may call it, and what else each
     * caller gets: null for an answer, or the error classification.
     */
    private record Operation(
            Function<Demo, String> document,
            Function<Demo, Map<String, Object>> variables,
            Set<String> callers,
            Function<Demo, String> expected) {

        static Operation read(
                String document, Map<String, Object> variables, Set<String> callers, Function<Demo, String> expected) {
            return new Operation(u -> document, u -> variables, callers, expected);
        }
    }

    @Autowired
    GraphQlSource graphQl;

    @BeforeAll
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    private static boolean sees(Demo user, String id) {
        return SEES.get(user.username()).contains(id);
    }

    /** Answers about the subject (and another person) when the user may see them, NOT_FOUND otherwise. */
    private static Function<Demo, String> about(String... ids) {
        return u -> Stream.of(ids).allMatch(id -> sees(u, id)) ? null : "NOT_FOUND";
    }

    private static Function<Demo, String> always(String classification) {
        return u -> classification;
    }

    /** One row per query and mutation, for a subject. */
    private Map<String, Operation> operations(String subject) {
        var asOf = Scenario.AS_OF;
        var ops = new LinkedHashMap<String, Operation>();
        var id = Map.<String, Object>of("id", subject);
        ops.put(
                "person",
                Operation.read(
                        "query($id: ID!) { person(id: $id) { id pncId probationCrn "
                                + "markers(asOf: \"" + asOf + "\") { id type detail } currentAddress(asOf: \"" + asOf
                                + "\") "
                                + "{ line1 kind } } }",
                        id,
                        CASE_ROLES,
                        about(subject)));
        // the partnership's agencies are not personal data: every signed-in user lists them
        ops.put(
                "agencies",
                Operation.read(
                        "{ agencies { id name type } }",
                        Map.of(),
                        DemoUsers.ALL.stream().map(Demo::username).collect(Collectors.toSet()),
                        always(null)));
        ops.put(
                "searchPeople",
                Operation.read(
                        "{ searchPeople(text: \"archer bell nolan hale\", first: 100) { id } "
                                + "a: searchPeople(text: \"archer\", first: 100) { id } b: searchPeople(text: \"bell\", first: 100) { id } "
                                + "n: searchPeople(text: \"nolan\", first: 100) { id } h: searchPeople(text: \"hale\", first: 100) { id } }",
                        Map.of(),
                        CASE_ROLES,
                        always(null)));
        ops.put(
                "searchPeopleConnection",
                Operation.read(
                        "{ a: searchPeopleConnection(text: \"archer\", first: 100) "
                                + "{ edges { node { id } } } b: searchPeopleConnection(text: \"bell\", first: 100) { edges { node { id } } } "
                                + "n: searchPeopleConnection(text: \"nolan hale\", first: 100) { edges { node { id } } } }",
                        Map.of(),
                        CASE_ROLES,
                        always(null)));
        ops.put(
                "siblingsAtRisk",
                Operation.read(
                        "query($id: ID!) { siblingsAtRisk(personId: $id, asOf: \"" + asOf
                                + "\") { child { id givenName kind holders { id } markers { type detail } currentAddress { line1 } } "
                                + "links { kind via { id givenName familyName } } agencies { id } } }",
                        id,
                        CASE_ROLES,
                        about(subject)));
        ops.put(
                "sharedAddresses",
                Operation.read(
                        "query($id: ID!) { sharedAddresses(personId: $id, asOf: \"" + asOf
                                + "\") { address { id line1 kind } markers { type detail } coResidents { person { id givenName "
                                + "markers { type detail } currentAddress { line1 } } } } }",
                        id,
                        CASE_ROLES,
                        about(subject)));
        ops.put(
                "agencyInvolvement",
                Operation.read(
                        "query($id: ID!) { agencyInvolvement(personId: $id, scope: FAMILY, "
                                + "asOf: \"" + asOf
                                + "\") { people { person { id givenName } involvements { agency { id } "
                                + "professional { id name role } role } } gaps { person { id } agencyType rule reason } } }",
                        id,
                        CASE_ROLES,
                        about(subject)));
        ops.put(
                "network",
                Operation.read(
                        "query($id: ID!) { network(personId: $id, depth: 3, asOf: \"" + asOf
                                + "\") { nodes { id kind label role addressKind markers { type detail } holders { id } } "
                                + "edges { key type role nature } } }",
                        id,
                        CASE_ROLES,
                        about(subject)));
        var other = Map.of("p-sara", "p-kerry", "p-kyle", "p-tom", "p-gary", "p-mia")
                .get(subject);
        ops.put(
                "connection",
                Operation.read(
                        "query($id: ID!, $to: ID!) { connection(fromId: $id, toId: $to, " + "asOf: \"" + asOf
                                + "\") { nodes { id label role } } }",
                        Map.of("id", subject, "to", other),
                        CASE_ROLES,
                        about(subject, other)));
        ops.put(
                "chronology",
                Operation.read(
                        "query($id: ID!) { chronology(personId: $id, asOf: \"" + asOf
                                + "\") { kind summary relatedIds restrictedPerson { id } } }",
                        id,
                        CASE_ROLES,
                        about(subject)));
        ops.put(
                "familyChanges",
                Operation.read(
                        "query($id: ID!) { familyChanges(personId: $id, since: \"2018-01-01\", " + "asOf: \"" + asOf
                                + "\") { on kind summary people { id kind } } }",
                        id,
                        CASE_ROLES,
                        about(subject)));
        ops.put(
                "meetingsAbout",
                Operation.read(
                        "query($id: ID!) { meetingsAbout(personId: $id, asOf: \"" + asOf
                                + "\") { id kind concerns { id kind } } }",
                        id,
                        CASE_ROLES,
                        about(subject)));
        // meetings imported with the scenario keep no snapshot until asked: exactly an unknown meeting
        ops.put(
                "meetingSnapshot",
                Operation.read(
                        "{ meetingSnapshot(meetingId: \"sm-none\") { meetingId } }",
                        Map.of(),
                        CASE_ROLES,
                        always("NOT_FOUND")));
        ops.put(
                "takeMeetingSnapshot",
                Operation.read(
                        "mutation { takeMeetingSnapshot(meetingId: \"sm-none\") " + "{ meetingId } }",
                        Map.of(),
                        CASE_ROLES,
                        always("NOT_FOUND")));
        ops.put(
                "recordExport",
                Operation.read(
                        "mutation($id: ID!) { recordExport(kind: PNG, personIds: [$id], asOf: \"" + asOf + "\") }",
                        id,
                        CASE_ROLES,
                        about(subject)));
        ops.put(
                "auditEvents",
                Operation.read("{ auditEvents(first: 1) { id } }", Map.of(), Set.of("auditor"), always(null)));
        ops.put(
                "auditEventsConnection",
                Operation.read(
                        "{ auditEventsConnection(first: 1) { edges { node { id } } } }",
                        Map.of(),
                        Set.of("auditor"),
                        always(null)));
        ops.put(
                "auditIntegrity",
                Operation.read("{ auditIntegrity { valid } }", Map.of(), Set.of("auditor"), always(null)));
        ops.put(
                "breakGlassReviewQueue",
                Operation.read("{ breakGlassReviewQueue { id } }", Map.of(), Set.of("auditor"), always(null)));
        // an unknown grant: the auditor gets NOT_FOUND, nothing is reviewed
        ops.put(
                "reviewBreakGlass",
                Operation.read(
                        "mutation { reviewBreakGlass(grantId: \"g-none\", outcome: JUSTIFIED) " + "{ id } }",
                        Map.of(),
                        Set.of("auditor"),
                        always("NOT_FOUND")));
        ops.put(
                "myBreakGlassGrants",
                Operation.read("{ myBreakGlassGrants { id } }", Map.of(), AGENCY_USERS, always(null)));
        // an unknown person, and a placeholder that is none: NOT_FOUND, so no grant changes the rest of the matrix
        ops.put(
                "breakGlass",
                Operation.read(
                        "mutation($id: ID!) { breakGlass(personId: \"p-nobody\", purpose: OTHER, "
                                + "reason: \"matrix check, no such person\") { id } "
                                + "b: breakGlass(personId: $id, placeholderId: \"rp-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\", "
                                + "purpose: OTHER, reason: \"matrix check, no such placeholder\") { id } }",
                        id,
                        PRACTITIONERS,
                        always("NOT_FOUND")));
        ops.put(
                "riskFlags",
                Operation.read(
                        "query($id: ID!) { riskFlags(personId: $id, asOf: \"" + asOf
                                + "\") { rule code subjectId summary evidence people restrictedPeople { id kind } } }",
                        id,
                        CASE_ROLES,
                        about(subject)));
        ops.put(
                "overdueActions",
                Operation.read(
                        "{ overdueActions(asOf: \"" + asOf + "\") { id description owner { id } "
                                + "for { id givenName } restrictedFor { id } } }",
                        Map.of(),
                        CASE_ROLES,
                        always(null)));
        ops.put(
                "completedActions",
                Operation.read(
                        "{ completedActions(asOf: \"" + asOf + "\") { id description owner { id } "
                                + "for { id givenName } restrictedFor { id } reopenable } }",
                        Map.of(),
                        CASE_ROLES,
                        always(null)));
        ops.put(
                "triageQueue",
                Operation.read(
                        "{ triageQueue(asOf: \"" + asOf + "\") { rank score reasons "
                                + "referral { id about { id } } restrictedPeople { id } } }",
                        Map.of(),
                        CASE_ROLES,
                        always(null)));
        ops.put(
                "overdueActionsConnection",
                Operation.read(
                        "{ overdueActionsConnection(asOf: \"" + asOf + "\") { edges { "
                                + "node { id description owner { id } for { id givenName } restrictedFor { id } } } } }",
                        Map.of(),
                        CASE_ROLES,
                        always(null)));
        ops.put(
                "triageQueueConnection",
                Operation.read(
                        "{ triageQueueConnection(asOf: \"" + asOf + "\") { edges { "
                                + "node { rank score reasons referral { id about { id } } restrictedPeople { id } } } } }",
                        Map.of(),
                        CASE_ROLES,
                        always(null)));
        ops.put(
                "informationRequestsConnection",
                Operation.read(
                        "{ informationRequestsConnection(direction: INCOMING) "
                                + "{ edges { node { id } } } o: informationRequestsConnection(direction: OUTGOING) { edges { node { id } } } }",
                        Map.of(),
                        AGENCY_USERS,
                        always(null)));
        ops.put(
                "informationRequests",
                Operation.read(
                        "{ informationRequests(direction: INCOMING) { id } "
                                + "o: informationRequests(direction: OUTGOING) { id } }",
                        Map.of(),
                        AGENCY_USERS,
                        always(null)));
        ops.put(
                "informationRequestsWaiting",
                Operation.read("{ informationRequestsWaiting }", Map.of(), AGENCY_USERS, always(null)));
        ops.put(
                "requestInformation",
                Operation.read(
                        "mutation($id: ID!) { requestInformation(personId: $id, "
                                + "placeholderId: \"rp-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\", "
                                + "reason: \"matrix check: a placeholder that is none\") { id } }",
                        id,
                        AGENCY_USERS,
                        always("NOT_FOUND")));
        ops.put(
                "answerInformationRequest",
                Operation.read(
                        "mutation { answerInformationRequest(id: \"ir-none\", " + "answer: \"nothing\") { id } }",
                        Map.of(),
                        AGENCY_USERS,
                        always("NOT_FOUND")));
        ops.put(
                "declineInformationRequest",
                Operation.read(
                        "mutation { declineInformationRequest(id: \"ir-none\", "
                                + "reason: \"no such request here\") { id } }",
                        Map.of(),
                        AGENCY_USERS,
                        always("NOT_FOUND")));

        // writes about the subject in the user's own agency's name: done when the user may see the
        // subject, answered as about an unknown id otherwise (they never make a relationship)
        ops.put(
                "recordReferral",
                new Operation(
                        u -> "mutation($r: ReferralInput!) { recordReferral(referral: $r) " + "{ id about { id } } }",
                        u -> Map.of(
                                "r",
                                Map.of(
                                        "about",
                                        subject,
                                        "from",
                                        agencyOf(u),
                                        "receivedAt",
                                        "2018-09-20T09:00:00Z",
                                        "concern",
                                        "OTHER")),
                        CASE_ROLES,
                        about(subject)));
        ops.put(
                "recordAssessment",
                new Operation(
                        u -> "mutation($a: AssessmentInput!) { recordAssessment(assessment: $a) }",
                        u -> Map.of(
                                "a",
                                Map.of("of", subject, "type", "OTHER", "by", agencyOf(u), "startedOn", "2018-09-20")),
                        CASE_ROLES,
                        about(subject)));
        ops.put(
                "recordMarker",
                new Operation(
                        u -> "mutation($m: MarkerInput!) { recordMarker(marker: $m) { id type } }",
                        u -> Map.of(
                                "m",
                                Map.of("type", "OTHER", "on", subject, "from", "2018-09-20", "detail", "Matrix check")),
                        CASE_ROLES,
                        u -> sees(u, subject) ? null : "NOT_FOUND"));
        ops.put(
                "recordStrategyMeeting",
                new Operation(
                        u -> "mutation($m: StrategyMeetingInput!) { " + "recordStrategyMeeting(meeting: $m) { id } }",
                        u -> Map.of(
                                "m",
                                Map.of(
                                        "heldOn",
                                        "2018-09-20",
                                        "concerns",
                                        List.of(subject),
                                        "attendance",
                                        u.agency() == null
                                                ? List.of()
                                                : List.of(Map.of(
                                                        "agency", u.agency(), "invited", true, "attended", true)))),
                        CASE_ROLES,
                        about(subject)));
        // Kyle's siblings' overdue action (owner social care), completed before its meeting: who may
        // know of it gets FORBIDDEN (not the owner) or BAD_REQUEST (the date); nobody changes it
        ops.put(
                "completeAction",
                Operation.read(
                        "mutation { completeAction(actionId: \"ac-kyle-1\", " + "completedOn: \"2018-01-01\") { id } }",
                        Map.of(),
                        CASE_ROLES,
                        u -> !sees(u, "p-lily")
                                ? "NOT_FOUND"
                                : Set.of("admin", "meeting-chair", "social-worker")
                                                .contains(u.username())
                                        ? "BAD_REQUEST"
                                        : "FORBIDDEN"));
        // Gary's RSO marker, ended before it began: NOT_FOUND to whoever may not know of it (exactly
        // as an unknown marker), FORBIDDEN to an agency that did not record it, BAD_REQUEST otherwise
        ops.put(
                "endMarker",
                Operation.read(
                        "mutation { endMarker(markerId: \"m-gary-rso\", on: \"2000-01-01\") { id } " + "}",
                        Map.of(),
                        CASE_ROLES,
                        u -> !sees(u, "p-gary") || !OFFENDER_DETAIL.contains(u.username())
                                ? "NOT_FOUND"
                                : Set.of("admin", "meeting-chair", "police-officer")
                                                .contains(u.username())
                                        ? "BAD_REQUEST"
                                        : "FORBIDDEN"));
        // their undoing, on the same records (neither is completed or ended): exactly the same answers,
        // BAD_REQUEST to whoever may act (there is nothing to undo); nobody changes anything
        ops.put(
                "reopenAction",
                Operation.read(
                        "mutation { reopenAction(actionId: \"ac-kyle-1\") { id } }",
                        Map.of(),
                        CASE_ROLES,
                        u -> !sees(u, "p-lily")
                                ? "NOT_FOUND"
                                : Set.of("admin", "meeting-chair", "social-worker")
                                                .contains(u.username())
                                        ? "BAD_REQUEST"
                                        : "FORBIDDEN"));
        ops.put(
                "reinstateMarker",
                Operation.read(
                        "mutation { reinstateMarker(markerId: \"m-gary-rso\") { id } }",
                        Map.of(),
                        CASE_ROLES,
                        u -> !sees(u, "p-gary") || !OFFENDER_DETAIL.contains(u.username())
                                ? "NOT_FOUND"
                                : Set.of("admin", "meeting-chair", "police-officer")
                                                .contains(u.username())
                                        ? "BAD_REQUEST"
                                        : "FORBIDDEN"));
        var stewards = Set.of("admin", "data-steward");
        ops.put(
                "matchCandidates",
                Operation.read("{ matchCandidates(first: 5) { id score } }", Map.of(), stewards, always(null)));
        ops.put(
                "matchCandidatesConnection",
                Operation.read(
                        "{ matchCandidatesConnection(first: 5) { edges { node { id " + "score } } } }",
                        Map.of(),
                        stewards,
                        always(null)));
        // unknown records and candidates: stewards get NOT_FOUND, nothing is decided or split
        ops.put(
                "sourceRecord",
                Operation.read(
                        "{ sourceRecord(source: \"nowhere\", localId: \"x-1\") " + "{ localId } }",
                        Map.of(),
                        stewards,
                        always("NOT_FOUND")));
        ops.put(
                "linkCheck",
                Operation.read(
                        "{ linkCheck(source: \"nowhere\", localId: \"x-1\", personId: \"p-sara\") { allowed } }",
                        Map.of(),
                        stewards,
                        always("NOT_FOUND")));
        ops.put(
                "decideMatch",
                Operation.read(
                        "mutation { decideMatch(candidateId: \"mc-none\", decision: SAME, "
                                + "note: \"matrix check\") { id } }",
                        Map.of(),
                        stewards,
                        always("NOT_FOUND")));
        ops.put(
                "setAsideVersion",
                Operation.read(
                        "mutation { setAsideVersion(candidateId: \"mc-none\", note: \"matrix check\") { id } }",
                        Map.of(),
                        stewards,
                        always("NOT_FOUND")));
        ops.put(
                "reopenMatch",
                Operation.read(
                        "mutation { reopenMatch(candidateId: \"mc-none\", note: \"matrix check\") { id } }",
                        Map.of(),
                        stewards,
                        always("NOT_FOUND")));
        ops.put(
                "splitRecord",
                Operation.read(
                        "mutation { splitRecord(source: \"nowhere\", localId: \"x-1\", "
                                + "note: \"matrix check\") { localId } }",
                        Map.of(),
                        stewards,
                        always("NOT_FOUND")));
        ops.put(
                "addressRecord",
                Operation.read(
                        "{ addressRecord(source: \"nowhere\", localId: \"x-1\") { localId } }",
                        Map.of(),
                        stewards,
                        always("NOT_FOUND")));
        ops.put(
                "splitAddressRecord",
                Operation.read(
                        "mutation { splitAddressRecord(source: \"nowhere\", localId: \"x-1\", "
                                + "note: \"matrix check\") { localId } }",
                        Map.of(),
                        stewards,
                        always("NOT_FOUND")));
        ops.put(
                "linkRecord",
                Operation.read(
                        "mutation { linkRecord(source: \"nowhere\", localId: \"x-1\", personId: \"p-sara\", "
                                + "note: \"matrix check\") { localId } }",
                        Map.of(),
                        stewards,
                        always("NOT_FOUND")));
        return ops;
    }

    private static String agencyOf(Demo user) {
        return user.agency() == null ? "csc" : user.agency();
    }

    @Test
    void theMatrixCoversEveryQueryAndMutationOfTheSchema() {
        var schema = graphQl.schema();
        var fields = new TreeSet<String>();
        schema.getQueryType().getFieldDefinitions().stream()
                .map(GraphQLFieldDefinition::getName)
                .forEach(fields::add);
        schema.getMutationType().getFieldDefinitions().stream()
                .map(GraphQLFieldDefinition::getName)
                .forEach(fields::add);
        assertThat(new TreeSet<>(operations("p-sara").keySet())).isEqualTo(fields);
    }

    @TestFactory
    @Order(1)
    Stream<DynamicContainer> everyOperationForEveryUserAllowsRefusesAndRedactsAsThePolicySays() {
        return Stream.of("p-sara", "p-kyle", "p-gary")
                .map(subject -> DynamicContainer.dynamicContainer(
                        "about " + subject,
                        operations(subject).entrySet().stream()
                                .map(entry -> DynamicContainer.dynamicContainer(
                                        entry.getKey(),
                                        DemoUsers.ALL.stream()
                                                .map(user -> DynamicTest.dynamicTest(
                                                        user.username(),
                                                        () -> check(
                                                                user, subject, entry.getKey(), entry.getValue())))))));
    }

    /** Runs after the writes of the matrix: recording never made a relationship. */
    @TestFactory
    @Order(2)
    Stream<DynamicTest> needToKnowOnTheScenarioIsExactlyThePolicyTable() {
        return DemoUsers.ALL.stream()
                .map(user -> DynamicTest.dynamicTest(user.username(), () -> {
                    var seen = new TreeSet<String>();
                    for (var id : EVERYONE) {
                        var json = http().graphql(
                                        user.username(),
                                        "query($id: ID!) { person(id: $id) { id } }",
                                        Map.of("id", id));
                        if (json.get("errors") == null) {
                            seen.add(id);
                        } else {
                            var expected = user.role() == Role.AUDITOR || user.role() == Role.DATA_STEWARD
                                    ? "FORBIDDEN"
                                    : "NOT_FOUND";
                            assertThat(classification(json))
                                    .as("%s asking for %s", user.username(), id)
                                    .isEqualTo(expected);
                        }
                    }
                    assertThat(seen)
                            .as("people %s sees", user.username())
                            .isEqualTo(new TreeSet<>(SEES.get(user.username())));
                }));
    }

    private void check(Demo user, String subject, String operation, Operation op) {
        var name = user.username();
        var deniedBefore = denials(name, operation);
        var json =
                http().graphql(name, op.document().apply(user), op.variables().apply(user));
        var what = name + " calling " + operation + " about " + subject;
        if (!op.callers().contains(name)) {
            assertThat(classification(json)).as(what).isEqualTo("FORBIDDEN");
            // a refusal is a denial: on record before the answer left (DESIGN §7)
            assertThat(denials(name, operation)).as(what + ": DENIED events").isGreaterThan(deniedBefore);
            assertThat(json.get("data") == null
                            || json.get("data").isNull()
                            || json.get("data").get(operation) == null
                            || json.get("data").get(operation).isNull())
                    .as(what)
                    .isTrue();
            return;
        }
        var expected = op.expected().apply(user);
        if (expected != null) {
            assertThat(classification(json)).as(what + ": " + json).isEqualTo(expected);
            if ("NOT_FOUND".equals(expected)) {
                // nothing in a refusal tells a hidden record from an unknown one
                assertThat(json.get("errors").get(0).get("message").asString())
                        .as(what)
                        .matches(
                                "No (person|person or address|marker|action|information request|break-glass grant|meeting|meeting snapshot|source record|address record|match candidate) with id '[^']+'");
            }
            return;
        }
        assertThat(json.get("errors")).as(what + ": " + json).isNull();
        assertRedacted(name, what, json);
    }

    @Test
    void healthDetailReachesExactlyTheAgenciesThePolicyNames() {
        for (var user : DemoUsers.ALL) {
            var name = user.username();
            if (!SEES.get(name).contains("p-sara")) {
                continue;
            }
            var json = http().graphql(
                            name,
                            operations("p-sara")
                                    .get("agencyInvolvement")
                                    .document()
                                    .apply(user),
                            Map.of("id", "p-sara"))
                    .toString();
            // the school nurse's involvement is always there: health is involved
            assertThat(json).as(name).contains("\"health\"");
            assertThat(json.contains("Helen Clarke"))
                    .as("%s sees the school nurse's name", name)
                    .isEqualTo(HEALTH_DETAIL.contains(name));
        }
    }

    /**
     * An answer names only people the user may see: no id, and no name in any text (sentences,
     * labels, reasons) of anyone else; health and offender detail only to those the policy names.
     */
    private static void assertRedacted(String user, String what, JsonNode json) {
        var text = json.toString();
        var matcher = PERSON_ID.matcher(text);
        while (matcher.find()) {
            assertThat(SEES.get(user))
                    .as("%s: %s in the answer", what, matcher.group(1))
                    .contains(matcher.group(1));
        }
        NAMES.forEach((id, fullName) -> {
            if (!SEES.get(user).contains(id)) {
                assertThat(text)
                        .as("%s names %s", what, id)
                        .doesNotContain(fullName)
                        .doesNotContain(fullName.substring(0, fullName.indexOf(' ')) + "\"");
            }
        });
        if (!HEALTH_DETAIL.contains(user)) {
            assertThat(text).as(what).doesNotContain(HEALTH_STRINGS);
        }
        if (!OFFENDER_DETAIL.contains(user)) {
            assertThat(text).as(what).doesNotContain(OFFENDER_STRINGS);
        }
    }

    private long denials(String user, String operation) {
        return count(
                "MATCH (e:AuditEvent {user: $user, operation: $operation, outcome: 'DENIED'}) RETURN count(e)",
                Map.of("user", user, "operation", operation));
    }

    private static String classification(JsonNode json) {
        var errors = json.get("errors");
        assertThat(errors).as("errors in %s", json).isNotNull();
        return errors.get(0).get("extensions").get("classification").asString();
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        var all = new HashSet<String>();
        for (var s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
