package uk.safeguarding.explorer.network;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.MarkerView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.model.Ages;

/**
 * The neighbourhood of a person for the explorer: typed nodes and edges as things stood on asOf,
 * capped at {@code first} nodes with {@code truncated} saying when more were reachable.
 */
public record Network(
        String subjectId, LocalDate asOf, int depth, List<Node> nodes, List<Edge> edges, boolean truncated) {

    /**
     * The same network with each node's depth counted from its subjects over its own edges (what none
     * reaches past the deepest), the subject first, the nodes shown then the placeholders, each by depth
     * then key: a meeting's merged network took a
     * node's depth and place from whichever child reached it first, a child the reader may not see among
     * them.
     */
    public Network withDepthsFromSubjects() {
        var adjacent = new HashMap<String, List<String>>();
        for (var e : edges) {
            adjacent.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e.target());
            adjacent.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e.source());
        }
        var depths = new HashMap<String, Integer>();
        var queue = new ArrayDeque<String>();
        nodes.stream().filter(Node::subject).forEach(n -> {
            depths.put(n.key(), 0);
            queue.add(n.key());
        });
        while (!queue.isEmpty()) {
            var key = queue.poll();
            for (var next : adjacent.getOrDefault(key, List.of())) {
                if (depths.putIfAbsent(next, depths.get(key) + 1) == null) {
                    queue.add(next);
                }
            }
        }
        // what no child the reader sees reaches over the links shown stands past the deepest, never at a
        // depth counted from a hidden child
        var beyond = depths.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        var counted = nodes.stream()
                .map(n -> n.withDepth(depths.getOrDefault(n.key(), beyond)))
                .sorted(Comparator.comparing((Node n) -> !n.id().equals(subjectId) || n.kind() != NodeKind.PERSON)
                        .thenComparing((Node n) -> n.kind() == NodeKind.RESTRICTED_PERSON)
                        .thenComparingInt(Node::depth)
                        .thenComparing((Node n) -> n.key()))
                .toList();
        return new Network(subjectId, asOf, depth, counted, edges, truncated);
    }

    /** The kinds of node; RESTRICTED_PERSON is the placeholder of a person the user may not see. */
    public enum NodeKind {
        PERSON,
        ADDRESS,
        PROFESSIONAL,
        AGENCY,
        RESTRICTED_PERSON
    }

    /**
     * A node; {@code key} is unique in the network (label and id), {@code id} is the record's id (a
     * placeholder's opaque id for a RESTRICTED_PERSON, whose {@code holders} are the agencies that
     * hold information about them). {@code offender}: a person who carries or carried an offender
     * marker (for the redaction policy; not part of the GraphQL type). {@code deceasedOn}: a person
     * who had died by the as-of day, the day they died (never on a placeholder).
     */
    public record Node(
            String key,
            String id,
            NodeKind kind,
            String label,
            Boolean child,
            String sex,
            LocalDate dateOfBirth,
            Integer age,
            String role,
            String agencyType,
            String addressKind,
            String postcode,
            List<MarkerView> markers,
            int depth,
            boolean subject,
            List<AgencyView> holders,
            boolean offender,
            LocalDate deceasedOn) {

        /** The node of a person as things stood on asOf: a child then or not, their age then, died by then. */
        public static Node person(PersonView person, LocalDate asOf, int depth, boolean subject) {
            var dob = person.dateOfBirth();
            return new Builder(key("Person", person.id()), person.id(), NodeKind.PERSON, person.displayName(), depth)
                    .child(Ages.isChild(dob, person.deceasedOn(), asOf))
                    .sex(person.sex())
                    .dateOfBirth(dob)
                    .age(Ages.ageOn(dob, asOf))
                    .subject(subject)
                    .deceasedOn(Ages.diedBy(person.deceasedOn(), asOf))
                    .build();
        }

        /** The node of an address, labelled by its first line and postcode. */
        public static Node address(String id, String line1, String postcode, String addressKind, int depth) {
            var label = (line1 == null ? "" : line1) + (postcode == null ? "" : ", " + postcode);
            return new Builder(key("Address", id), id, NodeKind.ADDRESS, label, depth)
                    .addressKind(addressKind)
                    .postcode(postcode)
                    .build();
        }

        /** The node of a professional; their agency's type comes later ({@link #withAgencyType}). */
        public static Node professional(String id, String name, String role, int depth) {
            return new Builder(key("Professional", id), id, NodeKind.PROFESSIONAL, name == null ? "" : name, depth)
                    .role(role)
                    .build();
        }

        /** The node of an agency. */
        public static Node agency(String id, String name, String type, int depth) {
            return new Builder(key("Agency", id), id, NodeKind.AGENCY, name == null ? "" : name, depth)
                    .agencyType(type)
                    .build();
        }

        /**
         * The placeholder of a person the user may not see: an opaque id, the agencies that hold
         * information about them, nothing else.
         */
        public static Node placeholder(String placeholderId, int depth, List<AgencyView> holders) {
            return new Builder(
                            key("RestrictedPerson", placeholderId),
                            placeholderId,
                            NodeKind.RESTRICTED_PERSON,
                            "Restricted person",
                            depth)
                    .holders(holders)
                    .build();
        }

        /** The key of a node: unique in a network, from its label and id. */
        public static String key(String label, String id) {
            return label + ":" + id;
        }

        public Node withDepth(int newDepth) {
            return newDepth == depth ? this : edit(b -> b.depth = newDepth);
        }

        public Node withMarkers(List<MarkerView> newMarkers) {
            return edit(b -> b.markers = newMarkers);
        }

        public Node withAgencyType(String type) {
            return edit(b -> b.agencyType = type);
        }

        public Node withOffender(boolean isOffender) {
            return edit(b -> b.offender = isOffender);
        }

        /** The same node as a subject of a network (depth 0), as a meeting's children are. */
        public Node asSubject() {
            return edit(b -> {
                b.depth = 0;
                b.subject = true;
            });
        }

        /** A health professional as agencies without health detail see them: no name, no role. */
        public Node asAnonymousHealthProfessional() {
            return new Builder(key, id, kind, "Health professional", depth)
                    .agencyType(agencyType)
                    .build();
        }

        /** An approved premises as agencies without offender detail see it, with the markers they may see. */
        public Node asRestrictedAddress(String restrictedLabel, List<MarkerView> shownMarkers) {
            return new Builder(key, id, kind, restrictedLabel, depth)
                    .markers(shownMarkers)
                    .build();
        }

        private Node edit(Consumer<Builder> change) {
            var builder = new Builder(this);
            change.accept(builder);
            return builder.build();
        }

        /** The one place a node is made: factories and copies set what differs from the defaults. */
        private static final class Builder {
            private final String key;
            private final String id;
            private final NodeKind kind;
            private final String label;
            private Boolean child;
            private String sex;
            private LocalDate dateOfBirth;
            private Integer age;
            private String role;
            private String agencyType;
            private String addressKind;
            private String postcode;
            private List<MarkerView> markers = List.of();
            private int depth;
            private boolean subject;
            private List<AgencyView> holders = List.of();
            private boolean offender;
            private LocalDate deceasedOn;

            Builder(String key, String id, NodeKind kind, String label, int depth) {
                this.key = key;
                this.id = id;
                this.kind = kind;
                this.label = label;
                this.depth = depth;
            }

            Builder(Node n) {
                this(n.key, n.id, n.kind, n.label, n.depth);
                child = n.child;
                sex = n.sex;
                dateOfBirth = n.dateOfBirth;
                age = n.age;
                role = n.role;
                agencyType = n.agencyType;
                addressKind = n.addressKind;
                postcode = n.postcode;
                markers = n.markers;
                subject = n.subject;
                holders = n.holders;
                offender = n.offender;
                deceasedOn = n.deceasedOn;
            }

            Builder child(Boolean value) {
                child = value;
                return this;
            }

            Builder sex(String value) {
                sex = value;
                return this;
            }

            Builder dateOfBirth(LocalDate value) {
                dateOfBirth = value;
                return this;
            }

            Builder age(Integer value) {
                age = value;
                return this;
            }

            Builder role(String value) {
                role = value;
                return this;
            }

            Builder agencyType(String value) {
                agencyType = value;
                return this;
            }

            Builder addressKind(String value) {
                addressKind = value;
                return this;
            }

            Builder postcode(String value) {
                postcode = value;
                return this;
            }

            Builder markers(List<MarkerView> value) {
                markers = value;
                return this;
            }

            Builder subject(boolean value) {
                subject = value;
                return this;
            }

            Builder holders(List<AgencyView> value) {
                holders = value;
                return this;
            }

            Builder deceasedOn(LocalDate value) {
                deceasedOn = value;
                return this;
            }

            Node build() {
                return new Node(
                        key,
                        id,
                        kind,
                        label,
                        child,
                        sex,
                        dateOfBirth,
                        age,
                        role,
                        agencyType,
                        addressKind,
                        postcode,
                        markers,
                        depth,
                        subject,
                        holders,
                        offender,
                        deceasedOn);
            }
        }
    }

    /**
     * An edge between two node keys: its type (a relationship type, or SIBLING for a derived sibling
     * link), kind/status/nature/role where it has one, its period, whether it is current on asOf.
     */
    public record Edge(
            String key,
            String type,
            String source,
            String target,
            String kind,
            String status,
            String nature,
            String role,
            LocalDate from,
            LocalDate to,
            boolean current,
            boolean derived) {

        /** A link with no properties of its own, current: a professional's to their agency, a possible match. */
        public static Edge link(String key, String type, String source, String target) {
            return new Edge(key, type, source, target, null, null, null, null, null, null, true, false);
        }

        /** A sibling link derived from parents and partnerships (never recorded), of the given kind. */
        public static Edge derivedSibling(String key, String source, String target, String kind) {
            return new Edge(key, "SIBLING", source, target, kind, null, null, null, null, null, true, true);
        }

        /** The same link without the professional's role (for agencies without health detail). */
        public Edge withoutRole() {
            return new Edge(key, type, source, target, kind, status, nature, null, from, to, current, derived);
        }

        /**
         * The same link to or from a placeholder: its type, kind and dates only, under a key that does
         * not carry the hidden person's id, starting on {@code shownFrom} (the start as the placeholder
         * may carry it: {@link uk.safeguarding.explorer.security.Visibility#placeholderFrom}).
         */
        public Edge toPlaceholder(String restrictedKey, String newSource, String newTarget, LocalDate shownFrom) {
            return new Edge(
                    restrictedKey, type, newSource, newTarget, kind, null, null, null, shownFrom, to, current, derived);
        }
    }

    /** A path of a connection: its length in hops, its nodes in order and its edges. */
    public record Path(int length, List<Node> nodes, List<Edge> edges) {}
}
