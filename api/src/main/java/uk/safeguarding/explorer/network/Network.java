package uk.safeguarding.explorer.network;

import java.time.LocalDate;
import java.util.List;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.MarkerView;

/**
 * The neighbourhood of a person for the explorer: typed nodes and edges as things stood on asOf,
 * capped at {@code first} nodes with {@code truncated} saying when more were reachable.
 */
public record Network(
        String subjectId, LocalDate asOf, int depth, List<Node> nodes, List<Edge> edges, boolean truncated) {

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

        Node withMarkers(List<MarkerView> newMarkers) {
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
                    newMarkers,
                    depth,
                    subject,
                    holders,
                    offender,
                    deceasedOn);
        }

        Node withAgencyType(String type) {
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
                    type,
                    addressKind,
                    postcode,
                    markers,
                    depth,
                    subject,
                    holders,
                    offender,
                    deceasedOn);
        }

        Node asOffender(boolean isOffender) {
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
                    isOffender,
                    deceasedOn);
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
            boolean derived) {}

    /** A path of a connection: its length in hops, its nodes in order and its edges. */
    public record Path(int length, List<Node> nodes, List<Edge> edges) {}
}
