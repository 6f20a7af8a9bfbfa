package uk.safeguarding.explorer.neo4j;

import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.summary.ResultSummary;

/**
 * How many nodes and relationships a series of writes created, from their summaries: tells an
 * import that stored something new from a re-import that changed nothing (records MERGE on their
 * keys, so the second import of a bundle creates nothing).
 */
public final class CreatedTally {

    private final AtomicLong nodes = new AtomicLong();
    private final AtomicLong relationships = new AtomicLong();

    /** Adds what one statement created; answers its summary. */
    public ResultSummary add(ResultSummary summary) {
        var counters = summary.counters();
        nodes.addAndGet(counters.nodesCreated());
        relationships.addAndGet(counters.relationshipsCreated());
        return summary;
    }

    public long nodes() {
        return nodes.get();
    }

    public long relationships() {
        return relationships.get();
    }
}
