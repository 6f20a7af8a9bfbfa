package uk.safeguarding.explorer.network;

import static uk.safeguarding.explorer.network.Network.Node.key;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.network.Network.Edge;
import uk.safeguarding.explorer.network.Network.Node;
import uk.safeguarding.explorer.network.Network.NodeKind;
import uk.safeguarding.explorer.network.Network.Path;
import uk.safeguarding.explorer.security.Redaction;
import uk.safeguarding.explorer.security.Visibility;

/**
 * A network or connection paths as one user may see them, once everyone in them is checked
 * ({@link Visibility}): people the user may not see become placeholders, then the redaction policy
 * applies. No reads: the decisions come in with the visibility and the redaction policy.
 */
@Component
class NetworkVisibility {

    private final Redaction redaction;

    NetworkVisibility(Redaction redaction) {
        this.redaction = redaction;
    }

    /** A network as the user may see it: hidden people as placeholders, then the redaction policy. */
    Network shown(Network raw, Visibility visibility) {
        var placeholders = withPlaceholders(raw.nodes(), raw.edges(), visibility, raw.asOf(), false);
        var redacted = redact(placeholders, redaction.access());
        var linked = new HashSet<String>();
        redacted.edges().forEach(e -> {
            linked.add(e.source());
            linked.add(e.target());
        });
        var nodes = new ArrayList<>(redacted.nodes());
        // an agency whose only professional was left out goes too
        nodes.removeIf(n -> n.kind() == NodeKind.AGENCY && !linked.contains(n.key()));
        return new Network(raw.subjectId(), raw.asOf(), raw.depth(), nodes, redacted.edges(), raw.truncated());
    }

    /**
     * Connection paths as the user may see them: people the user may not see on a path are
     * placeholders; a path that would show a place reached only through hidden people, or an
     * offender manager to an agency without offender detail, is not shown at all.
     */
    List<Path> shown(List<Path> paths, Visibility visibility, LocalDate asOf) {
        var access = redaction.access();
        var shown = new ArrayList<Path>();
        for (var path : paths) {
            var placeholders = withPlaceholders(path.nodes(), path.edges(), visibility, asOf, true);
            if (!placeholders.complete()) {
                continue;
            }
            var redacted = redact(placeholders, access);
            if (redacted.nodes().size() == path.nodes().size()) {
                shown.add(new Path(path.length(), redacted.nodes(), redacted.edges()));
            }
        }
        return shown;
    }

    /** The nodes and edges of a network or path as they are shown so far. */
    private record Shown(List<Node> nodes, List<Edge> edges, boolean complete) {}

    /**
     * The redaction policy on nodes and edges: markers folded (RESTRICTED), offender managers left
     * out with their links for agencies without offender detail, health professionals shown only as
     * "Health professional" (no name, no role) for agencies without health detail, approved premises
     * as "Restricted address".
     */
    private Shown redact(Shown in, Redaction.Access access) {
        var nodes = new ArrayList<Node>();
        var edges = new ArrayList<Edge>();
        var removed = new HashSet<String>();
        var anonymous = new HashSet<String>();
        for (var n : in.nodes()) {
            if (n.kind() == NodeKind.PROFESSIONAL
                    && !access.offenderDetail()
                    && redaction.offenderManagement(n.agencyType(), n.role())) {
                removed.add(n.key());
            } else if (n.kind() == NodeKind.PROFESSIONAL
                    && !access.healthDetail()
                    && redaction.healthInvolvement(n.agencyType())) {
                anonymous.add(n.key());
                nodes.add(n.asAnonymousHealthProfessional());
            } else if (n.kind() == NodeKind.ADDRESS
                    && !access.offenderDetail()
                    && redaction.offenderAddress(n.addressKind())) {
                nodes.add(n.asRestrictedAddress(
                        Redaction.RESTRICTED_ADDRESS, redaction.markers(n.markers(), access, false, n.addressKind())));
            } else {
                var markers = redaction.markers(n.markers(), access, n.offender(), n.addressKind());
                nodes.add(markers == n.markers() ? n : n.withMarkers(markers));
            }
        }
        for (var e : in.edges()) {
            if (removed.contains(e.source()) || removed.contains(e.target())) {
                continue;
            }
            edges.add(anonymous.contains(e.source()) || anonymous.contains(e.target()) ? e.withoutRole() : e);
        }
        return new Shown(nodes, edges, in.complete());
    }

    /**
     * People the user may not see become {@code RESTRICTED_PERSON} placeholders where they touch
     * something the user may see: a placeholder keeps its edges (type, kind and dates only) to
     * people the user may see and to their addresses and professionals, never to another
     * placeholder, and nothing reached only through hidden people is shown (their homes,
     * professionals and further family; nobody not yet born is in a raw network or path), a hidden
     * person stands there only from the month after their birth ({@link Visibility#shownFrom}) and a
     * link of theirs that began before that says no start. Addresses and professionals stay only when
     * linked to someone the user may see; agencies only through a professional kept. With {@code wholePath}
     * (a connection path), {@code complete} says whether every node of the path could be shown.
     */
    private static Shown withPlaceholders(
            List<Node> nodes, List<Edge> edges, Visibility visibility, LocalDate asOf, boolean wholePath) {
        var byKey = new LinkedHashMap<String, Node>();
        nodes.forEach(n -> byKey.put(n.key(), n));
        var kept = new HashSet<String>();
        nodes.stream()
                .filter(n -> n.kind() == NodeKind.PERSON
                        && visibility.sees(n.id())
                        // the person opened stays, even on a day before their birth ("not yet born")
                        && (n.depth() == 0 || visibility.present(n.id(), n.dateOfBirth(), asOf)))
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
                        && !placeholders.containsKey(hidden.key())
                        && visibility.present(hidden.id(), hidden.dateOfBirth(), asOf)) {
                    placeholders.put(
                            hidden.key(),
                            Node.placeholder(
                                    visibility.placeholderId(hidden.id()),
                                    hidden.depth(),
                                    visibility.holders(hidden.id())));
                }
            }
        }
        var nodesOut = new ArrayList<Node>();
        for (var n : nodes) {
            if (kept.contains(n.key())) {
                nodesOut.add(n);
            } else if (wholePath && placeholders.containsKey(n.key())) {
                // a path's nodes are in the path's order
                nodesOut.add(placeholders.get(n.key()));
            }
        }
        if (!wholePath) {
            // a network's placeholders after the nodes shown, by depth and opaque id: the raw answer's
            // order (by real id) would tell how the hidden people's ids sort
            placeholders.values().stream()
                    .sorted(Comparator.comparingInt(Node::depth).thenComparing((Node n) -> n.key()))
                    .forEach(nodesOut::add);
        }
        var edgesOut = new ArrayList<Edge>();
        var placeholderEdges = new ArrayList<Edge>();
        var restrictedKeys = new HashMap<String, Integer>();
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
                var hidden = byKey.get(sourceHidden ? e.source() : e.target());
                if (sourceHidden && "SIBLING".equals(e.type())) {
                    // a worked-out sibling link runs from the lower real id to the higher: from the
                    // person shown to the placeholder instead, or its direction would tell how ids sort
                    var shownEnd = target;
                    target = source;
                    source = shownEnd;
                }
                // the relationship kind and dates only; its key must not carry the hidden person's id, and
                // is the same in every answer that shows it (keyed by the placeholder, which is stable
                // for the reader, and numbered among the same kind of link between the same two nodes)
                var pair = e.type() + ":" + source + ":" + target;
                var restrictedKey = "restricted:" + pair + ":" + restrictedKeys.merge(pair, 1, Integer::sum);
                var link = e.toPlaceholder(
                        restrictedKey, source, target, Visibility.placeholderFrom(e.from(), hidden.dateOfBirth()));
                (wholePath ? edgesOut : placeholderEdges).add(link);
            } else {
                edgesOut.add(e);
            }
        }
        // a network's placeholder links after the others, by key (placeholder and link kind), for the same
        // reason (a path's links stay in the path's order)
        placeholderEdges.sort(Comparator.comparing(Edge::key));
        edgesOut.addAll(placeholderEdges);
        return new Shown(nodesOut, edgesOut, !wholePath || nodesOut.size() == nodes.size());
    }

    private static NodeKind kind(Map<String, Node> byKey, String key) {
        var node = byKey.get(key);
        return node == null ? null : node.kind();
    }

    private static boolean isPlace(NodeKind kind) {
        return kind == NodeKind.ADDRESS || kind == NodeKind.PROFESSIONAL;
    }
}
