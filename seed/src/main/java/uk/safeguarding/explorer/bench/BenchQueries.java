package uk.safeguarding.explorer.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

import uk.safeguarding.explorer.cypher.CypherStatements;

/**
 * The named queries as the benchmark runs them: the raw Cypher (the same .cypher files, in the
 * same sequence the service runs them, inside one read transaction) and the GraphQL document that
 * asks for the same answer over HTTP.
 */
final class BenchQueries {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    /** A subject and another person a few links away (for connection). */
    record Subject(String id, String other) {
    }

    /** Runs the raw Cypher for a subject. */
    interface Raw {
        void run(TransactionContext tx, Subject subject);
    }

    /** One named query. */
    record Query(String name, Raw cypher, String graphql, java.util.function.Function<Subject, Map<String, Object>> vars) {

        Map<String, Object> variables(Subject subject) {
            return vars.apply(subject);
        }
    }

    private BenchQueries() {
    }

    private static String q(String name) {
        return CypherStatements.named("queries/" + name);
    }

    static List<Query> all() {
        var asOf = AS_OF.toString();
        return List.of(
                new Query("siblingsAtRisk", BenchQueries::siblings, """
                        query($id: ID!, $asOf: Date) { siblingsAtRisk(personId: $id, asOf: $asOf) {
                          child { id givenName familyName dateOfBirth } links { kind via { id } address { id } from to }
                          assessed latestAssessmentOn onProtectionPlan agencies { id name } } }""",
                        s -> Map.of("id", s.id(), "asOf", asOf)),
                new Query("sharedAddresses", (tx, s) -> tx.run(q("shared-addresses"),
                        Map.of("id", s.id(), "asOf", AS_OF, "includeHistoric", true)).consume(), """
                        query($id: ID!, $asOf: Date) { sharedAddresses(personId: $id, asOf: $asOf) {
                          address { id line1 postcode } from to current markers { id type }
                          coResidents { person { id givenName familyName } from to } } }""",
                        s -> Map.of("id", s.id(), "asOf", asOf)),
                new Query("agencyInvolvement", BenchQueries::involvement, """
                        query($id: ID!, $asOf: Date) { agencyInvolvement(personId: $id, scope: FAMILY, asOf: $asOf) {
                          people { person { id } involvements { agency { id type } professional { id name } role from to
                          lastContactOn } } gaps { person { id } agencyType rule reason } } }""",
                        s -> Map.of("id", s.id(), "asOf", asOf)),
                new Query("network", BenchQueries::network, """
                        query($id: ID!, $asOf: Date) { network(personId: $id, depth: 2, asOf: $asOf, first: 500) {
                          truncated nodes { key id kind label child sex age markers { type } depth subject }
                          edges { key type source target kind from to current derived } } }""",
                        s -> Map.of("id", s.id(), "asOf", asOf)),
                new Query("connection", (tx, s) -> tx.run(q("connection"), Map.of("fromId", s.id(), "toId", s.other(),
                        "maxHops", 4, "asOf", AS_OF, "limit", 25)).consume(), """
                        query($id: ID!, $other: ID!, $asOf: Date) { connection(fromId: $id, toId: $other, maxHops: 4,
                          asOf: $asOf) { length nodes { key label } edges { key type source target } } }""",
                        s -> Map.of("id", s.id(), "other", s.other(), "asOf", asOf)));
    }

    private static void siblings(TransactionContext tx, Subject subject) {
        var rows = tx.run(q("siblings-at-risk"), Map.of("ids", List.of(subject.id()), "asOf", AS_OF)).list();
        if (rows.isEmpty()) {
            return;
        }
        var row = rows.get(0);
        var ids = new LinkedHashSet<String>();
        for (var list : List.of("viaParents", "viaParentPartners", "children")) {
            ids.addAll(row.get(list).asList(Value::asString));
        }
        for (var list : List.of("explicitSiblings", "stepchildren", "coResidence", "contacts")) {
            row.get(list).asList(v -> v.get("id").asString()).forEach(ids::add);
        }
        ids.remove(subject.id());
        if (!ids.isEmpty()) {
            var children = tx.run(q("children-context"), Map.of("ids", List.copyOf(ids), "asOf", AS_OF)).list();
            Set<String> parents = new HashSet<>();
            children.forEach(c -> c.get("parents").asList(v -> v.get("id").asString()).forEach(parents::add));
            if (parents.size() > 1) {
                tx.run(q("partnerships-among"), Map.of("ids", List.copyOf(parents))).consume();
            }
        }
    }

    private static void involvement(TransactionContext tx, Subject subject) {
        var ids = tx.run(q("family-circle"), Map.of("id", subject.id(), "scope", "FAMILY", "asOf", AS_OF))
                .list(r -> r.get("id").asString());
        tx.run(q("involvement-context"), Map.of("ids", ids, "asOf", AS_OF)).consume();
    }

    private static void network(TransactionContext tx, Subject subject) {
        List<String> people = List.of(subject.id());
        List<String> addresses = List.of();
        var allPeople = new LinkedHashSet<>(people);
        var allAddresses = new LinkedHashSet<String>();
        var professionals = new LinkedHashSet<String>();
        for (int depth = 1; depth <= 2; depth++) {
            var rows = tx.run(q("network-hop"), Map.of("people", people, "addresses", addresses, "asOf", AS_OF,
                    "limit", 10_000)).list();
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
        tx.run(q("network-details"), Map.of("people", List.copyOf(allPeople), "addresses", List.copyOf(allAddresses),
                "professionals", List.copyOf(professionals), "asOf", AS_OF)).consume();
    }
}
