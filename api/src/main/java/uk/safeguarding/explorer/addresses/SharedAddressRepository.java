package uk.safeguarding.explorer.addresses;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * The Cypher of sharedAddresses (queries/person, queries/shared-addresses): one row an address with
 * the subject's period there, its markers and everyone else who lived there; access is through
 * {@link SharedAddressService}.
 */
@Repository
public class SharedAddressRepository {

    private final Graph graph;

    public SharedAddressRepository(Graph graph) {
        this.graph = graph;
    }

    /** The person's addresses, in one read with the check that they exist; empty when they do not. */
    public Optional<List<Record>> sharedAddresses(String personId, LocalDate asOf, boolean includeHistoric) {
        return graph.inReadTransaction(tx -> Graph.read(tx, "queries/person", Map.of("id", personId), r -> true)
                        .isEmpty()
                ? Optional.empty()
                : Optional.of(Graph.read(
                        tx,
                        "queries/shared-addresses",
                        Map.of("id", personId, "asOf", asOf, "includeHistoric", includeHistoric),
                        r -> r)));
    }
}
