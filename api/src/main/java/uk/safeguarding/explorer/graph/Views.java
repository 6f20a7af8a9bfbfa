package uk.safeguarding.explorer.graph;

import java.time.LocalDate;
import java.util.List;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

/**
 * Projections of graph nodes as records, read straight from driver values (no object mapping):
 * the shapes the GraphQL types are served from.
 */
public final class Views {

    private Views() {}

    /**
     * A person node, or (with a {@code restriction}) the placeholder of a person the user may not see
     * inside an answer about someone they may see (DESIGN §7, "Hidden is not absent"): then the id is
     * the placeholder's opaque id, and nothing but the agencies that hold information about them and
     * their relationship to the answer's subject is known.
     */
    public record PersonView(
            String id,
            String givenName,
            String familyName,
            List<String> aliases,
            LocalDate dateOfBirth,
            boolean dobEstimated,
            String sex,
            LocalDate deceasedOn,
            String nhsNumber,
            String pncId,
            String laCaseNumber,
            String upn,
            String probationCrn,
            Restriction restriction) {

        /** What the user may know of a hidden person: who holds information, and how they are related. */
        public record Restriction(List<AgencyView> holders, Relation relationship) {}

        /** How a person is related to the subject of the answer they appear in, and when. */
        public record Relation(String kind, LocalDate from, LocalDate to) {}

        /** The words used for a person the user may not see, wherever a sentence would name them. */
        public static final String HIDDEN = "someone your agency cannot see";

        public static PersonView from(Value node) {
            return new PersonView(
                    string(node, "id"),
                    string(node, "givenName"),
                    string(node, "familyName"),
                    node.get("aliases").isNull()
                            ? List.of()
                            : node.get("aliases").asList(Value::asString),
                    date(node, "dateOfBirth"),
                    node.get("dobEstimated").asBoolean(false),
                    string(node, "sex"),
                    date(node, "deceasedOn"),
                    string(node, "nhsNumber"),
                    string(node, "pncId"),
                    string(node, "laCaseNumber"),
                    string(node, "upn"),
                    string(node, "probationCrn"),
                    null);
        }

        /** The placeholder of a hidden person: an opaque id, the holders and the relationship, nothing else. */
        public static PersonView restricted(String placeholderId, List<AgencyView> holders, Relation relationship) {
            return new PersonView(
                    placeholderId,
                    null,
                    null,
                    List.of(),
                    null,
                    false,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    new Restriction(List.copyOf(holders), relationship));
        }

        /** The same placeholder, related to the subject of another answer. */
        public PersonView relatedAs(Relation relationship) {
            return restriction == null ? this : restricted(id, restriction.holders(), relationship);
        }

        /** A placeholder of a person the user may not see (GraphQL {@code Person.restricted}). */
        public boolean restricted() {
            return restriction != null;
        }

        /** {@code PERSON}, or {@code RESTRICTED_PERSON} for a placeholder (GraphQL {@code Person.kind}). */
        public String kind() {
            return restriction == null ? "PERSON" : "RESTRICTED_PERSON";
        }

        /** The agencies that hold information about a hidden person; empty for everyone else. */
        public List<AgencyView> holders() {
            return restriction == null ? List.of() : restriction.holders();
        }

        /** A hidden person's relationship to the subject of the answer; null for everyone else. */
        public Relation relationship() {
            return restriction == null ? null : restriction.relationship();
        }

        /** Given and family name, or the id when neither is recorded; never anything of a hidden person. */
        public String displayName() {
            if (restriction != null) {
                return HIDDEN;
            }
            var name = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
            return name.isEmpty() ? id : name;
        }
    }

    /** An address node. */
    public record AddressView(
            String id, String uprn, String line1, String line2, String town, String postcode, String kind) {

        public static AddressView from(Value node) {
            return new AddressView(
                    string(node, "id"),
                    string(node, "uprn"),
                    string(node, "line1"),
                    string(node, "line2"),
                    string(node, "town"),
                    string(node, "postcode"),
                    string(node, "kind"));
        }
    }

    /**
     * A marker node; {@code address} is set when a person carries it because they live at the
     * marked address (a derived marker).
     */
    public record MarkerView(
            String id,
            String type,
            LocalDate from,
            LocalDate to,
            String detail,
            Integer mappaCategory,
            Integer mappaLevel,
            String source,
            AddressView address) {

        public static MarkerView from(Value node) {
            return new MarkerView(
                    string(node, "id"),
                    string(node, "type"),
                    date(node, "from"),
                    date(node, "to"),
                    string(node, "detail"),
                    integer(node, "mappaCategory"),
                    integer(node, "mappaLevel"),
                    string(node, "source"),
                    null);
        }

        /** The marker of an address, carried by someone living there. */
        public MarkerView at(AddressView where) {
            return new MarkerView(id, type, from, to, detail, mappaCategory, mappaLevel, source, where);
        }

        public boolean derived() {
            return address != null;
        }
    }

    /** An agency node. */
    public record AgencyView(String id, String name, String type) {

        public static AgencyView from(Value node) {
            return new AgencyView(string(node, "id"), string(node, "name"), string(node, "type"));
        }
    }

    public static String string(MapAccessor map, String key) {
        var value = map.get(key);
        return value.isNull() ? null : value.asString();
    }

    public static LocalDate date(MapAccessor map, String key) {
        var value = map.get(key);
        return value.isNull() ? null : value.asLocalDate();
    }

    public static Integer integer(MapAccessor map, String key) {
        var value = map.get(key);
        return value.isNull() ? null : value.asInt();
    }
}
