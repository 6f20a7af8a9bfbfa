package uk.safeguarding.explorer.siblings;

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
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.graph.Views.AddressView;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.graph.Views.PersonView.Relation;
import uk.safeguarding.explorer.model.Ages;
import uk.safeguarding.explorer.model.ParentKind;
import uk.safeguarding.explorer.model.Period;
import uk.safeguarding.explorer.model.SiblingKind;
import uk.safeguarding.explorer.model.SiblingKinds;
import uk.safeguarding.explorer.model.SiblingKinds.ParentLink;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;
import uk.safeguarding.explorer.security.Visibility;
import uk.safeguarding.explorer.siblings.RiskLink.RiskLinkKind;

/**
 * siblingsAtRisk (DESIGN §5): every child other than the subject exposed to the same source of
 * harm. The graph supplies the candidates (five named queries, whatever the number of children or
 * subjects);
 * the rules that decide sibling kinds, childhood and overlaps are graph-model's.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
public class SiblingsService {

    private static final String OPERATION = "siblingsAtRisk";

    private final SiblingsRepository repository;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;

    SiblingsService(SiblingsRepository repository, NeedToKnow needToKnow, Redaction redaction) {
        this.repository = repository;
        this.needToKnow = needToKnow;
        this.redaction = redaction;
    }

    /**
     * A service that only answers {@link #withoutNeedToKnow}, over a graph of the caller's: for tools
     * outside the application (the benchmark runs the risk rules with it), which hold the database's
     * own credentials and so are not subject to need-to-know. Its user-facing answers fail.
     */
    public static SiblingsService forTools(Graph graph) {
        return new SiblingsService(new SiblingsRepository(graph), null, null);
    }

    /**
     * The children at risk around a person, as the user may see them: the raw answer is computed
     * first, then everyone it touches (the subject, the children and the people links go through)
     * is checked in one need-to-know call; a child or go-between the user may not see is shown as a
     * placeholder with the link's kind and dates, and nothing else of them.
     */
    public List<ChildAtRisk> siblingsAtRisk(String personId, LocalDate asOf) {
        Raw raw;
        try {
            raw = withoutNeedToKnow(personId, asOf);
        } catch (NotFoundException unknown) {
            // audited and answered exactly as a hidden person is
            needToKnow.require(OPERATION, personId);
            throw unknown;
        }
        // a hidden subject: audited and answered exactly as an unknown id
        var decided = needToKnow.decide(OPERATION, List.of(personId), people(raw));
        // only the children shown to this reader, and the people their links go through, are recorded
        // (and counted): not a go-between found only through a hidden newborn, from her birth day
        var kept = raw.childrenOn(decided, asOf);
        return shown(kept, needToKnow.check(OPERATION, personId, people(kept)), asOf);
    }

    /**
     * A subject's children at risk before need-to-know, nothing audited, and the subject's parents
     * (to say how a go-between is related): for a meeting's snapshot, which keeps the facts and
     * shows them to each reader through their own need-to-know ({@link #shown}).
     */
    public record Raw(List<ChildAtRisk> children, Set<String> parents) {

        /** Only the children who are children on the day as the reader may know it ({@link Visibility#childOn}). */
        public Raw childrenOn(Visibility decided, LocalDate asOf) {
            return new Raw(
                    children.stream()
                            .filter(c -> decided.childOn(c.child(), asOf))
                            .toList(),
                    parents);
        }
    }

    /** The children at risk around a person before need-to-know. */
    public Raw withoutNeedToKnow(String personId, LocalDate asOf) {
        return repository.inOneTransaction(tx -> siblingsAtRisk(tx, personId, asOf));
    }

    /** Everyone a raw answer touches (the children and the people links go through): all to check. */
    public static Set<String> people(Raw raw) {
        var ids = new LinkedHashSet<String>();
        raw.children().forEach(c -> {
            ids.add(c.child().id());
            c.links().forEach(l -> l.via().forEach(v -> ids.add(v.id())));
        });
        return ids;
    }

    /**
     * The children as the user may see them, once everyone is checked ({@code visibility}): a child
     * or go-between the user may not see is a placeholder with the link's kind and dates, and nothing
     * else of them; a hidden child only in the whole months of their childhood
     * ({@link Visibility#childOn}).
     */
    public List<ChildAtRisk> shown(Raw raw, Visibility visibility, LocalDate asOf) {
        var all = raw.children();
        var subjectParents = raw.parents() == null ? Set.<String>of() : raw.parents();
        var access = redaction.access();
        var shown = new ArrayList<ChildAtRisk>();
        for (var c : all) {
            if (!visibility.childOn(c.child(), asOf)) {
                // a hidden child is a child only in whole months (Visibility#shownFrom)
                continue;
            }
            var links = c.links().stream()
                    .map(l -> new RiskLink(
                            l.kind(),
                            Visibility.placeholdersLast(l.via().stream()
                                    .map(v -> visibility.shown(
                                            v,
                                            new Relation(
                                                    subjectParents.contains(v.id())
                                                            ? "PARENT"
                                                            : l.kind() == RiskLinkKind.STEPCHILD
                                                                    ? "PARTNER"
                                                                    : "PARENT_PARTNER",
                                                    null,
                                                    null)))
                                    .toList()),
                            redaction.address(l.address(), access),
                            visibility.from(c.child(), l.from()),
                            l.to()))
                    .toList();
            if (visibility.sees(c.child().id())) {
                shown.add(new ChildAtRisk(
                        c.child(),
                        links,
                        c.assessed(),
                        c.latestAssessmentOn(),
                        c.onProtectionPlan(),
                        c.agencies(),
                        c.concern()));
            } else {
                var first = links.get(0);
                shown.add(new ChildAtRisk(
                        visibility.placeholder(
                                c.child().id(), new Relation(first.kind().name(), first.from(), first.to())),
                        links,
                        false,
                        null,
                        false,
                        List.of(),
                        c.concern()));
            }
        }
        // placeholders after the children the user may see (kept in the answer's order), and among
        // themselves by their opaque id: the answer's order (not assessed first, then by birth) would
        // tell what a placeholder does not
        shown.sort(Visibility.placeholdersLast(ChildAtRisk::child));
        return shown;
    }

    /**
     * The children at risk around each of several people in a transaction of the caller's, with no
     * need-to-know applied and nothing audited: for the risk rules, which apply both to the flags
     * they raise. The reads are batched: each of the five queries runs once for all the people.
     */
    public Map<String, List<ChildAtRisk>> withoutNeedToKnow(
            TransactionContext tx, Collection<String> personIds, LocalDate asOf) {
        return compute(tx, personIds, asOf, new HashMap<>());
    }

    private Raw siblingsAtRisk(TransactionContext tx, String personId, LocalDate asOf) {
        var parents = new HashMap<String, Set<String>>();
        var answers = compute(tx, List.of(personId), asOf, parents);
        if (!answers.containsKey(personId)) {
            throw NotFoundException.person(personId);
        }
        return new Raw(answers.get(personId), parents.get(personId));
    }

    /** One subject's links while they are being found. */
    private static final class Subject {
        final String id;
        final List<ParentLink> parents;
        final LocalDate concernBegan;
        final Set<String> siblingCandidates = new LinkedHashSet<>();
        final Map<String, List<Found>> links = new LinkedHashMap<>();

        Subject(Record row) {
            this.id = row.get("s").get("id").asString();
            this.parents = parentLinks(row.get("subjectParents"));
            this.concernBegan = concernBegan(row);
        }
    }

    private Map<String, List<ChildAtRisk>> compute(
            TransactionContext tx, Collection<String> personIds, LocalDate asOf, Map<String, Set<String>> parentsOut) {
        var subjects = new LinkedHashMap<String, Subject>();
        var candidates = new LinkedHashSet<String>();
        for (var row : repository.subjects(tx, personIds, asOf)) {
            var subject = new Subject(row);
            subjects.put(subject.id, subject);
            parentsOut.put(
                    subject.id,
                    subject.parents.stream().map(ParentLink::parentId).collect(Collectors.toSet()));
            links(subject, row, asOf);
            candidates.addAll(subject.siblingCandidates);
            candidates.addAll(subject.links.keySet());
        }
        var context = repository.children(tx, candidates, asOf);

        // Derived sibling kinds need the partnerships between the parents of both children.
        var parentIds = new HashSet<String>();
        subjects.values().forEach(s -> {
            s.parents.forEach(p -> parentIds.add(p.parentId()));
            s.siblingCandidates.forEach(id -> {
                if (context.containsKey(id)) {
                    parentLinks(context.get(id).get("parents")).forEach(p -> parentIds.add(p.parentId()));
                }
            });
        });
        var partnerships = repository.partnerships(tx, parentIds);
        for (var subject : subjects.values()) {
            for (var id : subject.siblingCandidates) {
                if (!context.containsKey(id) || id.equals(subject.id)) {
                    continue;
                }
                var kinds = SiblingKinds.derive(
                        subject.parents, parentLinks(context.get(id).get("parents")), partnerships, asOf);
                kinds.forEach((kind, via) -> add(subject.links, id, new Found(kindOf(kind), via, null, null, null)));
            }
        }

        // Everyone named in a link (via) and every address, read once.
        var names = new HashMap<String, PersonView>();
        context.forEach((id, r) -> names.put(id, PersonView.from(r.get("c"))));
        var viaIds = new HashSet<String>();
        var addressIds = new HashSet<String>();
        subjects.values()
                .forEach(s -> s.links
                        .values()
                        .forEach(list -> list.forEach(f -> {
                            viaIds.addAll(f.via());
                            if (f.address() != null) {
                                addressIds.add(f.address());
                            }
                        })));
        viaIds.removeAll(names.keySet());
        names.putAll(repository.people(tx, viaIds));
        var addresses = repository.addresses(tx, addressIds);
        var answers = new LinkedHashMap<String, List<ChildAtRisk>>();
        subjects.values().forEach(s -> answers.put(s.id, answer(s, context, names, addresses, asOf)));
        return answers;
    }

    /** The links the subject's own row shows (all but the derived sibling kinds). */
    private static void links(Subject subject, Record row, LocalDate asOf) {
        row.get("viaParents").asList(Value::asString).forEach(subject.siblingCandidates::add);
        row.get("viaParentPartners").asList(Value::asString).forEach(subject.siblingCandidates::add);
        subject.siblingCandidates.remove(subject.id);
        var links = subject.links;
        for (var explicit : row.get("explicitSiblings").values()) {
            add(
                    links,
                    explicit.get("id").asString(),
                    new Found(
                            kindOf(SiblingKind.valueOf(explicit.get("kind").asString())), List.of(), null, null, null));
        }
        for (var id : row.get("children").asList(Value::asString)) {
            add(links, id, new Found(RiskLinkKind.CHILD, List.of(), null, null, null));
        }
        for (var step : row.get("stepchildren").values()) {
            add(
                    links,
                    step.get("id").asString(),
                    new Found(RiskLinkKind.STEPCHILD, List.of(step.get("via").asString()), null, null, null));
        }
        for (var stay : row.get("coResidence").values()) {
            var overlap = new Period(Views.date(stay, "from1"), Views.date(stay, "to1"))
                    .intersection(new Period(Views.date(stay, "from2"), Views.date(stay, "to2")));
            if (overlap != null && overlap.startsOnOrBefore(asOf)) {
                add(
                        links,
                        stay.get("id").asString(),
                        new Found(
                                RiskLinkKind.CO_RESIDENT,
                                List.of(),
                                stay.get("address").asString(),
                                overlap.from(),
                                overlap.to()));
            }
        }
        for (var contact : row.get("contacts").values()) {
            add(
                    links,
                    contact.get("id").asString(),
                    new Found(
                            RiskLinkKind.CONTACT,
                            List.of(),
                            null,
                            Views.date(contact, "from"),
                            Views.date(contact, "to")));
        }
    }

    private static List<ChildAtRisk> answer(
            Subject subject,
            Map<String, Record> context,
            Map<String, PersonView> names,
            Map<String, AddressView> addresses,
            LocalDate asOf) {
        var result = new ArrayList<ChildAtRisk>();
        for (var entry : subject.links.entrySet()) {
            var row = context.get(entry.getKey());
            if (row == null || entry.getKey().equals(subject.id)) {
                continue;
            }
            var child = PersonView.from(row.get("c"));
            if (!Ages.isChild(child.dateOfBirth(), child.deceasedOn(), asOf)) {
                continue;
            }
            var assessments = row.get("assessments").asList(Value::asLocalDate);
            var assessed = assessments.stream()
                    .anyMatch(d -> subject.concernBegan == null || !d.isBefore(subject.concernBegan));
            var latest = assessments.stream().max(Comparator.naturalOrder()).orElse(null);
            var riskLinks = entry.getValue().stream()
                    .distinct()
                    .sorted(Comparator.comparing(Found::kind)
                            .thenComparing(Found::from, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .map(f -> new RiskLink(
                            f.kind(),
                            f.via().stream()
                                    .map(names::get)
                                    .filter(Objects::nonNull)
                                    .toList(),
                            f.address() == null ? null : addresses.get(f.address()),
                            f.from(),
                            f.to()))
                    .toList();
            var agencies = row.get("agencies").asList(v -> AgencyView.from(v)).stream()
                    .sorted(Comparator.comparing(AgencyView::id))
                    .toList();
            result.add(new ChildAtRisk(
                    child,
                    riskLinks,
                    assessed,
                    latest,
                    row.get("onPlan").asBoolean(),
                    agencies,
                    subject.concernBegan != null));
        }
        // Unassessed children first: they are the ones the inspection found forgotten; then oldest first.
        result.sort(Comparator.comparing(ChildAtRisk::assessed)
                .thenComparing(c -> c.child().dateOfBirth(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(c -> c.child().id()));
        return result;
    }

    /**
     * The earliest start of a sexual-harm marker (RSO, MAPPA, HSB, CSA victim) on the subject, or of
     * a sexual-abuse or HSB referral about them; {@code LocalDate.MIN} for a marker with an unknown
     * start; {@code null} when there is no such concern (then any assessment counts).
     */
    static LocalDate concernBegan(Record subject) {
        var dates = Stream.concat(
                subject.get("concernMarkers").asList(v -> v).stream()
                        .map(m -> m.get("on").isNull()
                                ? LocalDate.MIN
                                : m.get("on").asLocalDate()),
                subject.get("concernReferrals").asList(Value::asLocalDate).stream());
        return dates.min(Comparator.naturalOrder()).orElse(null);
    }

    private static List<ParentLink> parentLinks(Value links) {
        return links.asList(v -> new ParentLink(
                v.get("id").asString(), ParentKind.valueOf(v.get("kind").asString()), Views.date(v, "from")));
    }

    private static RiskLinkKind kindOf(SiblingKind kind) {
        return switch (kind) {
            case FULL -> RiskLinkKind.FULL_SIBLING;
            case HALF -> RiskLinkKind.HALF_SIBLING;
            case STEP -> RiskLinkKind.STEP_SIBLING;
            case ADOPTIVE -> RiskLinkKind.ADOPTIVE_SIBLING;
            case FOSTER -> RiskLinkKind.FOSTER_SIBLING;
        };
    }

    private static void add(Map<String, List<Found>> links, String id, Found found) {
        links.computeIfAbsent(id, k -> new ArrayList<>()).add(found);
    }

    /** A link as found in the graph, before people and addresses are filled in. */
    private record Found(RiskLinkKind kind, List<String> via, String address, LocalDate from, LocalDate to) {}
}
