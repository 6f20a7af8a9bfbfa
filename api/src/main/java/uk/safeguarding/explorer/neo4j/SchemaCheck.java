package uk.safeguarding.explorer.neo4j;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fails fast when a constraint the application relies on is missing: the uniqueness of every
 * label's {@code id} (imports MERGE on it) and of the keys of id-less relationships. Without
 * them re-imports and concurrent imports could duplicate records silently.
 */
public class SchemaCheck {

    /** Labels whose {@code id} must be unique. */
    public static final List<String> ID_LABELS = List.of(
            "Person",
            "Address",
            "Agency",
            "Professional",
            "Marker",
            "Referral",
            "Assessment",
            "Meeting",
            "Action",
            "Event");

    /** Relationship types whose {@code key} must be unique. */
    public static final List<String> KEYED_TYPES = List.of(
            "PARENT_OF", "PARTNER_OF", "SIBLING_OF", "LIVES_AT", "HAS_CONTACT_WITH", "INVOLVED_WITH", "ATTENDED");

    private final Graph graph;

    public SchemaCheck(Graph graph) {
        this.graph = graph;
    }

    /** The required constraints that are missing, as readable descriptions. */
    public List<String> missing() {
        Set<String> present = new HashSet<>(
                graph.inReadTransaction(tx -> tx.run("""
                SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties
                WHERE type IN ['UNIQUENESS', 'RELATIONSHIP_UNIQUENESS', 'NODE_KEY', 'RELATIONSHIP_KEY']
                  AND size(labelsOrTypes) = 1 AND size(properties) = 1
                RETURN labelsOrTypes[0] + '.' + properties[0] AS c""").list(r -> r.get("c").asString())));
        var missing = new ArrayList<String>();
        ID_LABELS.stream()
                .filter(l -> !present.contains(l + ".id"))
                .forEach(l -> missing.add("uniqueness of :" + l + "(id)"));
        KEYED_TYPES.stream()
                .filter(t -> !present.contains(t + ".key"))
                .forEach(t -> missing.add("uniqueness of [:" + t + "](key)"));
        return missing;
    }

    public void verify() {
        var missing = missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The database lacks required constraints: " + String.join(", ", missing)
                    + ". Start the explorer once with schema migrations enabled (the default) or apply "
                    + "cypher/src/main/resources/neo4j/migrations by hand.");
        }
    }
}
