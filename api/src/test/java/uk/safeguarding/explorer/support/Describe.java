package uk.safeguarding.explorer.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Compact, exact text forms of query answers, so that tests can compare whole answers at once. */
public final class Describe {

    private Describe() {}

    /** siblingsAtRisk as child id -> "KIND(via,via)@address[from..to] ... assessed|unassessed [plan]". */
    public static Map<String, String> siblings(JsonNode answer) {
        var result = new TreeMap<String, String>();
        for (var child : answer) {
            var links = new ArrayList<String>();
            for (var link : child.get("links")) {
                var via = new ArrayList<String>();
                link.get("via").forEach(v -> via.add(v.get("id").asString()));
                var text = link.get("kind").asString() + (via.isEmpty() ? "" : "(" + String.join(",", via) + ")");
                if (!link.get("address").isNull()) {
                    text += "@" + link.get("address").get("id").asString();
                }
                if (!link.get("from").isNull() || !link.get("to").isNull()) {
                    text += "[" + link.get("from").asString("") + ".."
                            + link.get("to").asString("") + "]";
                }
                links.add(text);
            }
            result.put(
                    child.get("child").get("id").asString(),
                    String.join(" ", links)
                            + (child.get("assessed").asBoolean() ? " assessed" : " unassessed")
                            + (child.get("onProtectionPlan").asBoolean() ? " plan" : ""));
        }
        return result;
    }

    /** sharedAddresses as "line1 from..to [current] [marker:id] | person[from..to] ...", in answer order. */
    public static List<String> addresses(JsonNode answer) {
        var result = new ArrayList<String>();
        for (var a : answer) {
            var text = new StringBuilder(a.get("address").get("line1").asString())
                    .append(" ")
                    .append(a.get("from").asString(""))
                    .append("..")
                    .append(a.get("to").asString(""))
                    .append(a.get("current").asBoolean() ? " current" : "");
            a.get("markers")
                    .forEach(m -> text.append(" marker:").append(m.get("id").asString()));
            text.append(" |");
            a.get("coResidents")
                    .forEach(c -> text.append(" ")
                            .append(c.get("person").get("id").asString())
                            .append("[")
                            .append(c.get("from").asString(""))
                            .append("..")
                            .append(c.get("to").asString(""))
                            .append("]"));
            result.add(text.toString());
        }
        return result;
    }
}
