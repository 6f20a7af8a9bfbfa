package uk.safeguarding.explorer.risk;

import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;
import uk.safeguarding.explorer.cypher.CypherStatements;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * The Cypher of recording (risk/record-target and the statements that complete,
 * reopen, end and reinstate): rows as the statements return them, no decisions; {@link
 * RecordingService} decides who may record what. New records are written by the import's writer.
 */
@Repository
class RecordingRepository {

    private final Graph graph;

    RecordingRepository(Graph graph) {
        this.graph = graph;
    }

    /** Whether an id is a person's, an address's (with who lives or lived there), or neither. */
    Record recordTarget(String id) {
        return graph.read("risk/record-target", Map.of("id", id), r -> r).get(0);
    }

    /**
     * Runs one of the risk statements that change a record, in one write transaction; false when it
     * changed nothing (its record no longer in the state the statement requires).
     */
    boolean change(String statement, Map<String, Object> parameters) {
        return graph.inWriteTransaction(tx -> tx.run(CypherStatements.named(statement), parameters)
                .consume()
                .counters()
                .containsUpdates());
    }
}
