package uk.safeguarding.explorer.information;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.Parameters;

/** Reads and writes information requests with the {@code information/*.cypher} statements. */
@Repository
class InformationRequestRepository {

    private final Graph graph;

    InformationRequestRepository(Graph graph) {
        this.graph = graph;
    }

    /**
     * Creates the request to the holders, unless the agency has one about the person open to any of
     * them (checked under the holders' locks): empty then.
     */
    Optional<Record> create(Map<String, Object> request, List<String> holders) {
        var sorted = holders.stream().sorted().toList();
        return graph
                .inWriteTransaction(tx ->
                        Graph.read(tx, "information/create", Map.of("request", request, "holders", sorted), r -> r))
                .stream()
                .findFirst();
    }

    /** The open request the agency already addressed to one of the holders about the person, if any. */
    Optional<Record> openAlready(String fromAgency, String subjectId, List<String> holders) {
        return graph
                .read(
                        "information/open-already",
                        Map.of("fromAgency", fromAgency, "subjectId", subjectId, "holders", holders),
                        r -> r)
                .stream()
                .findFirst();
    }

    List<Record> incoming(String agency, String status, int first) {
        return list("information/incoming", agency, status, first);
    }

    List<Record> outgoing(String agency, String status, int first) {
        return list("information/outgoing", agency, status, first);
    }

    /** How many requests addressed to the agency wait for its reply. */
    int waiting(String agency) {
        return graph.read(
                        "information/waiting",
                        Map.of("agency", agency),
                        r -> r.get("waiting").asInt())
                .get(0);
    }

    Optional<Record> find(String id) {
        return graph.read("information/one", Map.of("id", id), r -> r).stream().findFirst();
    }

    /** Closes an open request in the name of an agency it is addressed to; empty when it is not open. */
    Optional<Record> close(String id, String agency, Map<String, Object> close) {
        return graph
                .inWriteTransaction(tx ->
                        Graph.read(tx, "information/close", Map.of("id", id, "agency", agency, "close", close), r -> r))
                .stream()
                .findFirst();
    }

    Map<String, PersonView> people(Collection<String> ids) {
        var people = new HashMap<String, PersonView>();
        if (!ids.isEmpty()) {
            graph.read("queries/people-by-id", Map.of("ids", List.copyOf(ids)), r -> PersonView.from(r.get("p")))
                    .forEach(p -> people.put(p.id(), p));
        }
        return people;
    }

    private List<Record> list(String query, String agency, String status, int first) {
        var parameters = Parameters.with("agency", agency).and("status", status).and("first", first);
        return graph.read(query, parameters, r -> r);
    }
}
