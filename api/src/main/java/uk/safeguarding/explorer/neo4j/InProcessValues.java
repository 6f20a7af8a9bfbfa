package uk.safeguarding.explorer.neo4j;

import java.lang.reflect.Array;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.internal.InternalNode;
import org.neo4j.driver.internal.InternalPath;
import org.neo4j.driver.internal.InternalRelationship;
import org.neo4j.driver.internal.value.ListValue;
import org.neo4j.driver.internal.value.MapValue;
import org.neo4j.driver.types.Entity;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.spatial.Point;
import org.neo4j.values.storable.CoordinateReferenceSystem;
import org.neo4j.values.storable.DurationValue;

/**
 * Values between the driver's types and the embedded database's: parameters as the driver would
 * send them (its own values, maps, lists, records and {@code java.time} types) become the Java
 * values the embedded database takes; what a statement returns (nodes, relationships, paths,
 * arrays, durations, points) becomes the driver's {@link Value}s, as Bolt would deliver them.
 */
final class InProcessValues {

    private InProcessValues() {}

    /** Parameters for the embedded database. */
    static Map<String, Object> parameters(Map<String, Object> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return Map.of();
        }
        var embedded = new LinkedHashMap<String, Object>(parameters.size() * 2);
        parameters.forEach((name, value) -> embedded.put(name, parameter(value)));
        return embedded;
    }

    private static Object parameter(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Long
                || value instanceof Boolean
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Value v) {
            return v.isNull() ? null : parameter(v.asObject());
        }
        if (value instanceof Map<?, ?> map) {
            var converted = new LinkedHashMap<String, Object>(map.size() * 2);
            map.forEach((k, v) -> converted.put(String.valueOf(k), parameter(v)));
            return converted;
        }
        if (value instanceof Iterable<?> iterable) {
            var converted = new ArrayList<Object>();
            iterable.forEach(v -> converted.add(parameter(v)));
            return converted;
        }
        if (value instanceof Object[] array) {
            var converted = new ArrayList<Object>(array.length);
            for (var v : array) {
                converted.add(parameter(v));
            }
            return converted;
        }
        if (value instanceof java.lang.Record record) {
            return parameter(Values.value(record));
        }
        if (value instanceof IsoDuration d) {
            return DurationValue.duration(d.months(), d.days(), d.seconds(), d.nanoseconds());
        }
        if (value instanceof org.neo4j.driver.types.Point p) {
            var crs = CoordinateReferenceSystem.get(p.srid());
            return Double.isNaN(p.z())
                    ? org.neo4j.values.storable.Values.pointValue(crs, p.x(), p.y())
                    : org.neo4j.values.storable.Values.pointValue(crs, p.x(), p.y(), p.z());
        }
        return value;
    }

    /** A returned value as the driver's. */
    static Value value(Object value) {
        if (value == null) {
            return Values.NULL;
        }
        if (value instanceof String s) {
            return Values.value(s);
        }
        if (value instanceof Long l) {
            return Values.value(l.longValue());
        }
        if (value instanceof Boolean b) {
            return Values.value(b.booleanValue());
        }
        if (value instanceof List<?> list) {
            var values = new Value[list.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(list.get(i));
            }
            return new ListValue(List.of(values));
        }
        if (value instanceof Map<?, ?> map) {
            var values = new LinkedHashMap<String, Value>(map.size() * 2);
            map.forEach((k, v) -> values.put(String.valueOf(k), value(v)));
            return new MapValue(values);
        }
        if (value instanceof Node node) {
            return node(node).asValue();
        }
        if (value instanceof Relationship relationship) {
            return relationship(relationship).asValue();
        }
        if (value instanceof Path path) {
            var entities = new ArrayList<Entity>();
            for (var entity : path) {
                entities.add(entity instanceof Node n ? node(n) : relationship((Relationship) entity));
            }
            return new InternalPath(entities).asValue();
        }
        if (value instanceof DurationValue d) {
            return Values.isoDuration(d.get(ChronoUnit.MONTHS), d.get(ChronoUnit.DAYS), d.get(ChronoUnit.SECONDS), (int)
                    d.get(ChronoUnit.NANOS));
        }
        if (value instanceof Point point) {
            var srid = point.getCRS().getCode();
            var c = point.getCoordinate().getCoordinate();
            return c.length == 3 ? Values.point(srid, c[0], c[1], c[2]) : Values.point(srid, c[0], c[1]);
        }
        if (value.getClass().isArray()
                && !(value instanceof byte[])
                && !value.getClass().getComponentType().isPrimitive()) {
            var values = new Value[Array.getLength(value)];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(Array.get(value, i));
            }
            return new ListValue(List.of(values));
        }
        return Values.value(value);
    }

    private static Map<String, Value> properties(Map<String, Object> properties) {
        var values = new LinkedHashMap<String, Value>(properties.size() * 2);
        properties.forEach((k, v) -> values.put(k, value(v)));
        return values;
    }

    private static InternalNode node(Node node) {
        var labels = new ArrayList<String>();
        node.getLabels().forEach(l -> labels.add(l.name()));
        return new InternalNode(node.getId(), node.getElementId(), labels, properties(node.getAllProperties()));
    }

    private static InternalRelationship relationship(Relationship r) {
        return new InternalRelationship(
                r.getId(),
                r.getElementId(),
                r.getStartNodeId(),
                r.getStartNode().getElementId(),
                r.getEndNodeId(),
                r.getEndNode().getElementId(),
                r.getType().name(),
                properties(r.getAllProperties()));
    }
}
