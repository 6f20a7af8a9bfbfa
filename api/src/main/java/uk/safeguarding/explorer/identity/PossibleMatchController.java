package uk.safeguarding.explorer.identity;

import graphql.GraphQLContext;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.network.Network;
import uk.safeguarding.explorer.network.Network.Edge;
import uk.safeguarding.explorer.network.Network.Node;

/**
 * Adds pending match candidates to a network answer ({@link PossibleMatches}): the nodes and edges
 * of {@code Network} and the {@code possibleMatch} badge of {@code NetworkNode}. Computed once per
 * network and request.
 */
@Controller
class PossibleMatchController {

    private static final String KEY = PossibleMatchController.class.getName();

    private final PossibleMatches possibleMatches;

    PossibleMatchController(PossibleMatches possibleMatches) {
        this.possibleMatches = possibleMatches;
    }

    @SchemaMapping(typeName = "Network", field = "nodes")
    List<Node> nodes(Network network, GraphQLContext context) {
        return augmented(network, context).nodes();
    }

    @SchemaMapping(typeName = "Network", field = "edges")
    List<Edge> edges(Network network, GraphQLContext context) {
        return augmented(network, context).edges();
    }

    @SchemaMapping(typeName = "NetworkNode", field = "possibleMatch")
    boolean possibleMatch(Node node, GraphQLContext context) {
        Map<Network, PossibleMatches.Augmented> done = context.get(KEY);
        return done != null && done.values().stream().anyMatch(a -> a.pending().contains(node.id()));
    }

    /** The badge on a person (search results): a pending candidate about them waits for a data steward. */
    @BatchMapping(typeName = "Person", field = "possibleMatch")
    Map<PersonView, Boolean> personPossibleMatch(List<PersonView> people) {
        var pending = possibleMatches.pendingOf(
                people.stream().map(PersonView::id).distinct().toList());
        var result = new LinkedHashMap<PersonView, Boolean>();
        people.forEach(p -> result.put(p, pending.contains(p.id())));
        return result;
    }

    /** One augmentation per network of the request (a request may ask for several networks). */
    private PossibleMatches.Augmented augmented(Network network, GraphQLContext context) {
        Map<Network, PossibleMatches.Augmented> done =
                context.computeIfAbsent(KEY, k -> Collections.synchronizedMap(new IdentityHashMap<>()));
        return done.computeIfAbsent(network, possibleMatches::augment);
    }
}
