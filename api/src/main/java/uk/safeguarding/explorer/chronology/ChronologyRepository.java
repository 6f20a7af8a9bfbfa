package uk.safeguarding.explorer.chronology;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.Parameters;

/** The Cypher of the chronology (queries/person, queries/chronology); access is through {@link ChronologyService}. */
@Repository
class ChronologyRepository {

    private final Graph graph;

    ChronologyRepository(Graph graph) {
        this.graph = graph;
    }

    /** Every dated entry about the person, in one read with the check that they exist; empty when they do not. */
    Optional<List<Record>> chronology(String personId) {
        var parameters = Parameters.with("id", personId).and("from", null).and("to", null);
        return graph.inReadTransaction(tx -> Graph.read(tx, "queries/person", Map.of("id", personId), r -> true)
                        .isEmpty()
                ? Optional.empty()
                : Optional.of(Graph.read(tx, "queries/chronology", parameters, r -> r)));
    }
}
