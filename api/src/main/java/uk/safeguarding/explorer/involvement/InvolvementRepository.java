package uk.safeguarding.explorer.involvement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;
import uk.safeguarding.explorer.involvement.AgencyInvolvement.Scope;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * The Cypher of agencyInvolvement (queries/family-circle, queries/involvement-context); access is
 * through {@link InvolvementService}.
 */
@Repository
public class InvolvementRepository {

    private final Graph graph;

    public InvolvementRepository(Graph graph) {
        this.graph = graph;
    }

    /**
     * One row for each person of the circle around the person on the day (the scope says which), with
     * their agencies' involvement, in one read; empty when there is no such person.
     */
    public Optional<List<Record>> involvement(String personId, Scope scope, LocalDate asOf) {
        return involvement(personId, scope, asOf, Set.of());
    }

    /** The same without the people given, nor anyone taken in only through them (their households). */
    public Optional<List<Record>> involvement(String personId, Scope scope, LocalDate asOf, Set<String> excluded) {
        return graph.inReadTransaction(tx -> {
            var ids = Graph.read(
                    tx,
                    "queries/family-circle",
                    Map.of("id", personId, "scope", scope.name(), "asOf", asOf, "excluded", List.copyOf(excluded)),
                    r -> r.get("id").asString());
            return ids.isEmpty()
                    ? Optional.empty()
                    : Optional.of(
                            Graph.read(tx, "queries/involvement-context", Map.of("ids", ids, "asOf", asOf), r -> r));
        });
    }
}
