package uk.safeguarding.explorer.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;
import uk.safeguarding.explorer.graph.Views.AddressView;
import uk.safeguarding.explorer.graph.Views.MarkerView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.Parameters;

/** Reads people with the named queries; access is through {@link PersonService}. */
@Repository
public class PersonRepository {

    /** A person's markers on a day, and the types of every marker they ever carried. */
    public record Markers(List<MarkerView> markers, Set<String> everCarried) {}

    private final Graph graph;

    public PersonRepository(Graph graph) {
        this.graph = graph;
    }

    public Optional<PersonView> findById(String id) {
        return graph.read("queries/person", Map.of("id", id), r -> PersonView.from(r.get("p"))).stream()
                .findFirst();
    }

    List<PersonView> search(String lucene, String nhsNumber, List<String> pncIds, int first) {
        var parameters = Parameters.with("lucene", lucene)
                .and("nhsNumber", nhsNumber)
                .and("pncIds", pncIds)
                .and("first", first);
        return graph.read("queries/search-people", parameters, r -> PersonView.from(r.get("p")));
    }

    public Map<String, Markers> markers(Collection<String> ids, LocalDate asOf) {
        var result = new LinkedHashMap<String, Markers>();
        ids.forEach(id -> result.put(id, new Markers(new ArrayList<>(), new HashSet<>())));
        graph.read("queries/markers-of-people", Map.of("ids", List.copyOf(ids), "asOf", asOf), r -> r)
                .forEach(r -> {
                    var entry = result.get(r.get("id").asString());
                    entry.markers()
                            .add(
                                    r.get("a").isNull()
                                            ? MarkerView.from(r.get("m"))
                                            : MarkerView.from(r.get("m")).at(AddressView.from(r.get("a"))));
                    entry.everCarried().addAll(r.get("everCarried").asList(Value::asString));
                });
        return result;
    }

    Map<String, AddressView> currentAddresses(Collection<String> ids, LocalDate asOf) {
        var result = new LinkedHashMap<String, AddressView>();
        graph.read(
                        "queries/current-addresses",
                        Map.of("ids", List.copyOf(ids), "asOf", asOf),
                        r -> Map.entry(r.get("id").asString(), AddressView.from(r.get("a"))))
                .forEach(e -> result.putIfAbsent(e.getKey(), e.getValue()));
        return result;
    }
}
