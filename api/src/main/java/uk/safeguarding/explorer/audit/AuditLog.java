package uk.safeguarding.explorer.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import uk.safeguarding.explorer.neo4j.Graph;

/**
 * The append-only, tamper-evident audit log (DESIGN §7). Every event is written before the answer
 * it records leaves, in the database, chained by SHA-256 to the event before it (the chain head is
 * locked while appending, so there are no forks). Nothing in the API changes or deletes an event;
 * {@link #verify()} recomputes the chain and names the first event that does not match. If the
 * write fails, the caller's request fails too: no data without its audit record.
 */
@Component
public class AuditLog {

    public static final String ALLOWED = "ALLOWED";
    public static final String DENIED = "DENIED";
    public static final String BREAK_GLASS = "BREAK_GLASS";
    public static final String NEED_TO_KNOW = "NEED_TO_KNOW";
    static final String REQUEST_ID = "explorer.requestId";

    private static final Map<String, List<String>> CATEGORIES = Map.ofEntries(
            Map.entry("person", List.of("identity", "markers")),
            Map.entry("searchPeople", List.of("identity")),
            Map.entry("siblingsAtRisk", List.of("family", "assessments", "markers", "involvements")),
            Map.entry("sharedAddresses", List.of("addresses", "household", "markers")),
            Map.entry("agencyInvolvement", List.of("involvements", "markers", "referrals")),
            Map.entry("network", List.of("family", "addresses", "involvements", "markers")),
            Map.entry("connection", List.of("family", "addresses", "involvements")),
            Map.entry("chronology", List.of("referrals", "meetings", "assessments", "markers", "addresses", "events")),
            Map.entry("import", List.of("import")),
            Map.entry("breakGlass", List.of("break-glass")),
            Map.entry("riskFlags", List.of("risk-flags", "markers", "family", "addresses", "referrals", "meetings",
                    "assessments", "involvements")),
            Map.entry("overdueActions", List.of("meetings", "actions")),
            Map.entry("triageQueue", List.of("referrals", "markers", "family", "assessments", "involvements")),
            Map.entry("export:PNG", List.of("export", "family", "addresses", "involvements", "markers")),
            Map.entry("export:PRINT_PACK", List.of("export", "family", "addresses", "involvements", "markers")),
            Map.entry("reviewBreakGlass", List.of("break-glass")));

    private final Graph graph;

    AuditLog(Graph graph) {
        this.graph = graph;
    }

    /** Who is acting: user name, agency and role. */
    public record Actor(String user, String agency, String role) {
    }

    /**
     * One person an event is about, with the outcome and, for a look under a break-glass grant, the
     * grant's purpose, reason and id (otherwise the purpose is need-to-know).
     */
    public record Subject(String id, String outcome, String purpose, String reason, String grantId) {

        public static Subject allowed(String id) {
            return new Subject(id, ALLOWED, NEED_TO_KNOW, null, null);
        }

        public static Subject denied(String id) {
            return new Subject(id, DENIED, NEED_TO_KNOW, null, null);
        }

        public static Subject breakGlass(String id, String purpose, String reason, String grantId) {
            return new Subject(id, BREAK_GLASS, purpose, reason, grantId);
        }
    }

    /**
     * Records one event per person: ALLOWED for those whose data is returned, DENIED for those
     * refused or left out.
     */
    public void record(Actor actor, String operation, Collection<String> allowed, Collection<String> denied,
            String reason) {
        var subjects = new ArrayList<Subject>();
        allowed.forEach(id -> subjects.add(new Subject(id, ALLOWED, NEED_TO_KNOW, reason, null)));
        denied.forEach(id -> subjects.add(new Subject(id, DENIED, NEED_TO_KNOW, reason, null)));
        if (subjects.isEmpty()) {
            subjects.add(new Subject(null, ALLOWED, NEED_TO_KNOW, reason, null));
        }
        record(actor, operation, subjects);
    }

    /** Records one event per subject, in one transaction, chained after the head. */
    public void record(Actor actor, String operation, List<Subject> subjects) {
        var at = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        var requestId = requestId();
        var categories = CATEGORIES.getOrDefault(operation, List.of(operation));
        // append-only: an online backup cuts the chain at its head instead of making reads wait
        graph.inAppendTransaction(tx -> {
            var head = Graph.read(tx, "audit/head", Map.of(), r -> r).get(0);
            var seq = head.get("seq").asLong();
            var hash = head.get("hash").asString();
            var events = new ArrayList<Map<String, Object>>();
            for (var subject : subjects) {
                seq++;
                var event = new AuditEvent(UUID.randomUUID().toString(), seq, at, actor.user(), actor.agency(),
                        actor.role(), operation, subject.id(), categories, subject.purpose(), subject.reason(),
                        subject.outcome(), requestId, hash, null, subject.grantId());
                hash = hash(event);
                events.add(properties(event, hash));
            }
            tx.run(uk.safeguarding.explorer.cypher.CypherStatements.named("audit/append"),
                    Map.of("events", events, "lastSeq", seq, "lastHash", hash)).consume();
            return null;
        });
    }

    /** Events for the auditor, newest first. */
    public List<AuditEvent> events(int first, Long after, String user, String subjectId, ZonedDateTime from,
            ZonedDateTime to) {
        var parameters = new LinkedHashMap<String, Object>();
        parameters.put("first", first);
        parameters.put("after", after);
        parameters.put("user", user);
        parameters.put("subjectId", subjectId);
        parameters.put("from", from);
        parameters.put("to", to);
        return graph.read("audit/events", parameters, r -> event(r.get("a")));
    }

    /** The result of recomputing the chain. */
    public record Verification(boolean valid, long events, Long firstBrokenSeq) {
    }

    public Verification verify() {
        var chain = graph.read("audit/chain", Map.of(), r -> event(r.get("a")));
        var previous = "";
        long expected = 1;
        for (var event : chain) {
            if (event.seq() != expected || !previous.equals(event.prevHash()) || !hash(event).equals(event.hash())) {
                return new Verification(false, chain.size(), event.seq());
            }
            previous = event.hash();
            expected++;
        }
        return new Verification(true, chain.size(), null);
    }

    static String hash(AuditEvent e) {
        var text = String.join("|", e.prevHash(), String.valueOf(e.seq()), e.id(), e.at().toInstant().toString(),
                nz(e.user()), nz(e.agency()), nz(e.role()), nz(e.operation()), nz(e.subjectId()),
                String.join(",", e.categories()), nz(e.purpose()), nz(e.reason()), nz(e.outcome()), nz(e.requestId()))
                // the grant id joined the event after the first releases: absent, the text is as it was
                + (e.grantId() == null ? "" : "|" + e.grantId());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Map<String, Object> properties(AuditEvent e, String hash) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", e.id());
        map.put("seq", e.seq());
        map.put("at", e.at());
        map.put("user", e.user());
        map.put("agency", e.agency());
        map.put("role", e.role());
        map.put("operation", e.operation());
        map.put("subjectId", e.subjectId());
        map.put("categories", e.categories());
        map.put("purpose", e.purpose());
        map.put("reason", e.reason());
        map.put("outcome", e.outcome());
        map.put("requestId", e.requestId());
        map.put("prevHash", e.prevHash());
        map.put("hash", hash);
        map.put("grantId", e.grantId());
        return map;
    }

    private static AuditEvent event(Value a) {
        return new AuditEvent(str(a, "id"), a.get("seq").asLong(), a.get("at").asZonedDateTime(), str(a, "user"),
                str(a, "agency"), str(a, "role"), str(a, "operation"), str(a, "subjectId"),
                a.get("categories").isNull() ? List.of() : a.get("categories").asList(Value::asString),
                str(a, "purpose"), str(a, "reason"), str(a, "outcome"), str(a, "requestId"), str(a, "prevHash"),
                str(a, "hash"), str(a, "grantId"));
    }

    private static String str(Value map, String key) {
        return map.get(key).isNull() ? null : map.get(key).asString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String requestId() {
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return UUID.randomUUID().toString();
        }
        var id = attributes.getAttribute(REQUEST_ID, RequestAttributes.SCOPE_REQUEST);
        if (id == null) {
            id = UUID.randomUUID().toString();
            attributes.setAttribute(REQUEST_ID, id, RequestAttributes.SCOPE_REQUEST);
        }
        return id.toString();
    }
}
