package uk.safeguarding.explorer.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.TransactionContext;
import uk.safeguarding.explorer.cypher.CypherStatements;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.risk.RiskSettings;
import uk.safeguarding.explorer.risk.rules.RiskRules;
import uk.safeguarding.explorer.siblings.SiblingsService;

/**
 * The named queries as the benchmark runs them: the raw side (the application's own rules and
 * siblings code where it can run without need-to-know; otherwise the same .cypher files in the same
 * sequence the service runs them, inside one read transaction) and the GraphQL document that asks
 * for the same answer over HTTP as a signed-in user.
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
    record App(Graph graph, RiskRules rules, SiblingsService siblings) {

        static App over(Graph graph) {
            var siblings = SiblingsService.forTools(graph);
            return new App(graph, RiskRules.standalone(graph, RiskSettings.defaults(), siblings), siblings);
        }
    }

    /** Runs the raw side of a query for a subject. */
    interface Raw {
        void run(App app, Subject subject);
    }

    /** Raw Cypher in one read transaction. */
    interface InTransaction {
        void run(TransactionContext tx, Subject subject);
    }

    private static Raw inOneRead(InTransaction work) {
        return (app, subject) -> app.graph().inReadTransaction(tx -> {
            work.run(tx, subject);
            return null;
        });
    }

    /** One named query. */
    record Query(String name, Raw cypher, String graphql, Function<Subject, Map<String, Object>> vars) {

        Map<String, Object> variables(Subject subject) {
            return vars.apply(subject);
        }
    }

    private BenchQueries() {}

    private static String q(String name) {
        return CypherStatements.named("queries/" + name);
    }

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
                        inOneRead((tx, s) -> tx.run(
                                        q("shared-addresses"),
                                        Map.of("id", s.id(), "asOf", AS_OF, "includeHistoric", true))
                                .consume()),
                        """
                        query($id: ID!, $asOf: Date) { sharedAddresses(personId: $id, asOf: $asOf) {
                          address { id line1 postcode } from to current markers { id type }
                          coResidents { person { id givenName familyName } from to } } }""",
                        s -> Map.of("id", s.id(), "asOf", asOf)),
                new Query(
                        "agencyInvolvement",
                        inOneRead(BenchQueries::involvement),
                        """
                        query($id: ID!, $asOf: Date) { agencyInvolvement(personId: $id, scope: FAMILY, asOf: $asOf) {
                          people { person { id } involvements { agency { id type } professional { id name } role from to
                          lastContactOn } } gaps { person { id } agencyType rule reason } } }""",
                        s -> Map.of("id", s.id(), "asOf", asOf)),
                new Query(
                        "network",
                        inOneRead((tx, s) -> network(tx, s.id())),
                        """
                        query($id: ID!, $asOf: Date) { network(personId: $id, depth: 2, asOf: $asOf, first: 500) {
                          truncated nodes { key id kind label child sex age markers { type } depth subject }
                          edges { key type source target kind from to current derived } } }""",
                        s -> Map.of("id", s.id(), "asOf", asOf)),
                new Query(
                        "connection",
                        inOneRead((tx, s) -> tx.run(
                                        q("connection"),
                                        Map.of(
                                                "fromId", s.id(), "toId", s.other(), "maxHops", 4, "asOf", AS_OF,
                                                "limit", 25))
                                .consume()),
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
                        inOneRead((tx, s) -> {
                            tx.run(q("person"), Map.of("id", s.id())).consume();
                            tx.run(q("markers-of-people"), Map.of("ids", List.of(s.id()), "asOf", AS_OF))
                                    .consume();
                        }),
                        """
                        query($id: ID!, $asOf: Date) { person(id: $id) { id givenName familyName dateOfBirth sex
                          age(asOf: $asOf) child(asOf: $asOf) markers(asOf: $asOf) { id type from to } } }""",
                        s -> Map.of("id", s.id(), "asOf", asOf)));
    }

    private static void involvement(TransactionContext tx, Subject subject) {
        var ids = tx.run(q("family-circle"), Map.of("id", subject.id(), "scope", "FAMILY", "asOf", AS_OF))
                .list(r -> r.get("id").asString());
        tx.run(q("involvement-context"), Map.of("ids", ids, "asOf", AS_OF)).consume();
    }

    /**
     * The network's hops and details as NetworkService reads them (depth 2, at most 500 people);
     * returns the people of the network.
     */
    static List<String> network(TransactionContext tx, String subjectId) {
        List<String> people = List.of(subjectId);
        List<String> addresses = List.of();
        var allPeople = new LinkedHashSet<>(people);
        var allAddresses = new LinkedHashSet<String>();
        var professionals = new LinkedHashSet<String>();
        for (int depth = 1; depth <= 2; depth++) {
            var rows = tx.run(
                            q("network-hop"),
                            Map.of("people", people, "addresses", addresses, "asOf", AS_OF, "limit", 10_000))
                    .list();
            var nextPeople = new ArrayList<String>();
            var nextAddresses = new ArrayList<String>();
            for (var r : rows) {
                var id = r.get("y").get("id").asString();
                switch (r.get("yLabel").asString()) {
                    case "Person" -> {
                        if (allPeople.size() < 500 && allPeople.add(id)) {
                            nextPeople.add(id);
                        }
                    }
                    case "Address" -> {
                        if (allAddresses.add(id)) {
                            nextAddresses.add(id);
                        }
                    }
                    default -> professionals.add(id);
                }
            }
            people = nextPeople;
            addresses = nextAddresses;
        }
        tx.run(
                        q("network-details"),
                        Map.of(
                                "people",
                                List.copyOf(allPeople),
                                "addresses",
                                List.copyOf(allAddresses),
                                "professionals",
                                List.copyOf(professionals),
                                "asOf",
                                AS_OF))
                .consume();
        return List.copyOf(allPeople);
    }
}
