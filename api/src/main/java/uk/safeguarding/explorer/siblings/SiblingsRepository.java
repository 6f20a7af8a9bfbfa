package uk.safeguarding.explorer.siblings;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;

import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.neo4j.Graph;

/** Runs the named queries behind siblingsAtRisk; access is through {@link SiblingsService}. */
@Repository
class SiblingsRepository {

    private final Graph graph;

    SiblingsRepository(Graph graph) {
        this.graph = graph;
    }

    /** Runs the work in one read transaction. */
    <T> T inOneTransaction(java.util.function.Function<TransactionContext, T> work) {
        return graph.inReadTransaction(work);
    }

    /** One row per subject found (unknown ids give none). */
    List<Record> subjects(TransactionContext tx, Collection<String> ids, LocalDate asOf) {
        return Graph.read(tx, "queries/siblings-at-risk", Map.of("ids", List.copyOf(ids), "asOf", asOf), r -> r);
    }

    List<Record> children(TransactionContext tx, Collection<String> ids, LocalDate asOf) {
        return Graph.read(tx, "queries/children-context", Map.of("ids", List.copyOf(ids), "asOf", asOf), r -> r);
    }

    List<Record> partnerships(TransactionContext tx, Collection<String> ids) {
        return Graph.read(tx, "queries/partnerships-among", Map.of("ids", List.copyOf(ids)), r -> r);
    }

    List<PersonView> people(TransactionContext tx, Collection<String> ids) {
        return Graph.read(tx, "queries/people-by-id", Map.of("ids", List.copyOf(ids)), r -> PersonView.from(r.get("p")));
    }

    List<Record> addresses(TransactionContext tx, Collection<String> ids) {
        return Graph.read(tx, "queries/addresses-by-id", Map.of("ids", List.copyOf(ids)), r -> r);
    }
}
