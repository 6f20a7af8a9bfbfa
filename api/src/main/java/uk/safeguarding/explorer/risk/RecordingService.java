package uk.safeguarding.explorer.risk;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.audit.AuditLog;
import uk.safeguarding.explorer.audit.AuditLog.Subject;
import uk.safeguarding.explorer.graph.AsOf;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.importing.ImportService;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Role;

/**
 * Recording what happens (the risk issue's mutations): a referral, a strategy meeting with its
 * attendance and actions, an assessment, a marker on a person or an address, the completion of an
 * action and the end of a marker. New records go through the import's validator and writer as a
 * one-record bundle from the user's agency, so the rules, messages (array, field, reason) and
 * all-or-nothing writing are the import's; each is audited before it is written.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
public class RecordingService {

    private final ImportService imports;
    private final Graph graph;
    private final NeedToKnow needToKnow;
    private final AuditLog audit;
    private final AsOf asOf;

    RecordingService(ImportService imports, Graph graph, NeedToKnow needToKnow, AuditLog audit, AsOf asOf) {
        this.imports = imports;
        this.graph = graph;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.asOf = asOf;
    }

    /** A referral: anyone may refer a child (a referral is what starts a relationship). */
    public String recordReferral(Map<String, Object> input) {
        var person = text(input, "about");
        write("referrals", input, "recordReferral", List.of(person));
        return text(input, "id");
    }

    public String recordStrategyMeeting(Map<String, Object> input) {
        var record = new LinkedHashMap<>(input);
        record.put("kind", "STRATEGY");
        var people = new ArrayList<String>(strings(input.get("concerns")));
        var actions = input.get("actions") instanceof List<?> list ? list : List.of();
        actions.forEach(a -> people.addAll(strings(((Map<?, ?>) a).get("for"))));
        requireVisible("recordStrategyMeeting", people);
        write("meetings", record, "recordStrategyMeeting", people);
        return text(input, "id");
    }

    public String recordAssessment(Map<String, Object> input) {
        var person = text(input, "of");
        requireVisible("recordAssessment", List.of(person));
        write("assessments", input, "recordAssessment", List.of(person));
        return text(input, "id");
    }

    /** A marker on a person (whom the user must be able to see) or on an address. */
    public String recordMarker(Map<String, Object> input) {
        var record = new LinkedHashMap<String, Object>(input);
        record.remove("from");
        record.remove("to");
        record.put("start", input.get("from"));
        record.put("end", input.get("to"));
        var on = text(input, "on");
        var isPerson = !graph.read("queries/person", Map.of("id", on), r -> true).isEmpty();
        if (isPerson) {
            needToKnow.require("recordMarker", on, asOf.today());
        }
        write("markers", record, "recordMarker", isPerson ? List.of(on) : List.of());
        return text(input, "id");
    }

    /** Completes an action: its owner agency, a meeting chair or (local) the administrator. */
    public String completeAction(String actionId, LocalDate completedOn) {
        var rows = graph.read("risk/action", Map.of("id", actionId), r -> r);
        if (rows.isEmpty()) {
            throw NotFoundException.of("action", actionId);
        }
        var row = rows.get(0);
        var owner = row.get("owner").isNull() ? null : Views.string(row.get("owner"), "id");
        var user = needToKnow.viewer();
        if (user.role() == Role.PRACTITIONER && (owner == null || !owner.equals(user.agency()))) {
            throw new AccessDeniedException("only the owner agency or a meeting chair completes an action");
        }
        var heldOn = Views.date(row.get("m"), "heldOn");
        if (heldOn != null && completedOn.isBefore(heldOn)) {
            throw new BadRequestException("completedOn", "must not be before the meeting on " + heldOn);
        }
        if (completedOn.isAfter(asOf.today())) {
            throw new BadRequestException("completedOn", "must not be in the future");
        }
        var people = row.get("people").asList(p -> p.get("id").asString());
        audit.record(needToKnow.actor(), "completeAction", subjects(people, "completed " + actionId + " on " + completedOn));
        graph.inWriteTransaction(tx -> tx.run(uk.safeguarding.explorer.cypher.CypherStatements.named("risk/complete-action"),
                Map.of("id", actionId, "completedOn", completedOn)).consume());
        return actionId;
    }

    /** Ends a marker on a day: its source agency, a meeting chair or (local) the administrator. */
    public String endMarker(String markerId, LocalDate on) {
        var rows = graph.read("risk/marker", Map.of("id", markerId), r -> r);
        if (rows.isEmpty()) {
            throw NotFoundException.of("marker", markerId);
        }
        var row = rows.get(0);
        var user = needToKnow.viewer();
        var source = Views.string(row.get("m"), "source");
        if (user.role() == Role.PRACTITIONER && (source == null || !source.equals(user.agency()))) {
            throw new AccessDeniedException("only the agency that recorded a marker, or a meeting chair, ends it");
        }
        var from = Views.date(row.get("m"), "from");
        if (from != null && on.isBefore(from)) {
            throw new BadRequestException("on", "must not be before the marker began on " + from);
        }
        var people = row.get("people").asList(v -> v.asString());
        audit.record(needToKnow.actor(), "endMarker", subjects(people, "ended " + markerId + " on " + on));
        graph.inWriteTransaction(tx -> tx.run(uk.safeguarding.explorer.cypher.CypherStatements.named("risk/end-marker"),
                Map.of("id", markerId, "to", on)).consume());
        return markerId;
    }

    /** Refuses, as unknown, anyone who does not exist or whom the user may not see: one query for each. */
    private void requireVisible(String operation, Collection<String> people) {
        var ids = people.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        var existing = new java.util.HashSet<>(graph.read("queries/people-by-id", Map.of("ids", ids),
                r -> r.get("p").get("id").asString()));
        var visible = existing.isEmpty() ? java.util.Set.<String>of()
                : needToKnow.visible(operation, List.copyOf(existing), asOf.today());
        for (var id : ids) {
            if (!visible.contains(id)) {
                throw NotFoundException.person(id);
            }
        }
    }

    private void write(String array, Map<String, Object> input, String operation, List<String> people) {
        var user = needToKnow.viewer();
        var source = user.agency() != null ? user.agency() : "explorer-" + user.role().name().toLowerCase();
        var record = new LinkedHashMap<String, Object>();
        input.forEach((k, v) -> record.put(k, json(v)));
        var bundle = new LinkedHashMap<String, Object>();
        bundle.put("source", source);
        bundle.put(array, List.of(record));
        // validated first, so nothing is audited or written for a record the import would refuse
        var validated = imports.validate(JsonMapper.shared().valueToTree(bundle));
        if (!validated.rejected().isEmpty()) {
            var first = validated.rejected().get(0);
            throw new BadRequestException("input" + (first.field() == null ? "" : "." + first.field()),
                    first.reason() + " (" + array + " record '" + first.id() + "')");
        }
        audit.record(needToKnow.actor(), operation, subjects(people, "recorded " + array + " " + record.get("id")));
        imports.write(validated);
    }

    private static List<Subject> subjects(List<String> people, String reason) {
        var subjects = new ArrayList<Subject>();
        people.stream().distinct().forEach(p -> subjects.add(new Subject(p, AuditLog.ALLOWED, AuditLog.NEED_TO_KNOW,
                reason, null)));
        if (subjects.isEmpty()) {
            subjects.add(new Subject(null, AuditLog.ALLOWED, AuditLog.NEED_TO_KNOW, reason, null));
        }
        return subjects;
    }

    private static Object json(Object value) {
        if (value instanceof ZonedDateTime z) {
            return DateTimeFormatter.ISO_INSTANT.format(z);
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return DateTimeFormatter.ISO_INSTANT.format(o);
        }
        if (value instanceof TemporalAccessor t) {
            return t.toString();
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), json(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RecordingService::json).toList();
        }
        return value;
    }

    private static String text(Map<String, Object> input, String key) {
        var value = input.get(key);
        return value == null ? null : value.toString();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
