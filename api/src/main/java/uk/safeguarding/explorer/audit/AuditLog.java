package uk.safeguarding.explorer.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.cypher.CypherStatements;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.Parameters;
import uk.safeguarding.explorer.observability.ServerTiming;
import uk.safeguarding.explorer.observability.ServerTiming.Phase;

/**
 * The append-only, tamper-evident audit log (DESIGN §7). Every event is durable before the answer
 * it records leaves: inside an HTTP request {@link #record} collects the request's events and they
 * are appended together before the answer is written (GraphQL: {@link AuditInterceptor}; REST:
 * {@link AuditFilter}); in a GraphQL mutation, and outside any request, each call appends at once
 * and returns when the events are committed. Appends of concurrent requests share one write
 * transaction ({@link AuditWriter}); the events are chained by SHA-256 to the event before them,
 * the chain's head is signed and a signed checkpoint is written as the chain grows
 * ({@link AuditKey}). Nothing in the API changes or deletes an event; {@link #verify(boolean)}
 * checks the chain from the newest checkpoint (or, in full, from the first event), page by page,
 * and names the first event or checkpoint that does not match. If the write fails, the request
 * fails too: no data without its audit record. One request may name at most
 * {@code EXPLORER_AUDIT_MAX_SUBJECTS_PER_REQUEST} people (default 500).
 */
@Component
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    public static final String ALLOWED = "ALLOWED";
    public static final String DENIED = "DENIED";
    public static final String BREAK_GLASS = "BREAK_GLASS";
    public static final String NEED_TO_KNOW = "NEED_TO_KNOW";
    /** The operation of the one event a request refused for naming too many people leaves. */
    public static final String REQUEST_REFUSED = "requestRefused";

    private static final Map<String, List<String>> CATEGORIES = Map.ofEntries(
            Map.entry("person", List.of("identity", "markers")),
            Map.entry("searchPeople", List.of("identity")),
            Map.entry("siblingsAtRisk", List.of("family", "assessments", "markers", "involvements")),
            Map.entry("sharedAddresses", List.of("addresses", "household", "markers")),
            Map.entry("agencyInvolvement", List.of("involvements", "markers", "referrals")),
            Map.entry("network", List.of("family", "addresses", "involvements", "markers")),
            Map.entry("connection", List.of("family", "addresses", "involvements")),
            Map.entry("chronology", List.of("referrals", "meetings", "assessments", "markers", "addresses", "events")),
            Map.entry(
                    "familyChanges",
                    List.of("family", "addresses", "markers", "referrals", "assessments", "meetings", "risk-flags")),
            Map.entry(
                    "meetingSnapshot",
                    List.of("meetings", "family", "addresses", "involvements", "markers", "risk-flags")),
            Map.entry("meetingsAbout", List.of("meetings")),
            Map.entry("import", List.of("import")),
            Map.entry("breakGlass", List.of("break-glass")),
            Map.entry(
                    "riskFlags",
                    List.of(
                            "risk-flags",
                            "markers",
                            "family",
                            "addresses",
                            "referrals",
                            "meetings",
                            "assessments",
                            "involvements")),
            Map.entry("overdueActions", List.of("meetings", "actions")),
            Map.entry("triageQueue", List.of("referrals", "markers", "family", "assessments", "involvements")),
            Map.entry("export:PNG", List.of("export", "family", "addresses", "involvements", "markers")),
            Map.entry("export:PRINT_PACK", List.of("export", "family", "addresses", "involvements", "markers")),
            Map.entry("reviewBreakGlass", List.of("break-glass")));

    private final Graph graph;
    private final AuditWriter writer;
    private final AuditKey key;
    private final Clock clock;
    private final int maxSubjects;
    private final Duration writeTimeout;
    private final int pageSize;

    AuditLog(
            Graph graph,
            AuditWriter writer,
            AuditKey key,
            Clock clock,
            @Value("${explorer.audit.max-subjects-per-request:500}") int maxSubjects,
            @Value("${explorer.audit.write-timeout:30s}") Duration writeTimeout,
            @Value("${explorer.audit.verify-page-size:1000}") int pageSize) {
        if (maxSubjects < 1 || pageSize < 1) {
            throw new IllegalStateException(
                    "EXPLORER_AUDIT_MAX_SUBJECTS_PER_REQUEST and the verification page " + "size must be at least 1");
        }
        this.graph = graph;
        this.writer = writer;
        this.key = key;
        this.clock = clock;
        this.maxSubjects = maxSubjects;
        this.writeTimeout = writeTimeout;
        this.pageSize = pageSize;
    }

    /** Who is acting: user name, agency and role. */
    public record Actor(String user, String agency, String role) {}

    /**
     * One person an event is about, with the outcome and, for a look under a break-glass grant, the
     * grant's purpose, reason and id (otherwise the purpose is need-to-know).
     */
    public record Subject(String id, String outcome, String purpose, String reason, String grantId) {

        public static Subject allowed(String id) {
            return allowed(id, null);
        }

        public static Subject allowed(String id, String reason) {
            return new Subject(id, ALLOWED, NEED_TO_KNOW, reason, null);
        }

        public static Subject denied(String id) {
            return denied(id, null);
        }

        public static Subject denied(String id, String reason) {
            return new Subject(id, DENIED, NEED_TO_KNOW, reason, null);
        }

        /**
         * One subject per distinct person with the same outcome and reason; an event with no person when
         * there are none, so that the act itself is still on record.
         */
        public static List<Subject> each(Collection<String> ids, String outcome, String reason) {
            var subjects = ids.stream()
                    .distinct()
                    .map(id -> new Subject(id, outcome, NEED_TO_KNOW, reason, null))
                    .toList();
            return subjects.isEmpty() ? List.of(new Subject(null, outcome, NEED_TO_KNOW, reason, null)) : subjects;
        }

        /** This subject with a detail of the operation added to its reason. */
        public Subject withDetail(String detail) {
            return detail == null
                    ? this
                    : new Subject(id, outcome, purpose, reason == null ? detail : reason + "; " + detail, grantId);
        }

        public static Subject breakGlass(String id, String purpose, String reason, String grantId) {
            return new Subject(id, BREAK_GLASS, purpose, reason, grantId);
        }
    }

    /**
     * Records one event per person: ALLOWED for those whose data is returned, DENIED for those
     * refused or left out.
     */
    public void record(
            Actor actor, String operation, Collection<String> allowed, Collection<String> denied, String reason) {
        var subjects = new ArrayList<Subject>();
        allowed.forEach(id -> subjects.add(Subject.allowed(id, reason)));
        denied.forEach(id -> subjects.add(Subject.denied(id, reason)));
        if (subjects.isEmpty()) {
            subjects.add(Subject.allowed(null, reason));
        }
        record(actor, operation, subjects);
    }

    /**
     * Records one event per subject. Inside a request the events join the request's, to be appended
     * before its answer is written (at once in a mutation); outside one they are appended now. Throws
     * {@link TooManySubjectsException} when the request would name too many people, and
     * {@link AuditWriteException} when an append fails.
     */
    public void record(Actor actor, String operation, List<Subject> subjects) {
        record(actor, operation, subjects, Set.of());
    }

    /**
     * The same, with people recorded but not counted against the request's limit: hidden people the
     * answer found around those it was asked about ({@link RequestAudit#add}).
     */
    public void record(Actor actor, String operation, List<Subject> subjects, Set<String> notCounted) {
        var at = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        var request = RequestAudit.current();
        var requestId = request == null ? UUID.randomUUID().toString() : request.requestId();
        var categories = CATEGORIES.getOrDefault(operation, List.of(operation));
        var drafts = new ArrayList<AuditDraft>();
        for (var subject : subjects) {
            drafts.add(new AuditDraft(
                    UUID.randomUUID().toString(),
                    at,
                    actor.user(),
                    actor.agency(),
                    actor.role(),
                    operation,
                    subject.id(),
                    categories,
                    subject.purpose(),
                    subject.reason(),
                    subject.outcome(),
                    requestId,
                    subject.grantId()));
        }
        if (request == null) {
            append(drafts);
            return;
        }
        try {
            request.add(drafts, notCounted);
        } catch (TooManySubjectsException e) {
            request.refusedBy(actor);
            throw e;
        }
        if (request.isMutation()) {
            try {
                flush(request);
            } catch (AuditWriteException e) {
                request.failed();
                throw e;
            }
        }
    }

    /** Appends the events the request has collected and not appended yet; returns when they are durable. */
    void flush(RequestAudit request) {
        var drafts = request.takePending();
        if (!drafts.isEmpty()) {
            ServerTiming.time(Phase.AUDIT, () -> append(drafts));
        }
    }

    /**
     * Closes a request refused for naming too many people: a query's collected events are dropped
     * (none of its answer is sent); a mutation's were appended as they came (its writes happened);
     * and one event records the refusal.
     */
    void refuse(RequestAudit request) {
        if (!request.isMutation()) {
            request.discardPending();
        }
        var drafts = new ArrayList<>(request.takePending());
        var actor = request.refusedBy();
        var at = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        drafts.add(new AuditDraft(
                UUID.randomUUID().toString(),
                at,
                actor.user(),
                actor.agency(),
                actor.role(),
                REQUEST_REFUSED,
                null,
                List.of("refused"),
                NEED_TO_KNOW,
                "named more than " + request.maxSubjects() + " people (at least " + request.refusedAt()
                        + "); nothing was returned",
                DENIED,
                request.requestId(),
                null));
        append(drafts);
    }

    int maxSubjects() {
        return maxSubjects;
    }

    private void append(List<AuditDraft> drafts) {
        try {
            writer.append(drafts).get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AuditWriteException("the audit events could not be written", e.getCause());
        } catch (TimeoutException e) {
            throw new AuditWriteException("the audit events were not written within " + writeTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditWriteException("interrupted while writing the audit events", e);
        }
    }

    /** Events for the auditor, newest first. */
    public List<AuditEvent> events(
            int first, Long after, String user, String subjectId, ZonedDateTime from, ZonedDateTime to) {
        var parameters = Parameters.with("first", first)
                .and("after", after)
                .and("user", user)
                .and("subjectId", subjectId)
                .and("from", from)
                .and("to", to);
        return graph.readAuditLog("audit/events", parameters, r -> AuditEvent.from(r.get("a")));
    }

    /**
     * The result of checking the chain: whether it is intact, how many events it holds (the head's
     * place), how many were re-hashed in this check, the checkpoint it started from (none: from the
     * first event), and what does not match: the first broken event, a broken checkpoint, and a
     * sentence saying what was found.
     */
    public record Verification(
            boolean valid,
            long events,
            long checked,
            Long fromSeq,
            Long firstBrokenSeq,
            Long brokenCheckpointSeq,
            String problem,
            boolean full) {}

    /** Checks the chain from the newest valid checkpoint. */
    public Verification verify() {
        return verify(false);
    }

    /**
     * Checks the chain page by page (bounded memory): every checkpoint's signature and the event it
     * vouches for; then the events from the newest checkpoint (or, {@code full}, from the first),
     * each against its hash and the one before it; then the head's signature and place. A full
     * check that finds the chain intact leaves a signed checkpoint at the head, so the next check
     * starts there. An incremental check does not re-hash the events before the newest checkpoint:
     * a rewrite of them shows (the checkpoints and the signed head no longer match), an edit of one
     * event's fields without re-hashing shows only to a full check. Every read goes to the member
     * that holds every appended event ({@link Graph#readAuditLog}); the check ends at the head it
     * read first, and a checkpoint after that head whose event is there is the chain going on (a
     * check elsewhere left it meanwhile), not events removed.
     */
    public Verification verify(boolean full) {
        var head = graph.readAuditLog("audit/head-state", Map.of(), r -> r).get(0);
        var headSeq = head.get("seq").asLong();
        var headHash = head.get("hash").asString();
        long newestSeq = 0;
        String newestHash = "";
        var beyondHead = false;
        for (long after = 0; !beyondHead; ) {
            var page = graph.readAuditLog(
                    "audit/checkpoints", Map.of("after", after, "until", Long.MAX_VALUE, "first", pageSize), r -> r);
            for (var row : page) {
                var c = row.get("c");
                var seq = c.get("seq").asLong();
                var hash = Views.string(c, "hash");
                if (!key.signedCheckpoint(c)) {
                    return checkpointBroken(
                            headSeq,
                            seq,
                            full,
                            "The checkpoint at event " + seq
                                    + " does not carry a valid signature: it was altered, or signed with another key.");
                }
                var eventHash = row.get("eventHash").isNull()
                        ? null
                        : row.get("eventHash").asString();
                if (seq > headSeq) {
                    if (hash.equals(eventHash)) {
                        // the chain went on after its head was read (and a check or an append left a checkpoint
                        // there): the events it vouches for exist; this check ends at the head it read
                        beyondHead = true;
                        break;
                    }
                    return checkpointBroken(
                            headSeq,
                            seq,
                            full,
                            "The checkpoint at event " + seq + " vouches for an event after the head (event " + headSeq
                                    + "): events were removed.");
                }
                if (!hash.equals(eventHash)) {
                    return checkpointBroken(
                            headSeq,
                            seq,
                            full,
                            "Event " + seq + " is not the event its checkpoint "
                                    + "vouched for: the chain up to it was rewritten (a full check names the first event).");
                }
                newestSeq = seq;
                newestHash = hash;
                after = seq;
            }
            if (page.size() < pageSize) {
                break;
            }
        }
        var fromCheckpoint = !full && newestSeq > 0;
        long checked = 0;
        long expected = fromCheckpoint ? newestSeq : 1;
        String previous = fromCheckpoint ? null : "";
        var last = fromCheckpoint ? newestHash : "";
        for (long after = expected - 1; ; ) {
            var page = graph.readAuditLog(
                    "audit/chain",
                    Map.of("after", after, "until", headSeq, "first", pageSize),
                    r -> AuditEvent.from(r.get("a")));
            for (var event : page) {
                if (event.seq() != expected) {
                    return broken(
                            headSeq,
                            checked,
                            fromCheckpoint ? newestSeq : null,
                            expected,
                            full,
                            "Event " + expected + " is missing from the chain.");
                }
                if (previous != null && !previous.equals(event.prevHash())
                        || !hash(event).equals(event.hash())) {
                    return broken(
                            headSeq,
                            checked,
                            fromCheckpoint ? newestSeq : null,
                            event.seq(),
                            full,
                            "Event " + event.seq() + " does not match its hash or does not follow the event "
                                    + "before it.");
                }
                previous = event.hash();
                last = event.hash();
                expected++;
                checked++;
                after = event.seq();
            }
            if (page.size() < pageSize) {
                break;
            }
        }
        var from = fromCheckpoint ? newestSeq : null;
        if (expected - 1 != headSeq) {
            return broken(headSeq, checked, from, expected, full, "Event " + expected + " is missing from the chain.");
        }
        if (!last.equals(headHash)) {
            return broken(
                    headSeq, checked, from, headSeq, full, "The head of the chain does not match its last event.");
        }
        var signature =
                head.get("signature").isNull() ? null : head.get("signature").asString();
        if (headSeq > 0 && !key.verifies(AuditKey.headText(headSeq, headHash), signature)) {
            return broken(
                    headSeq,
                    checked,
                    from,
                    null,
                    full,
                    "The head of the chain does not carry a valid signature: "
                            + "it was altered (events removed or rewritten), or signed with another key.");
        }
        if (head.get("beyond").asLong() > 0 && !headMovedOn(headSeq)) {
            return broken(
                    headSeq,
                    checked,
                    from,
                    headSeq + 1,
                    full,
                    head.get("beyond").asLong() + " event(s) claim places after the head of the chain.");
        }
        if (full && headSeq > 0) {
            var checkpoint = writer.checkpoint(headSeq, headHash, "VERIFIED");
            graph.inWriteTransaction(
                    tx -> tx.run(CypherStatements.named("audit/checkpoint"), Map.of("checkpoint", checkpoint))
                            .consume());
            // kept outside the database as the appender's checkpoints are (review 60)
            LOG.info("Audit checkpoint at event {} (hash {}), after a full check", headSeq, headHash);
        }
        return new Verification(true, headSeq, checked, from, null, null, null, full);
    }

    /**
     * Whether the head has moved past {@code seq} since it was read. The statement that read it
     * counts the events after it in the same query, but the database reads committed data, so an
     * append committed between the two reads shows as events after the head: read it again. Events
     * left after a head moved back can never be followed by an append (their places are taken), so
     * the head cannot move on past them.
     */
    private boolean headMovedOn(long seq) {
        return graph.readAuditLog(
                                "audit/head-state", Map.of(), r -> r.get("seq").asLong())
                        .get(0)
                > seq;
    }

    private static Verification broken(
            long events, long checked, Long from, Long firstBrokenSeq, boolean full, String problem) {
        return new Verification(false, events, checked, from, firstBrokenSeq, null, problem, full);
    }

    private static Verification checkpointBroken(long events, long checkpointSeq, boolean full, String problem) {
        return new Verification(false, events, 0, null, null, checkpointSeq, problem, full);
    }

    static String hash(AuditEvent e) {
        var text = String.join(
                        "|",
                        e.prevHash(),
                        String.valueOf(e.seq()),
                        e.id(),
                        e.at().toInstant().toString(),
                        nz(e.user()),
                        nz(e.agency()),
                        nz(e.role()),
                        nz(e.operation()),
                        nz(e.subjectId()),
                        String.join(",", e.categories()),
                        nz(e.purpose()),
                        nz(e.reason()),
                        nz(e.outcome()),
                        nz(e.requestId()))
                // the grant id joined the event after the first releases: absent, the text is as it was
                + (e.grantId() == null ? "" : "|" + e.grantId());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static Map<String, Object> properties(AuditEvent e, String hash) {
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

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
