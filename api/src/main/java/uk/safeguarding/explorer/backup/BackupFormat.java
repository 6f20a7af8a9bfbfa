package uk.safeguarding.explorer.backup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.TypeSystem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The backup file: gzip-compressed JSON, one object per line: a header (format, version, time, the
 * audit head kept), then one line per node ({@code n}: its id in the backup, {@code labels},
 * {@code props}), one per relationship ({@code r}: start and end ids, {@code type}, {@code props}),
 * one per file of the data directory ({@code file}, {@code base64}), and a trailer with the counts,
 * so that a cut-off file is refused. Property values keep their Neo4j type: JSON strings, integers,
 * floats, booleans and lists as themselves; temporal values, durations, points and byte arrays as
 * one-key objects ({@code {"date": "2018-09-26"}}), which cannot be confused with a property since
 * properties are never maps.
 */
final class BackupFormat {

    static final String FORMAT = "safeguarding-explorer-backup";
    static final int VERSION = 1;
    private static final TypeSystem TYPES = TypeSystem.getDefault();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BackupFormat() {}

    static ObjectNode props(Value properties) {
        var out = JSON.objectNode();
        for (var key : properties.keys()) {
            out.set(key, value(properties.get(key)));
        }
        return out;
    }

    private static JsonNode value(Value v) {
        if (v.hasType(TYPES.STRING())) {
            return JSON.stringNode(v.asString());
        }
        if (v.hasType(TYPES.INTEGER())) {
            return JSON.numberNode(v.asLong());
        }
        if (v.hasType(TYPES.FLOAT())) {
            return JSON.numberNode(v.asDouble());
        }
        if (v.hasType(TYPES.BOOLEAN())) {
            return JSON.booleanNode(v.asBoolean());
        }
        if (v.hasType(TYPES.LIST())) {
            var list = JSON.arrayNode();
            v.values().forEach(item -> list.add(value(item)));
            return list;
        }
        if (v.hasType(TYPES.DATE())) {
            return typed("date", v.asLocalDate().toString());
        }
        if (v.hasType(TYPES.DATE_TIME())) {
            return typed("datetime", v.asZonedDateTime().toString());
        }
        if (v.hasType(TYPES.LOCAL_DATE_TIME())) {
            return typed("localdatetime", v.asLocalDateTime().toString());
        }
        if (v.hasType(TYPES.TIME())) {
            return typed("time", v.asOffsetTime().toString());
        }
        if (v.hasType(TYPES.LOCAL_TIME())) {
            return typed("localtime", v.asLocalTime().toString());
        }
        if (v.hasType(TYPES.DURATION())) {
            var d = v.asIsoDuration();
            var parts = JSON.objectNode()
                    .put("months", d.months())
                    .put("days", d.days())
                    .put("seconds", d.seconds())
                    .put("nanoseconds", d.nanoseconds());
            return JSON.objectNode().set("duration", parts);
        }
        if (v.hasType(TYPES.POINT())) {
            var p = v.asPoint();
            var parts = JSON.objectNode().put("srid", p.srid()).put("x", p.x()).put("y", p.y());
            if (!Double.isNaN(p.z())) {
                parts.put("z", p.z());
            }
            return JSON.objectNode().set("point", parts);
        }
        if (v.hasType(TYPES.BYTES())) {
            return typed("bytes", Base64.getEncoder().encodeToString(v.asByteArray()));
        }
        throw new IllegalStateException("A property of type " + v.type().name() + " cannot be backed up");
    }

    private static ObjectNode typed(String type, String text) {
        return JSON.objectNode().put(type, text);
    }

    /** The properties of a line as driver parameters of the right types. */
    static Map<String, Object> parameters(JsonNode props) {
        var out = new LinkedHashMap<String, Object>();
        props.properties().forEach(e -> out.put(e.getKey(), parameter(e.getValue())));
        return out;
    }

    private static Object parameter(JsonNode json) {
        if (json.isString()) {
            return json.asString();
        }
        if (json.isIntegralNumber()) {
            return json.asLong();
        }
        if (json.isFloatingPointNumber()) {
            return json.asDouble();
        }
        if (json.isBoolean()) {
            return json.asBoolean();
        }
        if (json.isArray()) {
            var list = new ArrayList<Object>();
            json.forEach(item -> list.add(parameter(item)));
            return list;
        }
        var type = json.propertyNames().iterator().next();
        var v = json.get(type);
        return switch (type) {
            case "date" -> LocalDate.parse(v.asString());
            case "datetime" -> ZonedDateTime.parse(v.asString());
            case "localdatetime" -> LocalDateTime.parse(v.asString());
            case "time" -> OffsetTime.parse(v.asString());
            case "localtime" -> LocalTime.parse(v.asString());
            case "duration" ->
                Values.isoDuration(
                                v.get("months").asLong(),
                                v.get("days").asLong(),
                                v.get("seconds").asLong(),
                                v.get("nanoseconds").asInt())
                        .asIsoDuration();
            case "point" ->
                v.has("z")
                        ? Values.point(
                                        v.get("srid").asInt(),
                                        v.get("x").asDouble(),
                                        v.get("y").asDouble(),
                                        v.get("z").asDouble())
                                .asPoint()
                        : Values.point(
                                        v.get("srid").asInt(),
                                        v.get("x").asDouble(),
                                        v.get("y").asDouble())
                                .asPoint();
            case "bytes" -> Base64.getDecoder().decode(v.asString());
            default -> throw new IllegalArgumentException("unknown value type '" + type + "'");
        };
    }

    static List<String> strings(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(item -> out.add(item.asString()));
        return out;
    }
}
