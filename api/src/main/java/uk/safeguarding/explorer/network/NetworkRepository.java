package uk.safeguarding.explorer.network;

import static uk.safeguarding.explorer.network.Network.Node.key;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Repository;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.network.Network.Edge;
import uk.safeguarding.explorer.network.Network.Path;

/**
 * The traversal of network and connection (queries/network-hop, network-details,
 * partnerships-among, connection), each in one read transaction, before need-to-know: the network
 * grows hop by hop from the person through family, household, contact and professional links (one
 * query per hop, at most three; when the node cap bites, the Cypher keeps family ahead of homes and
 * professionals, current links ahead of historic ones), then one query fills in markers, parents
 * (for derived sibling edges) and agencies. Professionals and agencies end a branch: they connect to
 * whole caseloads, which would drown a family network. Access is through {@link NetworkService};
 * the benchmark runs it directly as the raw side of network and connection.
 */
@Repository
public class NetworkRepository {

    /** Rows read per hop for each node the network may still take. */
    private static final int ROWS_PER_NODE = 20;

    private final Graph graph;

    public NetworkRepository(Graph graph) {
        this.graph = graph;
    }

    /** The network of a person; {@link NotFoundException} when there is no such person. */
    public Network network(String personId, int depth, LocalDate asOf, int first, Set<String> offenderTypes) {
        return network(personId, depth, asOf, first, offenderTypes, Set.of());
    }

    /** The same without the people given: neither they nor what is reached only through them. */
    public Network network(
            String personId, int depth, LocalDate asOf, int first, Set<String> offenderTypes, Set<String> excluded) {
        return graph.inReadTransaction(tx -> network(tx, personId, depth, asOf, first, offenderTypes, excluded));
    }

    private static Network network(
            TransactionContext tx,
            String personId,
            int depth,
            LocalDate asOf,
            int first,
            Set<String> offenderTypes,
            Set<String> excluded) {
        var subject = Graph.read(tx, "queries/people-by-id", Map.of("ids", List.of(personId)), r -> r.get("p"));
        if (subject.isEmpty()) {
            throw NotFoundException.person(personId);
        }
        var collected = new CollectedNetwork(asOf, offenderTypes);
        collected.node(subject.get(0), "Person", 0, true);
        var people = List.of(personId);
        List<String> addresses = List.of();
        var truncated = false;
        for (int d = 1; d <= depth && (!people.isEmpty() || !addresses.isEmpty()); d++) {
            var limit = first * ROWS_PER_NODE;
            var rows = Graph.read(
                    tx,
                    "queries/network-hop",
                    Map.of(
                            "people",
                            people,
                            "addresses",
                            addresses,
                            "asOf",
                            asOf,
                            "limit",
                            limit,
                            "excluded",
                            List.copyOf(excluded)),
                    r -> r);
            truncated |= rows.size() >= limit;
            var nextPeople = new ArrayList<String>();
            var nextAddresses = new ArrayList<String>();
            for (var row : rows) {
                var yLabel = row.get("yLabel").asString();
                var y = row.get("y");
                var yKey = key(yLabel, y.get("id").asString());
                if (!collected.nodes.containsKey(yKey)) {
                    if (collected.nodes.size() >= first) {
                        truncated = true;
                        continue;
                    }
                    collected.node(y, yLabel, d, false);
                    if ("Person".equals(yLabel)) {
                        nextPeople.add(y.get("id").asString());
                    } else if ("Address".equals(yLabel)) {
                        nextAddresses.add(y.get("id").asString());
                    }
                }
                var xKey = key(row.get("xLabel").asString(), row.get("xId").asString());
                var outgoing = row.get("outgoing").asBoolean();
                collected.edge(
                        row.get("key").asString(),
                        row.get("type").asString(),
                        outgoing ? xKey : yKey,
                        outgoing ? yKey : xKey,
                        row.get("props"));
            }
            people = nextPeople;
            addresses = nextAddresses;
        }
        truncated |= collected.details(tx, first);
        return new Network(
                personId,
                asOf,
                depth,
                new ArrayList<>(collected.nodes.values()),
                new ArrayList<>(collected.edges.values()),
                truncated);
    }

    /**
     * The shortest paths (at most {@code limit}) between two people within maxHops; {@link
     * NotFoundException} for the first id that is no person, BAD_REQUEST when both are the same.
     */
    public List<Path> connection(
            String fromId, String toId, int maxHops, LocalDate asOf, int limit, Set<String> offenderTypes) {
        return connection(fromId, toId, maxHops, asOf, limit, offenderTypes, Set.of());
    }

    /** The same through none of the people given. */
    public List<Path> connection(
            String fromId,
            String toId,
            int maxHops,
            LocalDate asOf,
            int limit,
            Set<String> offenderTypes,
            Set<String> excluded) {
        return graph.inReadTransaction(
                tx -> connection(tx, fromId, toId, maxHops, asOf, limit, offenderTypes, excluded));
    }

    private static List<Path> connection(
            TransactionContext tx,
            String fromId,
            String toId,
            int maxHops,
            LocalDate asOf,
            int limit,
            Set<String> offenderTypes,
            Set<String> excluded) {
        var found = Graph.read(
                tx,
                "queries/people-by-id",
                Map.of("ids", List.of(fromId, toId)),
                r -> r.get("p").get("id").asString());
        for (var id : List.of(fromId, toId)) {
            if (!found.contains(id)) {
                // the same words as for a person the user may not see
                throw NotFoundException.person(id);
            }
        }
        if (fromId.equals(toId)) {
            throw new BadRequestException("toId", "must be another person than fromId");
        }
        var rows = Graph.read(
                tx,
                "queries/connection",
                Map.of(
                        "fromId",
                        fromId,
                        "toId",
                        toId,
                        "maxHops",
                        maxHops,
                        "asOf",
                        asOf,
                        "limit",
                        limit,
                        "excluded",
                        List.copyOf(excluded)),
                r -> r);
        var collected = new CollectedNetwork(asOf, offenderTypes);
        var pathKeys = new ArrayList<PathKeys>();
        for (var row : rows) {
            var nodeKeys = new ArrayList<String>();
            for (var n : row.get("nodes").values()) {
                var label = n.get("label").asString();
                var id = n.get("node").get("id").asString();
                var key = key(label, id);
                if (!collected.nodes.containsKey(key)) {
                    collected.node(n.get("node"), label, nodeKeys.size(), fromId.equals(id) && "Person".equals(label));
                }
                nodeKeys.add(key);
            }
            var edgeKeys = new ArrayList<String>();
            for (var r : row.get("rels").values()) {
                var key = r.get("key").asString();
                collected.edge(
                        key,
                        r.get("type").asString(),
                        key(r.get("startLabel").asString(), r.get("start").asString()),
                        key(r.get("endLabel").asString(), r.get("end").asString()),
                        r.get("props"));
                edgeKeys.add(key);
            }
            pathKeys.add(new PathKeys(nodeKeys, edgeKeys));
        }
        collected.markers(tx);
        // paths through relationships that read alike (one home that three agencies' records give) are one
        // path (review 92: Tom to Lily came three times over)
        var seen = new HashSet<List<String>>();
        return pathKeys.stream()
                .map(p -> new Path(
                        p.edges().size(),
                        p.nodes().stream().map(collected.nodes::get).toList(),
                        p.edges().stream().map(collected::edgeOf).toList()))
                .filter(path -> seen.add(path.edges().stream().map(Edge::key).toList()))
                .toList();
    }

    /** The keys of one path's nodes and edges, in order, until their details are read. */
    private record PathKeys(List<String> nodes, List<String> edges) {}
}
