package uk.safeguarding.explorer.network;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.faults.FairUse;
import uk.safeguarding.explorer.faults.FairUse.Cost;
import uk.safeguarding.explorer.network.Network.Node;
import uk.safeguarding.explorer.network.Network.NodeKind;
import uk.safeguarding.explorer.network.Network.Path;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;
import uk.safeguarding.explorer.security.Visibility;

/**
 * network and connection (DESIGN §5), assembled: the arguments checked, the traversal read
 * ({@link NetworkRepository}) under fair use, everyone in the answer checked by need-to-know in one
 * query, then what the user may see ({@link NetworkVisibility}).
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
public class NetworkService {

    public static final int MAX_DEPTH = 3;
    public static final int MAX_FIRST = 2_000;
    public static final int MAX_HOPS = 6;
    private static final int MAX_PATHS = 25;

    private final NetworkRepository repository;
    private final NetworkVisibility visibility;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;
    private final FairUse fairUse;

    NetworkService(
            NetworkRepository repository,
            NetworkVisibility visibility,
            NeedToKnow needToKnow,
            Redaction redaction,
            FairUse fairUse) {
        this.repository = repository;
        this.visibility = visibility;
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
        // a hidden subject: audited and answered exactly as an unknown id
        var decided = needToKnow.decide("network", List.of(personId), people(raw));
        var excluded = new LinkedHashSet<String>();
        // a hidden person in their month of birth is not there for this reader: the network is built
        // again without them, so that they take no place of the page either (the page's cut and
        // truncated would otherwise move on their birth day); again if the freed places let in another.
        // Only the people of the network shown are recorded (and counted): not someone reached only
        // through the newborn
        while (excluded.addAll(notYetShown(raw.nodes(), decided, asOf))) {
            var without = Set.copyOf(excluded);
            raw = fairUse.run(
                    depth == MAX_DEPTH ? Cost.EXPENSIVE : Cost.ORDINARY,
                    () -> repository.network(personId, depth, asOf, first, redaction.offenderMarkerTypes(), without));
            decided = needToKnow.decide("network", List.of(personId), people(raw));
        }
        return shown(raw, needToKnow.check("network", personId, people(raw)));
    }

    /**
     * The people among the nodes whom the reader may not see and who are not shown on asOf: hidden
     * people are shown from the month after their birth ({@link Visibility#present}).
     */
    private static Set<String> notYetShown(List<Node> nodes, Visibility checked, LocalDate asOf) {
        var notYet = new LinkedHashSet<String>();
        nodes.stream()
                .filter(n -> n.kind() == NodeKind.PERSON && checked.notYetShown(n.id(), n.dateOfBirth(), asOf))
                .forEach(n -> notYet.add(n.id()));
        return notYet;
    }

    /**
     * The network before need-to-know and redaction, nothing audited: for a meeting's snapshot, which
     * keeps the facts and shows them to each reader through their own need-to-know ({@link #shown}).
     */
    public Network withoutNeedToKnow(String personId, int depth, LocalDate asOf, int first) {
        return withoutNeedToKnow(personId, depth, asOf, first, Set.of());
    }

    /** The same without the people given, nor anyone reached only through them. */
    public Network withoutNeedToKnow(String personId, int depth, LocalDate asOf, int first, Set<String> excluded) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new BadRequestException("depth", "must be from 1 to " + MAX_DEPTH);
        }
        if (first < 1 || first > MAX_FIRST) {
            throw new BadRequestException("first", "must be from 1 to " + MAX_FIRST);
        }
        return fairUse.run(
                depth == MAX_DEPTH ? Cost.EXPENSIVE : Cost.ORDINARY,
                () -> repository.network(personId, depth, asOf, first, redaction.offenderMarkerTypes(), excluded));
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
    public Network shown(Network raw, Visibility checked) {
        return visibility.shown(raw, checked);
    }

    public List<Path> connection(String fromId, String toId, int maxHops, LocalDate asOf) {
        if (maxHops < 1 || maxHops > MAX_HOPS) {
            throw new BadRequestException("maxHops", "must be from 1 to " + MAX_HOPS);
        }
        List<Path> paths;
        var cost = maxHops == MAX_HOPS ? Cost.EXPENSIVE : Cost.ORDINARY;
        try {
            paths = fairUse.run(
                    cost,
                    () -> repository.connection(
                            fromId, toId, maxHops, asOf, MAX_PATHS, redaction.offenderMarkerTypes()));
        } catch (NotFoundException unknown) {
            // audited and answered exactly as a hidden person is
            needToKnow.require("connection", fromId);
            needToKnow.require("connection", toId);
            throw unknown;
        }
        var ends = List.of(fromId, toId);
        // a hidden end: audited and answered exactly as an unknown id
        var decided = needToKnow.decide("connection", ends, people(paths));
        var excluded = new LinkedHashSet<String>();
        // the shortest paths as they are without a hidden person in their month of birth, who would
        // otherwise make a shorter path, or take the place of one, from their birth day; only the
        // people of the paths shown are recorded (and counted)
        while (excluded.addAll(
                notYetShown(paths.stream().flatMap(p -> p.nodes().stream()).toList(), decided, asOf))) {
            var without = Set.copyOf(excluded);
            paths = fairUse.run(
                    cost,
                    () -> repository.connection(
                            fromId, toId, maxHops, asOf, MAX_PATHS, redaction.offenderMarkerTypes(), without));
            decided = needToKnow.decide("connection", ends, people(paths));
        }
        return visibility.shown(paths, needToKnow.check("connection", ends, people(paths)), asOf);
    }

    private static Set<String> people(List<Path> paths) {
        var people = new LinkedHashSet<String>();
        paths.forEach(
                p -> p.nodes().stream().filter(n -> n.kind() == NodeKind.PERSON).forEach(n -> people.add(n.id())));
        return people;
    }
}
