package uk.safeguarding.explorer.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Derives the kinds of sibling link between two children from their parents (DESIGN §5).
 * <ul>
 * <li>FULL: two BIRTH parents shared;</li>
 * <li>HALF: exactly one BIRTH parent shared and no other parent link shared;</li>
 * <li>ADOPTIVE / FOSTER: a shared parent whose link to either child is of that kind;</li>
 * <li>STEP: a shared parent whose link to either child is STEP, or a parent of one child (and
 * not of the other) was a partner, from on or before the as-of date, of a parent of the other
 * (and not of the first).</li>
 * </ul>
 * A pair can have several kinds. The result maps each kind to the people it goes through: shared
 * parents in id order; for a step link through partners, the first child's parent, then the other's.
 */
public final class SiblingKinds {

    /** One PARENT_OF link: who the parent is, how, and since when (null = unknown). */
    public record ParentLink(String parentId, ParentKind kind, LocalDate from) {}

    /** One PARTNER_OF relationship between two people, started on {@code from}. */
    public record Partnership(String a, String b, LocalDate from) {

        boolean joins(String x, String y) {
            return (a.equals(x) && b.equals(y)) || (a.equals(y) && b.equals(x));
        }
    }

    private SiblingKinds() {}

    public static Map<SiblingKind, List<String>> derive(
            Collection<ParentLink> first,
            Collection<ParentLink> second,
            Collection<Partnership> partnerships,
            LocalDate asOf) {
        var a = current(first, asOf);
        var b = current(second, asOf);
        var parentsOfA = a.stream().map(ParentLink::parentId).collect(Collectors.toCollection(LinkedHashSet::new));
        var parentsOfB = b.stream().map(ParentLink::parentId).collect(Collectors.toCollection(LinkedHashSet::new));
        // Shared parents in id order, so that the answer does not depend on query order.
        var shared = new TreeSet<>(parentsOfA);
        shared.retainAll(parentsOfB);

        var result = new EnumMap<SiblingKind, List<String>>(SiblingKind.class);
        var sharedBirth = shared.stream()
                .filter(p -> hasKind(a, p, ParentKind.BIRTH) && hasKind(b, p, ParentKind.BIRTH))
                .toList();
        if (sharedBirth.size() >= 2) {
            result.put(SiblingKind.FULL, sharedBirth);
        } else if (sharedBirth.size() == 1 && shared.size() == 1) {
            result.put(SiblingKind.HALF, sharedBirth);
        }
        for (var kind : List.of(ParentKind.ADOPTIVE, ParentKind.FOSTER, ParentKind.STEP)) {
            var via = shared.stream()
                    .filter(p -> hasKind(a, p, kind) || hasKind(b, p, kind))
                    .toList();
            if (!via.isEmpty()) {
                result.put(SiblingKind.valueOf(kind.name()), new ArrayList<>(via));
            }
        }
        var stepVia = new LinkedHashSet<String>();
        for (var p : parentsOfA) {
            for (var q : parentsOfB) {
                if (!parentsOfB.contains(p) && !parentsOfA.contains(q) && partnered(p, q, partnerships, asOf)) {
                    stepVia.add(p);
                    stepVia.add(q);
                }
            }
        }
        if (!stepVia.isEmpty()) {
            result.merge(SiblingKind.STEP, new ArrayList<>(stepVia), (x, y) -> {
                var all = new LinkedHashSet<>(x);
                all.addAll(y);
                return new ArrayList<>(all);
            });
        }
        return result;
    }

    private static List<ParentLink> current(Collection<ParentLink> links, LocalDate asOf) {
        return links.stream()
                .filter(l -> l.from() == null || !l.from().isAfter(asOf))
                .toList();
    }

    private static boolean hasKind(List<ParentLink> links, String parent, ParentKind kind) {
        return links.stream().anyMatch(l -> l.parentId().equals(parent) && l.kind() == kind);
    }

    private static boolean partnered(String x, String y, Collection<Partnership> partnerships, LocalDate asOf) {
        Set<Partnership> found = partnerships.stream()
                .filter(p -> p.joins(x, y) && (p.from() == null || !p.from().isAfter(asOf)))
                .collect(Collectors.toSet());
        return !found.isEmpty();
    }
}
