package uk.safeguarding.explorer.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import uk.safeguarding.explorer.addresses.SharedAddressRepository;
import uk.safeguarding.explorer.involvement.AgencyInvolvement.Scope;
import uk.safeguarding.explorer.involvement.InvolvementRepository;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.network.Network;
import uk.safeguarding.explorer.network.NetworkRepository;
import uk.safeguarding.explorer.person.PersonRepository;
import uk.safeguarding.explorer.risk.RiskSettings;
import uk.safeguarding.explorer.risk.rules.RiskRules;
import uk.safeguarding.explorer.security.RedactionPolicy;
import uk.safeguarding.explorer.siblings.SiblingsService;

/**
 * The named queries as the benchmark runs them: the raw side (the application's own code that reads
 * before need-to-know and audit: the risk rules, the siblings service, and the repositories of
 * shared addresses, involvement, network and connection, and person, so that the raw side runs the
 * services' own statements in their own sequence) and the GraphQL document that asks for the same
 * answer over HTTP as a signed-in user.
 */
final class BenchQueries {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    /**
     * A subject, another person a few links away (for connection) and the people of the subject's
     * depth-2 network (whose flags the explorer asks for when it shows the network).
     */
    record Subject(String id, String other, List<String> network) {}

    /**
     * What the raw side runs with: the graph over the runner's own driver, and the application's own
     * code where a service's raw answer can be asked for without need-to-know and audit (the risk
     * rules, siblingsAtRisk), so that the raw side runs the same statements in the same sequence.
     */
    record App(
            Graph graph,
            RiskRules rules,
            SiblingsService siblings,
            NetworkRepository networks,
            SharedAddressRepository addresses,
            InvolvementRepository involvement,
            PersonRepository people) {

        static App over(Graph graph) {
            var siblings = SiblingsService.forTools(graph);
            return new App(
                    graph,
                    RiskRules.standalone(graph, RiskSettings.defaults(), siblings),
                    siblings,
                    new NetworkRepository(graph),
                    new SharedAddressRepository(graph),
                    new InvolvementRepository(graph),
                    new PersonRepository(graph));
        }

        /** The network of depth 2 (at most 500 nodes) as NetworkService reads it, before need-to-know. */
        Network network(String subjectId) {
            return networks.network(subjectId, 2, AS_OF, 500, OFFENDER_TYPES);
        }
    }

    /** Who carries one of these markers is an offender (the default redaction policy's types). */
    private static final Set<String> OFFENDER_TYPES =
            RedactionPolicy.defaults().offender().markerTypes();

    /** Runs the raw side of a query for a subject. */
    interface Raw {
        void run(App app, Subject subject);
    }

    /** One named query. */
    record Query(String name, Raw cypher, String graphql, Function<Subject, Map<String, Object>> vars) {

        Map<String, Object> variables(Subject subject) {
            return vars.apply(subject);
        }
    }

    private BenchQueries() {}

    static List<Query> all() {
        var asOf = AS_OF.toString();
        return List.of(
                new Query(
                        "siblingsAtRisk",
                        (app, s) -> app.graph()
                                .inReadTransaction(tx -> app.siblings().withoutNeedToKnow(tx, List.of(s.id()), AS_OF)),
                        """
                        query($id: ID!, $asOf: Date) { siblingsAtRisk(personId: $id, asOf: $asOf) {
                          child { id givenName familyName dateOfBirth } links { kind via { id } address { id } from to }
                          assessed latestAssessmentOn onProtectionPlan agencies { id name } } }""",
                        s -> Map.of("id", s.id(), "asOf", asOf)),
                new Query(
                        "sharedAddresses",
                        (app, s) -> app.addresses().sharedAddresses(s.id(), AS_OF, true),
                        """
                        query($id: ID!, $asOf: Date) { sharedAddresses(personId: $id, asOf: $asOf) {
                          address { id line1 postcode } from to current markers { id type }
                          coResidents { person { id givenName familyName } from to } } }""",
                        s -> Map.of("id", s.id(), "asOf", asOf)),
                new Query(
                        "agencyInvolvement",
                        (app, s) -> app.involvement().involvement(s.id(), Scope.FAMILY, AS_OF),
                        """
                        query($id: ID!, $asOf: Date) { agencyInvolvement(personId: $id, scope: FAMILY, asOf: $asOf) {
                          people { person { id } involvements { agency { id type } professional { id name } role from to
                          lastContactOn } } gaps { person { id } agencyType rule reason } } }""",
                        s -> Map.of("id", s.id(), "asOf", asOf)),
                new Query("network", (app, s) -> app.network(s.id()), """
                        query($id: ID!, $asOf: Date) { network(personId: $id, depth: 2, asOf: $asOf, first: 500) {
                          truncated nodes { key id kind label child sex age markers { type } depth subject }
                          edges { key type source target kind from to current derived } } }""", s -> Map.of("id", s.id(), "asOf", asOf)),
                new Query(
                        "connection",
                        (app, s) -> app.networks().connection(s.id(), s.other(), 4, AS_OF, 25, OFFENDER_TYPES),
                        """
                        query($id: ID!, $other: ID!, $asOf: Date) { connection(fromId: $id, toId: $other, maxHops: 4,
                          asOf: $asOf) { length nodes { key label } edges { key type source target } } }""",
                        s -> Map.of("id", s.id(), "other", s.other(), "asOf", asOf)),
                new Query(
                        "riskFlags",
                        (app, s) -> app.rules().evaluate(AS_OF, null, s.network()),
                        """
                        query($ids: [ID!], $asOf: Date) { riskFlags(personIds: $ids, asOf: $asOf) {
                          rule code severity subjectId subjectKind summary evidence people } }""",
                        s -> Map.of("ids", s.network(), "asOf", asOf)),
                new Query(
                        "person",
                        (app, s) -> {
                            app.people().findById(s.id());
                            app.people().markers(List.of(s.id()), AS_OF);
                        },
                        """
                        query($id: ID!, $asOf: Date) { person(id: $id) { id givenName familyName dateOfBirth sex
                          age(asOf: $asOf) child(asOf: $asOf) markers(asOf: $asOf) { id type from to } } }""",
                        s -> Map.of("id", s.id(), "asOf", asOf)));
    }
}
