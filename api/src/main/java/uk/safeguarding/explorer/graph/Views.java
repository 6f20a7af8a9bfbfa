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

    private Views() {
    }

    /** A person node. */
    public record PersonView(String id, String givenName, String familyName, List<String> aliases,
            LocalDate dateOfBirth, boolean dobEstimated, String sex, LocalDate deceasedOn, String nhsNumber,
            String pncId, String laCaseNumber, String upn, String probationCrn) {

        public static PersonView from(Value node) {
            return new PersonView(string(node, "id"), string(node, "givenName"), string(node, "familyName"),
                    node.get("aliases").isNull() ? List.of() : node.get("aliases").asList(Value::asString),
                    date(node, "dateOfBirth"), node.get("dobEstimated").asBoolean(false), string(node, "sex"),
                    date(node, "deceasedOn"), string(node, "nhsNumber"), string(node, "pncId"),
                    string(node, "laCaseNumber"), string(node, "upn"), string(node, "probationCrn"));
        }

        /** Given and family name, or the id when neither is recorded. */
        public String displayName() {
            var name = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
            return name.isEmpty() ? id : name;
        }
    }

    /** An address node. */
    public record AddressView(String id, String uprn, String line1, String line2, String town, String postcode,
            String kind) {

        public static AddressView from(Value node) {
            return new AddressView(string(node, "id"), string(node, "uprn"), string(node, "line1"),
                    string(node, "line2"), string(node, "town"), string(node, "postcode"), string(node, "kind"));
        }
    }

    /**
     * A marker node; {@code address} is set when a person carries it because they live at the
     * marked address (a derived marker).
     */
    public record MarkerView(String id, String type, LocalDate from, LocalDate to, String detail,
            Integer mappaCategory, Integer mappaLevel, String source, AddressView address) {

        public static MarkerView from(Value node) {
            return new MarkerView(string(node, "id"), string(node, "type"), date(node, "from"), date(node, "to"),
                    string(node, "detail"), integer(node, "mappaCategory"), integer(node, "mappaLevel"),
                    string(node, "source"), null);
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
