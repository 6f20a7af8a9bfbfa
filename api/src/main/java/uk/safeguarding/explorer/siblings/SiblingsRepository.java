package uk.safeguarding.explorer.siblings;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
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

    Optional<Record> subject(String id, LocalDate asOf) {
        return graph.read("queries/siblings-at-risk", Map.of("id", id, "asOf", asOf), r -> r).stream().findFirst();
    }

    List<Record> children(Collection<String> ids, LocalDate asOf) {
        return graph.read("queries/children-context", Map.of("ids", List.copyOf(ids), "asOf", asOf), r -> r);
    }

    List<Record> partnerships(Collection<String> ids) {
        return graph.read("queries/partnerships-among", Map.of("ids", List.copyOf(ids)), r -> r);
    }

    List<PersonView> people(Collection<String> ids) {
        return graph.read("queries/people-by-id", Map.of("ids", List.copyOf(ids)), r -> PersonView.from(r.get("p")));
    }

    List<Record> addresses(Collection<String> ids) {
        return graph.read("queries/addresses-by-id", Map.of("ids", List.copyOf(ids)), r -> r);
    }
}
