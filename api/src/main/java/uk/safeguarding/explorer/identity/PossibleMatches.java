package uk.safeguarding.explorer.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.safeguarding.explorer.network.Network;
import uk.safeguarding.explorer.network.Network.Edge;
import uk.safeguarding.explorer.network.Network.Node;
import uk.safeguarding.explorer.network.Network.NodeKind;
import uk.safeguarding.explorer.security.NeedToKnow;

/**
 * Pending match candidates in a network (DESIGN §9): a {@code POSSIBLY_SAME_AS} edge between two
 * people a steward has still to decide on, and a badge on everyone with a pending candidate. The
 * other person is shown only when the user may see them anyway (need-to-know, audited): a pending
 * candidate gives no one access to anything; the badge alone says a duplicate may exist.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
public class PossibleMatches {

    /** The edge type of a pending candidate. */
    public static final String EDGE = "POSSIBLY_SAME_AS";

    private final StewardRepository repository;
    private final NeedToKnow needToKnow;

    PossibleMatches(StewardRepository repository, NeedToKnow needToKnow) {
        this.repository = repository;
        this.needToKnow = needToKnow;
    }

    /**
     * Which of these people (whom the user already sees) have a pending candidate: the badge of
     * {@code Person.possibleMatch} (search results), naming no one else.
     */
    public Set<String> pendingOf(Collection<String> personIds) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        var asked = Set.copyOf(personIds);
        return among(repository.pendingAmong(asked), asked);
    }

    /** The people of a set that pending candidates are about. */
    private static Set<String> among(List<StewardRepository.Pending> pending, Set<String> people) {
        var flagged = new HashSet<String>();
        for (var p : pending) {
            if (people.contains(p.a())) {
                flagged.add(p.a());
            }
            if (people.contains(p.b())) {
                flagged.add(p.b());
            }
        }
        return flagged;
    }

    /** The network with its pending candidates, and the people in it who have one. */
    public record Augmented(List<Node> nodes, List<Edge> edges, Set<String> pending) {}

    public Augmented augment(Network network) {
        var nodes = new ArrayList<>(network.nodes());
        var edges = new ArrayList<>(network.edges());
        var inNetwork = new HashMap<String, Node>();
        nodes.stream().filter(n -> n.kind() == NodeKind.PERSON).forEach(n -> inNetwork.put(n.id(), n));
        if (inNetwork.isEmpty()) {
            return new Augmented(nodes, edges, Set.of());
        }
        var pending = repository.pendingAmong(inNetwork.keySet());
        var flagged = among(pending, inNetwork.keySet());
        var outside = new LinkedHashMap<String, Node>();
        for (var p : pending) {
            if (!inNetwork.containsKey(p.a())) {
                outside.putIfAbsent(p.a(), inNetwork.get(p.b()));
            } else if (!inNetwork.containsKey(p.b())) {
                outside.putIfAbsent(p.b(), inNetwork.get(p.a()));
            }
        }
        if (!outside.isEmpty()) {
            // only those born by the network's day (a record not yet born then is no one on that day)
            var born = repository.people(outside.keySet()).stream()
                    .filter(p -> network.asOf() == null
                            || p.dateOfBirth() == null
                            || !p.dateOfBirth().isAfter(network.asOf()))
                    .toList();
            var visible = needToKnow
                    .check("network", born.stream().map(p -> p.id()).toList())
                    .visible();
            for (var person :
                    born.stream().filter(p -> visible.contains(p.id())).toList()) {
                var anchor = outside.get(person.id());
                // markers are shown when the person is opened, through redaction
                var node = Node.person(person, network.asOf(), anchor.depth() + 1, false);
                nodes.add(node);
                inNetwork.put(person.id(), node);
                flagged.add(person.id());
            }
        }
        for (var p : pending) {
            if (inNetwork.containsKey(p.a()) && inNetwork.containsKey(p.b())) {
                edges.add(Edge.link("possibly:" + p.id(), EDGE, "Person:" + p.a(), "Person:" + p.b()));
            }
        }
        return new Augmented(nodes, edges, flagged);
    }
}
