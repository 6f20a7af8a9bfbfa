package uk.safeguarding.explorer.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.faults.FairUse;
import uk.safeguarding.explorer.faults.FairUse.Cost;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.graph.Views.MarkerView;
import uk.safeguarding.explorer.model.Ages;
import uk.safeguarding.explorer.model.ParentKind;
import uk.safeguarding.explorer.model.Period;
import uk.safeguarding.explorer.model.SiblingKinds;
import uk.safeguarding.explorer.model.SiblingKinds.ParentLink;
import uk.safeguarding.explorer.model.SiblingKinds.Partnership;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.network.Network.Edge;
import uk.safeguarding.explorer.network.Network.Node;
import uk.safeguarding.explorer.network.Network.NodeKind;
import uk.safeguarding.explorer.network.Network.Path;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;
import uk.safeguarding.explorer.security.Visibility;

/**
 * network and connection (DESIGN §5). The network grows hop by hop from the person through
 * family, household, contact and professional links (one query per hop, at most three), then one
 * query fills in markers, parents (for derived sibling edges) and agencies. Professionals and
 * agencies end a branch: they connect to whole caseloads, which would drown a family network.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
public class NetworkService {

    public static final int MAX_DEPTH = 3;
    public static final int MAX_FIRST = 2_000;
    public static final int MAX_HOPS = 6;
    private static final int MAX_PATHS = 25;
    private static final List<String> PRIORITY =
            List.of("PARENT_OF", "PARTNER_OF", "SIBLING_OF", "HAS_CONTACT_WITH", "LIVES_AT", "INVOLVED_WITH");

    private final Graph graph;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;
    private final FairUse fairUse;

    NetworkService(Graph graph, NeedToKnow needToKnow, Redaction redaction, FairUse fairUse) {
        this.graph = graph;
        this.needToKnow = needToKnow;
        this.redaction = redaction;
        this.fairUse = fairUse;
    }

    public Network network(String personId, int depth, LocalDate asOf, int first) {
        Network raw;
        try {
            raw = withoutNeedToKnow(personId, depth, asOf, first);
        } catch (NotFoundException unknown) {
            // audited and answered exactly as a hidden person is
            needToKnow.require("network", personId);
            throw unknown;
        }
        return shown(raw, needToKnow.check("network", personId, people(raw)));
    }

    /**
     * The network before need-to-know and redaction, nothing audited: for a meeting's snapshot, which
     * keeps the facts and shows them to each reader through their own need-to-know ({@link #shown}).
     */
    public Network withoutNeedToKnow(String personId, int depth, LocalDate asOf, int first) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new BadRequestException("depth", "must be from 1 to " + MAX_DEPTH);
        }
        if (first < 1 || first > MAX_FIRST) {
            throw new BadRequestException("first", "must be from 1 to " + MAX_FIRST);
        }
        return fairUse.run(
                depth == MAX_DEPTH ? Cost.EXPENSIVE : Cost.ORDINARY,
                () -> graph.inReadTransaction(tx -> network(tx, personId, depth, asOf, first)));
    }

    /** The people of a network before need-to-know: everyone to check. */
    public static List<String> people(Network raw) {
        return raw.nodes().stream()
                .filter(n -> n.kind() == NodeKind.PERSON)
                .map(Node::id)
                .toList();
    }

    /**
     * A network as the user may see it, once everyone in it is checked ({@code visibility}): hidden
     * people as placeholders, then the redaction policy.
     */
    public Network shown(Network raw, Visibility visibility) {
        var shown = withPlaceholders(raw.nodes(), raw.edges(), visibility, false);
        var access = redaction.access();
        var nodes = new ArrayList<Node>();
        var edges = new ArrayList<Edge>();
        redact(shown.nodes(), shown.edges(), access, nodes, edges);
        var linked = new HashSet<String>();
        edges.forEach(e -> {
            linked.add(e.source());
            linked.add(e.target());
        });
        // an agency whose only professional was left out goes too
        nodes.removeIf(n -> n.kind() == NodeKind.AGENCY && !linked.contains(n.key()));
        return new Network(raw.subjectId(), raw.asOf(), raw.depth(), nodes, edges, raw.truncated());
    }

    /**
     * The redaction policy on nodes and edges: markers folded (RESTRICTED), offender managers left
     * out with their links for agencies without offender detail, health professionals shown only as
     * "Health professional" (no name, no role) for agencies without health detail, approved premises
     * as "Restricted address".
     */
    private void redact(
            List<Node> nodes, List<Edge> edges, Redaction.Access access, List<Node> nodesOut, List<Edge> edgesOut) {
        var removed = new HashSet<String>();
        var anonymous = new HashSet<String>();
        for (var n : nodes) {
            if (n.kind() == NodeKind.PROFESSIONAL
                    && !access.offenderDetail()
                    && redaction.offenderManagement(n.agencyType(), n.role())) {
                removed.add(n.key());
                continue;
            }
            if (n.kind() == NodeKind.PROFESSIONAL
                    && !access.healthDetail()
                    && redaction.healthInvolvement(n.agencyType())) {
                anonymous.add(n.key());
                nodesOut.add(new Node(
                        n.key(),
                        n.id(),
                        n.kind(),
                        "Health professional",
                        null,
                        null,
                        null,
                        null,
                        null,
                        n.agencyType(),
                        null,
                        null,
                        List.of(),
                        n.depth(),
                        false,
                        List.of(),
                        false,
                        null));
                continue;
            }
            if (n.kind() == NodeKind.ADDRESS
                    && !access.offenderDetail()
                    && redaction.offenderAddress(n.addressKind())) {
                nodesOut.add(new Node(
                        n.key(),
                        n.id(),
                        n.kind(),
                        Redaction.RESTRICTED_ADDRESS,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        redaction.markers(n.markers(), access, false, n.addressKind()),
                        n.depth(),
                        false,
                        List.of(),
                        false,
                        null));
                continue;
            }
            var markers = redaction.markers(n.markers(), access, n.offender(), n.addressKind());
            nodesOut.add(markers == n.markers() ? n : n.withMarkers(markers));
        }
        for (var e : edges) {
            if (removed.contains(e.source()) || removed.contains(e.target())) {
                continue;
            }
            edgesOut.add(
                    anonymous.contains(e.source()) || anonymous.contains(e.target())
                            ? new Edge(
                                    e.key(),
                                    e.type(),
                                    e.source(),
                                    e.target(),
                                    e.kind(),
                                    e.status(),
                                    e.nature(),
                                    null,
                                    e.from(),
                                    e.to(),
                                    e.current(),
                                    e.derived())
                            : e);
        }
    }

    /** The nodes and edges of a network or path once people the user may not see are placeholders. */
    private record Shown(List<Node> nodes, List<Edge> edges, boolean complete) {}

    /**
     * People the user may not see become {@code RESTRICTED_PERSON} placeholders where they touch
     * something the user may see: a placeholder keeps its edges (type, kind and dates only) to
     * people the user may see and to their addresses and professionals, never to another
     * placeholder, and nothing reached only through hidden people is shown (their homes,
     * professionals and further family). Addresses and professionals stay only when linked to
     * someone the user may see; agencies only through a professional kept. With {@code wholePath}
     * (a connection path), {@code complete} says whether every node of the path could be shown.
     */
    private Shown withPlaceholders(List<Node> nodes, List<Edge> edges, Visibility visibility, boolean wholePath) {
        var byKey = new LinkedHashMap<String, Node>();
        nodes.forEach(n -> byKey.put(n.key(), n));
        var kept = new HashSet<String>();
        nodes.stream()
                .filter(n -> n.kind() == NodeKind.PERSON && visibility.sees(n.id()))
                .forEach(n -> kept.add(n.key()));
        for (var e : edges) {
            if (kept.contains(e.source()) && isPlace(kind(byKey, e.target()))) {
                kept.add(e.target());
            } else if (kept.contains(e.target()) && isPlace(kind(byKey, e.source()))) {
                kept.add(e.source());
            }
        }
        for (var e : edges) {
            if ("WORKS_FOR".equals(e.type()) && kept.contains(e.source())) {
                kept.add(e.target());
            }
        }
        // hidden people touching something kept become placeholders
        var placeholders = new LinkedHashMap<String, Node>();
        for (var e : edges) {
            for (var pair : List.of(List.of(e.source(), e.target()), List.of(e.target(), e.source()))) {
                var hidden = byKey.get(pair.get(0));
                if (hidden != null
                        && hidden.kind() == NodeKind.PERSON
                        && !kept.contains(hidden.key())
                        && kept.contains(pair.get(1))
                        && !placeholders.containsKey(hidden.key())) {
                    var id = visibility.placeholderId(hidden.id());
                    placeholders.put(
                            hidden.key(),
                            new Node(
                                    key("RestrictedPerson", id),
                                    id,
                                    NodeKind.RESTRICTED_PERSON,
                                    "Restricted person",
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    List.of(),
                                    hidden.depth(),
                                    false,
                                    visibility.holders(hidden.id()),
                                    false,
                                    null));
                }
            }
        }
        var nodesOut = new ArrayList<Node>();
        for (var n : nodes) {
            if (kept.contains(n.key())) {
                nodesOut.add(n);
            } else if (placeholders.containsKey(n.key())) {
                nodesOut.add(placeholders.get(n.key()));
            }
        }
        var edgesOut = new ArrayList<Edge>();
        var counter = 0;
        for (var e : edges) {
            var sourceHidden = placeholders.containsKey(e.source());
            var targetHidden = placeholders.containsKey(e.target());
            if (sourceHidden && targetHidden) {
                continue;
            }
            var source =
                    sourceHidden ? placeholders.get(e.source()).key() : kept.contains(e.source()) ? e.source() : null;
            var target =
                    targetHidden ? placeholders.get(e.target()).key() : kept.contains(e.target()) ? e.target() : null;
            if (source == null || target == null) {
                continue;
            }
            if (sourceHidden || targetHidden) {
                // the relationship kind and dates only; its key must not carry the hidden person's id
                edgesOut.add(new Edge(
                        "restricted:" + (++counter) + ":" + e.type() + ":" + (sourceHidden ? target : source),
                        e.type(),
                        source,
                        target,
                        e.kind(),
                        null,
                        null,
                        null,
                        e.from(),
                        e.to(),
                        e.current(),
                        e.derived()));
            } else {
                edgesOut.add(e);
            }
        }
        return new Shown(nodesOut, edgesOut, !wholePath || nodesOut.size() == nodes.size());
    }

    private static NodeKind kind(Map<String, Node> byKey, String key) {
        var node = byKey.get(key);
        return node == null ? null : node.kind();
    }

    private static boolean isPlace(NodeKind kind) {
        return kind == NodeKind.ADDRESS || kind == NodeKind.PROFESSIONAL;
    }

    private Network network(TransactionContext tx, String personId, int depth, LocalDate asOf, int first) {
        var subject = Graph.read(tx, "queries/people-by-id", Map.of("ids", List.of(personId)), r -> r.get("p"));
        if (subject.isEmpty()) {
            throw NotFoundException.person(personId);
        }
        var build = new Build(asOf, redaction.offenderMarkerTypes());
        build.node(subject.get(0), "Person", 0, true);
        var people = List.of(personId);
        List<String> addresses = List.of();
        var truncated = false;
        for (int d = 1; d <= depth && (!people.isEmpty() || !addresses.isEmpty()); d++) {
            var limit = first * 20;
            var rows = new ArrayList<>(Graph.read(
                    tx,
                    "queries/network-hop",
                    Map.of("people", people, "addresses", addresses, "asOf", asOf, "limit", limit),
                    r -> r));
            // When the cap bites, family comes first, then homes, then professionals; current before historic.
            rows.sort(Comparator.comparingInt(
                            (Record r) -> PRIORITY.indexOf(r.get("type").asString()))
                    .thenComparing(r -> !r.get("props").get("to").isNull())
                    .thenComparing(r -> r.get("y").get("id").asString()));
            truncated |= rows.size() >= limit;
            var nextPeople = new ArrayList<String>();
            var nextAddresses = new ArrayList<String>();
            for (var row : rows) {
                var yLabel = row.get("yLabel").asString();
                var y = row.get("y");
                var yKey = key(yLabel, y.get("id").asString());
                if (!build.nodes.containsKey(yKey)) {
                    if (build.nodes.size() >= first) {
                        truncated = true;
                        continue;
                    }
                    build.node(y, yLabel, d, false);
                    if ("Person".equals(yLabel)) {
                        nextPeople.add(y.get("id").asString());
                    } else if ("Address".equals(yLabel)) {
                        nextAddresses.add(y.get("id").asString());
                    }
                }
                var xKey = key(row.get("xLabel").asString(), row.get("xId").asString());
                var outgoing = row.get("outgoing").asBoolean();
                build.edge(
                        row.get("key").asString(),
                        row.get("type").asString(),
                        outgoing ? xKey : yKey,
                        outgoing ? yKey : xKey,
                        row.get("props"));
            }
            people = nextPeople;
            addresses = nextAddresses;
        }
        truncated |= build.details(tx, first);
        return new Network(
                personId,
                asOf,
                depth,
                new ArrayList<>(build.nodes.values()),
                new ArrayList<>(build.edges.values()),
                truncated);
    }

    public List<Path> connection(String fromId, String toId, int maxHops, LocalDate asOf) {
        if (maxHops < 1 || maxHops > MAX_HOPS) {
            throw new BadRequestException("maxHops", "must be from 1 to " + MAX_HOPS);
        }
        List<Path> paths;
        try {
            paths = fairUse.run(
                    maxHops == MAX_HOPS ? Cost.EXPENSIVE : Cost.ORDINARY,
                    () -> graph.inReadTransaction(tx -> connection(tx, fromId, toId, maxHops, asOf)));
        } catch (NotFoundException unknown) {
            // audited and answered exactly as a hidden person is
            needToKnow.require("connection", fromId);
            needToKnow.require("connection", toId);
            throw unknown;
        }
        var people = new LinkedHashSet<String>();
        paths.forEach(
                p -> p.nodes().stream().filter(n -> n.kind() == NodeKind.PERSON).forEach(n -> people.add(n.id())));
        var visibility = needToKnow.check("connection", List.of(fromId, toId), people);
        // People the user may not see on a path are placeholders; a path that would show a place
        // reached only through hidden people, or an offender manager to an agency without offender
        // detail, is not shown at all.
        var access = redaction.access();
        var shown = new ArrayList<Path>();
        for (var path : paths) {
            var placeholders = withPlaceholders(path.nodes(), path.edges(), visibility, true);
            if (!placeholders.complete()) {
                continue;
            }
            var nodes = new ArrayList<Node>();
            var edges = new ArrayList<Edge>();
            redact(placeholders.nodes(), placeholders.edges(), access, nodes, edges);
            if (nodes.size() == path.nodes().size()) {
                shown.add(new Path(path.length(), nodes, edges));
            }
        }
        return shown;
    }

    private List<Path> connection(TransactionContext tx, String fromId, String toId, int maxHops, LocalDate asOf) {
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
                Map.of("fromId", fromId, "toId", toId, "maxHops", maxHops, "asOf", asOf, "limit", MAX_PATHS),
                r -> r);
        var build = new Build(asOf, redaction.offenderMarkerTypes());
        var paths = new ArrayList<List<String>[]>();
        for (var row : rows) {
            var nodeKeys = new ArrayList<String>();
            for (var n : row.get("nodes").values()) {
                var label = n.get("label").asString();
                var key = key(label, n.get("node").get("id").asString());
                if (!build.nodes.containsKey(key)) {
                    build.node(
                            n.get("node"),
                            label,
                            nodeKeys.size(),
                            fromId.equals(n.get("node").get("id").asString()) && "Person".equals(label));
                }
                nodeKeys.add(key);
            }
            var edgeKeys = new ArrayList<String>();
            for (var r : row.get("rels").values()) {
                var key = r.get("key").asString();
                build.edge(
                        key,
                        r.get("type").asString(),
                        key(r.get("startLabel").asString(), r.get("start").asString()),
                        key(r.get("endLabel").asString(), r.get("end").asString()),
                        r.get("props"));
                edgeKeys.add(key);
            }
            @SuppressWarnings("unchecked")
            List<String>[] path = new List[] {nodeKeys, edgeKeys};
            paths.add(path);
        }
        build.markers(tx);
        return paths.stream()
                .map(p -> new Path(
                        p[1].size(),
                        p[0].stream().map(build.nodes::get).toList(),
                        p[1].stream().map(build.edges::get).toList()))
                .toList();
    }

    static String key(String label, String id) {
        return label + ":" + id;
    }

    /** The nodes and edges collected so far, keyed so that each is added once. */
    private static final class Build {

        final LocalDate asOf;
        final Set<String> offenderTypes;
        final Map<String, Node> nodes = new LinkedHashMap<>();
        final Map<String, Edge> edges = new LinkedHashMap<>();

        Build(LocalDate asOf, Set<String> offenderTypes) {
            this.asOf = asOf;
            this.offenderTypes = offenderTypes;
        }

        void node(Value n, String label, int depth, boolean subject) {
            var id = n.get("id").asString();
            var node = switch (label) {
                case "Person" -> {
                    var person = Views.PersonView.from(n);
                    var dob = person.dateOfBirth();
                    yield new Node(
                            key(label, id),
                            id,
                            NodeKind.PERSON,
                            person.displayName(),
                            Ages.isChild(dob, person.deceasedOn(), asOf),
                            person.sex(),
                            dob,
                            Ages.ageOn(dob, asOf),
                            null,
                            null,
                            null,
                            null,
                            List.of(),
                            depth,
                            subject,
                            List.of(),
                            false,
                            Ages.diedBy(person.deceasedOn(), asOf));
                }
                case "Address" ->
                    new Node(
                            key(label, id),
                            id,
                            NodeKind.ADDRESS,
                            nz(Views.string(n, "line1"))
                                    + (Views.string(n, "postcode") == null ? "" : ", " + Views.string(n, "postcode")),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            Views.string(n, "kind"),
                            Views.string(n, "postcode"),
                            List.of(),
                            depth,
                            false,
                            List.of(),
                            false,
                            null);
                case "Professional" ->
                    new Node(
                            key(label, id),
                            id,
                            NodeKind.PROFESSIONAL,
                            nz(Views.string(n, "name")),
                            null,
                            null,
                            null,
                            null,
                            Views.string(n, "role"),
                            null,
                            null,
                            null,
                            List.of(),
                            depth,
                            false,
                            List.of(),
                            false,
                            null);
                default ->
                    new Node(
                            key(label, id),
                            id,
                            NodeKind.AGENCY,
                            nz(Views.string(n, "name")),
                            null,
                            null,
                            null,
                            null,
                            null,
                            Views.string(n, "type"),
                            null,
                            null,
                            List.of(),
                            depth,
                            false,
                            List.of(),
                            false,
                            null);
            };
            nodes.put(node.key(), node);
        }

        void edge(String key, String type, String source, String target, Value props) {
            if (edges.containsKey(key) || !nodes.containsKey(source) || !nodes.containsKey(target)) {
                return;
            }
            var from = Views.date(props, "from");
            var to = Views.date(props, "to");
            var current = new Period(from, to).contains(asOf);
            edges.put(
                    key,
                    new Edge(
                            key,
                            type,
                            source,
                            target,
                            Views.string(props, "kind"),
                            Views.string(props, "status"),
                            Views.string(props, "nature"),
                            Views.string(props, "role"),
                            from,
                            to,
                            current,
                            false));
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
                                    .withAgencyType(
                                            row.get("agency").get("type").asString()));
                }
                if (!markers.isEmpty()) {
                    nodes.put(key, nodes.get(key).withMarkers(markers));
                }
                if ("Person".equals(label)) {
                    var everCarried = row.get("everCarried").asList(Value::asString);
                    nodes.put(
                            key, nodes.get(key).asOffender(everCarried.stream().anyMatch(offenderTypes::contains)));
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
                            new Edge(
                                    row.get("worksFor").asString(),
                                    "WORKS_FOR",
                                    key,
                                    agencyKey,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    true,
                                    false));
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
            parents.forEach((child, links) -> links.forEach(l -> childrenOf
                    .computeIfAbsent(l.parentId(), k -> new ArrayList<>())
                    .add(child)));
            if (childrenOf.isEmpty()) {
                return;
            }
            var partnerships = childrenOf.size() < 2
                    ? List.<Partnership>of()
                    : Graph.read(
                            tx,
                            "queries/partnerships-among",
                            Map.of("ids", List.copyOf(childrenOf.keySet())),
                            r -> new Partnership(
                                    r.get("a").asString(), r.get("b").asString(), Views.date(r, "from")));
            var pairs = new LinkedHashSet<List<String>>();
            childrenOf.values().forEach(children -> addPairs(pairs, children, children));
            partnerships.forEach(p -> addPairs(
                    pairs, childrenOf.getOrDefault(p.a(), List.of()), childrenOf.getOrDefault(p.b(), List.of())));
            for (var pair : pairs) {
                var kinds = SiblingKinds.derive(parents.get(pair.get(0)), parents.get(pair.get(1)), partnerships, asOf);
                kinds.keySet().forEach(kind -> {
                    var key = "sibling:" + kind + ":" + pair.get(0) + ":" + pair.get(1);
                    edges.put(
                            key,
                            new Edge(
                                    key,
                                    "SIBLING",
                                    key("Person", pair.get(0)),
                                    key("Person", pair.get(1)),
                                    kind.name(),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    true,
                                    true));
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

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }
}
