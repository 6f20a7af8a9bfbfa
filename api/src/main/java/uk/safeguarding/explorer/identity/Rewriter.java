package uk.safeguarding.explorer.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.safeguarding.explorer.model.bundle.Rejection;

/**
 * Rewrites the validated rows of an agency extract (other than its people and addresses, which
 * resolution writes) to the resolved graph (DESIGN §9): references to people and addresses become
 * the resolved ids, every other record's id becomes {@code source:localId} (agencies keep the
 * partnership's ids), relationship keys are prefixed with the source, and every relationship to a
 * person or address remembers the record it came through ({@code fromRecord}, {@code toRecord}),
 * so that a split or merge can move it.
 */
final class Rewriter {

    private final String source;
    private final Map<String, String> people;
    private final Map<String, String> addresses;
    private final List<Rejection> warnings;

    Rewriter(String source, Map<String, String> people, Map<String, String> addresses, List<Rejection> warnings) {
        this.source = source;
        this.people = people;
        this.addresses = addresses;
        this.warnings = warnings;
    }

    Map<String, List<Map<String, Object>>> rewrite(Map<String, List<Map<String, Object>>> rows) {
        var result = new LinkedHashMap<String, List<Map<String, Object>>>();
        rows.forEach((group, list) -> {
            var out = new ArrayList<Map<String, Object>>();
            if (!"people".equals(group) && !"addresses".equals(group)) {
                for (var row : list) {
                    var rewritten = rewrite(group, new HashMap<>(row));
                    if (rewritten != null) {
                        out.add(rewritten);
                    }
                }
            }
            result.put(group, out);
        });
        return result;
    }

    private Map<String, Object> rewrite(String group, Map<String, Object> row) {
        switch (group) {
            case "agencies" -> {
                return row;
            }
            case "professionals" -> prefix(row, "id");
            case "parent-of", "partner-of", "sibling-of", "has-contact-with", "lives-at" -> {
                var from = (String) row.get("fromId");
                var to = (String) row.get("toId");
                var fromId = people.get(from);
                var toId = "lives-at".equals(group) ? addresses.get(to) : people.get(to);
                if (fromId == null || toId == null) {
                    return dropped(group, row, "an end was not resolved");
                }
                if (fromId.equals(toId)) {
                    return dropped(group, row, "both ends are one person after resolution; not written");
                }
                row.put("fromId", fromId);
                row.put("toId", toId);
                row.put("fromRecord", record(from));
                row.put("toRecord", record(to));
                prefix(row, "key");
            }
            case "involvements" -> {
                var person = (String) row.get("person");
                if (people.get(person) == null) {
                    return dropped(group, row, "the person was not resolved");
                }
                row.put("personRecord", record(person));
                row.put("person", people.get(person));
                prefix(row, "professional");
                prefix(row, "key");
            }
            case "markers-on-person", "markers-on-address" -> {
                var on = (String) row.get("on");
                var resolved = "markers-on-person".equals(group) ? people.get(on) : addresses.get(on);
                if (resolved == null) {
                    return dropped(group, row, "what it is on was not resolved");
                }
                row.put("onRecord", record(on));
                row.put("on", resolved);
                prefix(row, "id");
            }
            case "referrals" -> {
                if (!person(row, "about", "aboutRecord")) {
                    return dropped(group, row, "the person was not resolved");
                }
                prefix(row, "id");
            }
            case "assessments" -> {
                if (!person(row, "of", "ofRecord")) {
                    return dropped(group, row, "the person was not resolved");
                }
                prefix(row, "id");
            }
            case "meetings" -> {
                prefix(row, "id");
                people(row, "concerns", "concernRecords");
                var actions = new ArrayList<Map<String, Object>>();
                for (var action : Resolution.maps(row.get("actions"))) {
                    var copy = new HashMap<>(action);
                    prefix(copy, "id");
                    people(copy, "for", "forRecords");
                    actions.add(copy);
                }
                row.put("actions", actions);
            }
            case "events" -> {
                prefix(row, "id");
                people(row, "involves", "involvesRecords");
            }
            default -> {
                return row;
            }
        }
        return row;
    }

    private boolean person(Map<String, Object> row, String field, String recordField) {
        var local = (String) row.get(field);
        var id = people.get(local);
        if (id == null) {
            return false;
        }
        row.put(field, id);
        row.put(recordField, record(local));
        return true;
    }

    private void people(Map<String, Object> row, String field, String recordsField) {
        var ids = new ArrayList<String>();
        var records = new ArrayList<String>();
        for (var local : Resolution.strings(row.get(field))) {
            var id = people.get(local);
            if (id != null) {
                ids.add(id);
                records.add(record(local));
            }
        }
        row.put(field, ids);
        row.put(recordsField, records);
    }

    private String record(String localId) {
        return source + ":" + localId;
    }

    private void prefix(Map<String, Object> row, String field) {
        var value = row.get(field);
        if (value != null) {
            row.put(field, source + ":" + value);
        }
    }

    private Map<String, Object> dropped(String group, Map<String, Object> row, String reason) {
        var id = row.get("id") != null ? row.get("id") : row.get("key");
        warnings.add(new Rejection(group, -1, id == null ? null : id.toString(), "", reason));
        return null;
    }
}
