package uk.safeguarding.explorer.siblings;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.graph.Views.AddressView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.model.SiblingKinds.Partnership;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * The reads behind siblingsAtRisk, all in the one transaction the service opens: the subjects'
 * rows, and the children, partnerships, people and addresses they lead to, each keyed by id or
 * turned into the projection the rules take, with no query run for no ids. Access is through
 * {@link SiblingsService}, which decides.
 */
@Repository
class SiblingsRepository {

    private final Graph graph;

    SiblingsRepository(Graph graph) {
        this.graph = graph;
    }

    /** Runs the work in one read transaction. */
    <T> T inOneTransaction(Function<TransactionContext, T> work) {
        return graph.inReadTransaction(work);
    }

    /** One row per subject found (unknown ids give none). */
    List<Record> subjects(TransactionContext tx, Collection<String> ids, LocalDate asOf) {
        return Graph.read(tx, "queries/siblings-at-risk", Map.of("ids", List.copyOf(ids), "asOf", asOf), r -> r);
    }

    /** The context rows of the candidate children (the child {@code c}, their parents, ...), by child id. */
    Map<String, Record> children(TransactionContext tx, Collection<String> ids, LocalDate asOf) {
        var byId = new HashMap<String, Record>();
        if (!ids.isEmpty()) {
            Graph.read(tx, "queries/children-context", Map.of("ids", List.copyOf(ids), "asOf", asOf), r -> r)
                    .forEach(r -> byId.put(r.get("c").get("id").asString(), r));
        }
        return byId;
    }

    /** The partnerships among the people (none can be among fewer than two). */
    List<Partnership> partnerships(TransactionContext tx, Collection<String> ids) {
        return ids.size() < 2
                ? List.of()
                : Graph.read(
                        tx,
                        "queries/partnerships-among",
                        Map.of("ids", List.copyOf(ids)),
                        r -> new Partnership(r.get("a").asString(), r.get("b").asString(), Views.date(r, "from")));
    }

    /** The people, by id. */
    Map<String, PersonView> people(TransactionContext tx, Collection<String> ids) {
        var byId = new HashMap<String, PersonView>();
        if (!ids.isEmpty()) {
            Graph.read(tx, "queries/people-by-id", Map.of("ids", List.copyOf(ids)), r -> PersonView.from(r.get("p")))
                    .forEach(p -> byId.put(p.id(), p));
        }
        return byId;
    }

    /** The addresses, by id. */
    Map<String, AddressView> addresses(TransactionContext tx, Collection<String> ids) {
        var byId = new HashMap<String, AddressView>();
        if (!ids.isEmpty()) {
            Graph.read(
                            tx,
                            "queries/addresses-by-id",
                            Map.of("ids", List.copyOf(ids)),
                            r -> AddressView.from(r.get("a")))
                    .forEach(a -> byId.put(a.id(), a));
        }
        return byId;
    }
}
