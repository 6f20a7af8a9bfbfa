package uk.safeguarding.explorer.support;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/**
 * The graph as sorted lines of text, one per node and relationship (labels or type, every
 * property in key order, endpoints by label and id), leaving out what differs between two
 * imports of the same records: the audit log, the migration records, the identity generation (how
 * many writes changed person records: an import killed half way and run again made more),
 * {@code recordedAt} and {@code linkedAt} (when a source record was linked). Two
 * stores hold the same graph when their dumps are equal; a store holds only whole records of a
 * clean import when each of its lines is one of the clean import's lines.
 */
public final class CanonicalDump {

    private CanonicalDump() {}

    public static List<String> of(Driver driver) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                var lines = new ArrayList<String>();
                tx.run("""
                        MATCH (n)
                        WHERE none(l IN labels(n) WHERE l STARTS WITH 'Audit' OR l STARTS WITH '__')
                          AND NOT n:IdentityGeneration
                        RETURN labels(n) AS labels, properties(n) AS props""")
                        .forEachRemaining(
                                r -> lines.add("node " + labels(r.get("labels")) + " " + props(r.get("props"))));
                tx.run("""
                        MATCH (a)-[r]->(b)
                        WHERE none(l IN labels(a) + labels(b) WHERE l STARTS WITH 'Audit' OR l STARTS WITH '__')
                        RETURN type(r) AS type, properties(r) AS props, labels(a) AS fromLabels, a.id AS fromId,
                               labels(b) AS toLabels, b.id AS toId""")
                        .forEachRemaining(r -> lines.add("rel " + labels(r.get("fromLabels")) + ":" + r.get("fromId")
                                + " -" + r.get("type").asString() + " " + props(r.get("props")) + "-> "
                                + labels(r.get("toLabels")) + ":" + r.get("toId")));
                lines.sort(null);
                return lines;
            });
        }
    }

    private static String labels(Value labels) {
        return String.join(":", labels.asList(Value::asString).stream().sorted().toList());
    }

    private static String props(Value props) {
        var sorted = new TreeMap<String, Object>();
        props.asMap(v -> v.toString()).forEach((k, v) -> {
            if (!"recordedAt".equals(k) && !"linkedAt".equals(k)) {
                sorted.put(k, v);
            }
        });
        return sorted.toString();
    }

    /** Lines of {@code part} that are not lines of {@code whole}: empty when every record in part is whole. */
    public static List<String> notIn(List<String> part, List<String> whole) {
        var remaining = new TreeMap<String, Integer>();
        whole.forEach(line -> remaining.merge(line, 1, Integer::sum));
        var extra = new ArrayList<String>();
        for (var line : part) {
            var left = remaining.getOrDefault(line, 0);
            if (left == 0) {
                extra.add(line);
            } else {
                remaining.put(line, left - 1);
            }
        }
        return extra;
    }
}
