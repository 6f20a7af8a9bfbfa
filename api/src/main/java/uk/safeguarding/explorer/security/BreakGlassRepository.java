package uk.safeguarding.explorer.security;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.Parameters;

/**
 * The Cypher of break-glass grants (breakglass/create, breakglass/review, breakglass/grants, and
 * queries/person for a grant on a person named by id): rows with the grant {@code g}, its
 * {@code review} and its {@code uses}; access is through {@link BreakGlassService}.
 */
@Repository
class BreakGlassRepository {

    private final Graph graph;

    BreakGlassRepository(Graph graph) {
        this.graph = graph;
    }

    boolean personExists(String personId) {
        return !graph.read("queries/person", Map.of("id", personId), r -> true).isEmpty();
    }

    /** Writes the grant (its properties as given) and answers its row. */
    Record create(Map<String, Object> grant) {
        return graph.inWriteTransaction(tx -> Graph.read(tx, "breakglass/create", Map.of("grant", grant), r -> r))
                .get(0);
    }

    /** Adds the review to the grant; empty when the grant has a review already. */
    Optional<Record> review(String grantId, Map<String, Object> review) {
        return graph
                .inWriteTransaction(
                        tx -> Graph.read(tx, "breakglass/review", Map.of("id", grantId, "review", review), r -> r))
                .stream()
                .findFirst();
    }

    /**
     * Grants of a user and agency, or reviewed or not, or one by id (null: any), at most
     * {@code first}; a grant is running when its {@code until} is after {@code now}.
     */
    List<Record> grants(String user, String agency, Boolean reviewed, String id, ZonedDateTime now, int first) {
        var parameters = Parameters.with("user", user)
                .and("agency", agency)
                .and("reviewed", reviewed)
                .and("id", id)
                .and("now", now)
                .and("first", first);
        return graph.read("breakglass/grants", parameters, r -> r);
    }
}
