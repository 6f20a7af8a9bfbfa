package uk.safeguarding.explorer.network;

import static uk.safeguarding.explorer.network.Network.Node.key;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.graph.Views.MarkerView;
import uk.safeguarding.explorer.model.ParentKind;
import uk.safeguarding.explorer.model.Period;
import uk.safeguarding.explorer.model.SiblingKinds;
import uk.safeguarding.explorer.model.SiblingKinds.ParentLink;
import uk.safeguarding.explorer.model.SiblingKinds.Partnership;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.network.Network.Edge;
import uk.safeguarding.explorer.network.Network.Node;
import uk.safeguarding.explorer.network.Network.NodeKind;

/**
 * The nodes and edges of a network or of connection paths as they are read, keyed so that each is
 * added once; then, in one query, their markers, the agencies of professionals and the derived
 * sibling edges. Used by {@link NetworkRepository} inside its read transaction.
 */
final class CollectedNetwork {

    final LocalDate asOf;
    final Set<String> offenderTypes;
    final Map<String, Node> nodes = new LinkedHashMap<>();
    final Map<String, Edge> edges = new LinkedHashMap<>();
    /**
     * Relationships that read exactly as one already collected (the same type, ends, kind, status,
     * nature, role and period: several agencies' records of one home give one LIVES_AT each), by
     * their key, to the key of the edge kept (walk 71: a person was drawn with four identical lines
     * to one address).
     */
    private final Map<String, String> alike = new HashMap<>();

    private final Map<List<Object>, String> bySignature = new HashMap<>();

    CollectedNetwork(LocalDate asOf, Set<String> offenderTypes) {
        this.asOf = asOf;
        this.offenderTypes = offenderTypes;
    }

    void node(Value n, String label, int depth, boolean subject) {
        var id = n.get("id").asString();
        var node = switch (label) {
            case "Person" -> Node.person(Views.PersonView.from(n), asOf, depth, subject);
            case "Address" ->
                Node.address(id, Views.string(n, "line1"), Views.string(n, "postcode"), Views.string(n, "kind"), depth);
            case "Professional" -> Node.professional(id, Views.string(n, "name"), Views.string(n, "role"), depth);
            default -> Node.agency(id, Views.string(n, "name"), Views.string(n, "type"), depth);
        };
        nodes.put(node.key(), node);
    }

    void edge(String key, String type, String source, String target, Value props) {
        if (edges.containsKey(key) || !nodes.containsKey(source) || !nodes.containsKey(target)) {
            return;
        }
        var from = Views.date(props, "from");
        var to = Views.date(props, "to");
        var kind = Views.string(props, "kind");
        var status = Views.string(props, "status");
        var nature = Views.string(props, "nature");
        var role = Views.string(props, "role");
        List<Object> signature = Arrays.asList(type, source, target, kind, status, nature, role, from, to);
        var kept = bySignature.get(signature);
        if (kept != null && kept.compareTo(key) <= 0) {
            alike.put(key, kept);
            return;
        }
        if (kept != null) {
            // the relationship of the smallest key stands for the others, as the network's hop (ordered by
            // key) keeps it, so that a connection drawn onto a network adds no second line (review 92)
            edges.remove(kept);
            alike.put(kept, key);
        }
        bySignature.put(signature, key);
        var current = new Period(from, to).contains(asOf);
        edges.put(key, new Edge(key, type, source, target, kind, status, nature, role, from, to, current, false));
    }

    /** The edge of a relationship collected, or of the one it reads exactly as. */
    Edge edgeOf(String key) {
        var k = key;
        while (alike.containsKey(k)) {
            k = alike.get(k);
        }
        return edges.get(k);
    }

    /** Markers, agencies of professionals, and derived sibling edges; true when the cap cut agencies. */
    boolean details(TransactionContext tx, int first) {
        return details(tx, first, true);
    }

    /** Only the markers, for the nodes of connection paths. */
    void markers(TransactionContext tx) {
        details(tx, Integer.MAX_VALUE, false);
    }

    private boolean details(TransactionContext tx, int first, boolean extras) {
        var rows = Graph.read(
                tx,
                "queries/network-details",
                Map.of(
                        "people",
                        ids(NodeKind.PERSON),
                        "addresses",
                        ids(NodeKind.ADDRESS),
                        "professionals",
                        ids(NodeKind.PROFESSIONAL),
                        "asOf",
                        asOf),
                r -> r);
        var parents = new HashMap<String, List<ParentLink>>();
        var truncated = false;
        for (var row : rows) {
            var label = row.get("label").asString();
            var key = key(label, row.get("id").asString());
            var markers = row.get("markers").asList(MarkerView::from);
            if ("Professional".equals(label) && !row.get("agency").isNull()) {
                // a professional carries their agency's type (the redaction policy needs it)
                nodes.put(
                        key,
                        nodes.get(key)
                                .withAgencyType(row.get("agency").get("type").asString()));
            }
            if (!markers.isEmpty()) {
                nodes.put(key, nodes.get(key).withMarkers(markers));
            }
            if ("Person".equals(label)) {
                var everCarried = row.get("everCarried").asList(Value::asString);
                nodes.put(key, nodes.get(key).withOffender(everCarried.stream().anyMatch(offenderTypes::contains)));
            }
            if (!extras) {
                continue;
            }
            if ("Person".equals(label)) {
                parents.put(
                        row.get("id").asString(),
                        row.get("parents")
                                .asList(v -> new ParentLink(
                                        v.get("id").asString(),
                                        ParentKind.valueOf(v.get("kind").asString()),
                                        Views.date(v, "from"))));
            }
            if (!row.get("agency").isNull()) {
                var agency = row.get("agency");
                var agencyKey = key("Agency", agency.get("id").asString());
                if (!nodes.containsKey(agencyKey)) {
                    if (nodes.size() >= first) {
                        truncated = true;
                        continue;
                    }
                    node(agency, "Agency", nodes.get(key).depth() + 1, false);
                }
                edges.putIfAbsent(
                        row.get("worksFor").asString(),
                        Edge.link(row.get("worksFor").asString(), "WORKS_FOR", key, agencyKey));
            }
        }
        if (extras) {
            siblings(tx, parents);
        }
        return truncated;
    }

    /** Derived sibling edges between the people of the network who share a parent or whose parents partnered. */
    private void siblings(TransactionContext tx, Map<String, List<ParentLink>> parents) {
        var childrenOf = new HashMap<String, List<String>>();
        parents.forEach((child, links) -> links.forEach(l ->
                childrenOf.computeIfAbsent(l.parentId(), k -> new ArrayList<>()).add(child)));
        if (childrenOf.isEmpty()) {
            return;
        }
        var partnerships = childrenOf.size() < 2
                ? List.<Partnership>of()
                : Graph.read(
                        tx,
                        "queries/partnerships-among",
                        Map.of("ids", List.copyOf(childrenOf.keySet())),
                        r -> new Partnership(r.get("a").asString(), r.get("b").asString(), Views.date(r, "from")));
        var pairs = new LinkedHashSet<List<String>>();
        childrenOf.values().forEach(children -> addPairs(pairs, children, children));
        partnerships.forEach(p ->
                addPairs(pairs, childrenOf.getOrDefault(p.a(), List.of()), childrenOf.getOrDefault(p.b(), List.of())));
        for (var pair : pairs) {
            var kinds = SiblingKinds.derive(parents.get(pair.get(0)), parents.get(pair.get(1)), partnerships, asOf);
            kinds.keySet().forEach(kind -> {
                var key = "sibling:" + kind + ":" + pair.get(0) + ":" + pair.get(1);
                edges.put(
                        key,
                        Edge.derivedSibling(key, key("Person", pair.get(0)), key("Person", pair.get(1)), kind.name()));
            });
        }
    }

    private static void addPairs(Set<List<String>> pairs, Collection<String> left, Collection<String> right) {
        for (var a : left) {
            for (var b : right) {
                if (a.compareTo(b) < 0) {
                    pairs.add(List.of(a, b));
                } else if (b.compareTo(a) < 0) {
                    pairs.add(List.of(b, a));
                }
            }
        }
    }

    private List<String> ids(NodeKind kind) {
        var ids = new ArrayList<String>();
        nodes.values().stream().filter(n -> n.kind() == kind).forEach(n -> ids.add(n.id()));
        return ids;
    }
}
