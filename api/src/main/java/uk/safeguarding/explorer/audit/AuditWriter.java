package uk.safeguarding.explorer.audit;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.cypher.CypherStatements;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.Parameters;

/**
 * Group commit for the audit log. Requests hand over their events and wait; one appender thread
 * takes everything waiting and appends it in one write transaction (the head locked, the events
 * chained, the head moved and signed, a signed checkpoint every {@code checkpointEvery} events),
 * then releases every request of the group at once. Under load many requests share one commit
 * instead of queueing one by one on the head's lock; alone, a request costs one transaction as
 * before. Several application instances on one database each run an appender, and the head's
 * lock in the database keeps their appends in one chain. If a group fails, each of its requests
 * is tried alone, so that one bad event fails only its own request.
 */
@Component
class AuditWriter implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
    static final int MAX_GROUP_EVENTS = 5_000;

    /** Events of one request and the promise to tell it when they are durable. */
    private record Pending(List<AuditDraft> drafts, CompletableFuture<Void> durable) {}

    private static final Pending STOP = new Pending(List.of(), new CompletableFuture<>());

    private final Graph graph;
    private final AuditKey key;
    private final Clock clock;
    private final long checkpointEvery;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong headReads = new AtomicLong();
    private final boolean signUnsigned;
    private final Thread appender;
    private volatile boolean stopped;
    /** The head as this appender's last commit left it (only its thread touches it); null: read it. */
    private Head known;

    AuditWriter(
            Graph graph,
            AuditKey key,
            Clock clock,
            @Value("${explorer.audit.checkpoint-every:1000}") long checkpointEvery,
            @Value("${explorer.audit.sign-unsigned-head:false}") boolean signUnsigned) {
        if (checkpointEvery < 1) {
            throw new IllegalStateException("EXPLORER_AUDIT_CHECKPOINT_EVERY must be at least 1");
        }
        this.graph = graph;
        this.key = key;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
        this.signUnsigned = signUnsigned;
        this.appender = new Thread(this::run, "audit-appender");
        this.appender.setDaemon(true);
        this.appender.start();
    }

    /**
     * Queues the events of one request; the future completes when they are committed (durable),
     * or fails when they could not be written.
     */
    CompletableFuture<Void> append(List<AuditDraft> drafts) {
        var pending = new Pending(List.copyOf(drafts), new CompletableFuture<>());
        if (stopped) {
            pending.durable().completeExceptionally(new IllegalStateException("the audit log is shutting down"));
            return pending.durable();
        }
        waiting.incrementAndGet();
        queue.add(pending);
        return pending.durable();
    }

    /** Requests whose events are queued or being written now. */
    int waiting() {
        return waiting.get();
    }

    /**
     * Appends that had to read the head first (the first, and any after another appender moved it);
     * the others took one statement.
     */
    long headReads() {
        return headReads.get();
    }

    /** Write transactions committed so far: fewer than requests when requests shared them. */
    long commits() {
        return commits.get();
    }

    private void run() {
        while (true) {
            Pending first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failRemaining();
                return;
            }
            if (first == STOP) {
                failRemaining();
                return;
            }
            var group = new ArrayList<Pending>();
            group.add(first);
            int events = first.drafts().size();
            for (var next = queue.peek();
                    next != null && next != STOP && events + next.drafts().size() <= MAX_GROUP_EVENTS;
                    next = queue.peek()) {
                group.add(queue.poll());
                events += next.drafts().size();
            }
            write(group);
        }
    }

    private void write(List<Pending> group) {
        try {
            appendInOneTransaction(group);
            group.forEach(this::durable);
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                failed(group.get(0), e);
                return;
            }
            // one bad request must not fail the others: each alone
            for (var pending : group) {
                try {
                    appendInOneTransaction(List.of(pending));
                    durable(pending);
                } catch (RuntimeException alone) {
                    failed(pending, alone);
                }
            }
        }
    }

    private void durable(Pending pending) {
        waiting.decrementAndGet();
        pending.durable().complete(null);
    }

    private void failed(Pending pending, RuntimeException e) {
        LOG.error(
                "Could not append {} audit event(s); their request fails",
                pending.drafts().size(),
                e);
        waiting.decrementAndGet();
        pending.durable().completeExceptionally(e);
    }

    /** Where the chain's head stands: its last event, that event's hash, the newest checkpoint. */
    private record Head(long seq, String hash, long checkpointSeq) {}

    /** Events chained after a head: the rows to create, the head after them, a checkpoint if one is due. */
    private record Chained(List<Map<String, Object>> rows, Head head, Map<String, Object> checkpoint) {}

    private void appendInOneTransaction(List<Pending> group) {
        var drafts = group.stream().flatMap(p -> p.drafts().stream()).toList();
        var expected = known;
        known = null;
        if (expected != null) {
            // the usual case: the head is where this appender left it, one statement that commits as it runs
            var chained = chain(expected, drafts);
            var parameters =
                    parameters(chained).and("expectedSeq", expected.seq()).and("expectedHash", expected.hash());
            try {
                if (graph.appendStatement("audit/append-after", parameters)) {
                    committed(chained.head());
                    return;
                }
            } catch (TransientException | ServiceUnavailableException | SessionExpiredException e) {
                // a lock it could not take in time, a dropped connection, a leader that moved: read the head
                // and try again below, in a transaction the driver retries
                LOG.debug("The audit append after the known head failed ({}); reading the head", e.getMessage());
            }
        }
        // the first append, or the head moved (another instance, a restore): read it, then chain after it;
        // append-only, so an online backup cuts the chain at its head instead of making reads wait
        committed(graph.inAppendTransaction(tx -> {
            headReads.incrementAndGet();
            var row = Graph.read(tx, "audit/head", Map.of(), r -> r).get(0);
            var head = new Head(
                    row.get("seq").asLong(),
                    row.get("hash").asString(),
                    row.get("checkpointSeq").asLong());
            requireSigned(
                    head,
                    row.get("signature").isNull() ? null : row.get("signature").asString());
            var chained = chain(head, drafts);
            tx.run(CypherStatements.named("audit/append"), parameters(chained)).consume();
            return chained.head();
        }));
    }

    /**
     * After an append committed: the head it left is where the next one chains. A checkpoint it wrote
     * is logged too, a record of the chain kept outside the database: a log cut back to an earlier
     * signed head with every later checkpoint deleted looks like a restore of a backup taken then,
     * and only a record kept elsewhere tells the two apart.
     */
    private void committed(Head head) {
        known = head;
        commits.incrementAndGet();
        if (head.checkpointSeq() == head.seq()) {
            LOG.info("Audit checkpoint at event {} (hash {})", head.seq(), head.hash());
        }
    }

    /**
     * Refuses to chain after a head that does not carry this key's signature: signing it would vouch
     * for whatever was written to the database behind the appender's back (events rewritten with
     * their hashes recomputed, events removed and the head moved back). The append fails, and with
     * it every request, until an auditor has checked the log ({@code auditIntegrity}) and it is
     * restored; an empty chain (place 0) has nothing to vouch for.
     */
    private void requireSigned(Head head, String signature) {
        if (head.seq() > 0 && !key.verifies(AuditKey.headText(head.seq(), head.hash()), signature)) {
            throw new AuditChainException("the head of the audit chain (at event " + head.seq()
                    + ") does not carry a valid signature: the log was changed outside the application, or "
                    + "EXPLORER_AUDIT_KEY is not the key it was signed with. Nothing is appended after it "
                    + "(and no request is answered) until the log is checked with auditIntegrity and restored");
        }
    }

    /** The events chained after the head: numbered, each hashed with the one before. */
    private Chained chain(Head head, List<AuditDraft> drafts) {
        var seq = head.seq();
        var hash = head.hash();
        var checkpointSeq = head.checkpointSeq();
        var rows = new ArrayList<Map<String, Object>>();
        for (var draft : drafts) {
            seq++;
            var event = draft.at(seq, hash);
            hash = AuditLog.hash(event);
            rows.add(AuditLog.properties(event, hash));
        }
        Map<String, Object> checkpoint = null;
        if (seq - checkpointSeq >= checkpointEvery) {
            checkpoint = checkpoint(seq, hash, "APPEND");
            checkpointSeq = seq;
        }
        return new Chained(rows, new Head(seq, hash, checkpointSeq), checkpoint);
    }

    private Parameters parameters(Chained chained) {
        var head = chained.head();
        return Parameters.with("events", chained.rows())
                .and("lastSeq", head.seq())
                .and("lastHash", head.hash())
                .and("signature", key.sign(AuditKey.headText(head.seq(), head.hash())))
                .and("checkpointSeq", head.checkpointSeq())
                .and("checkpoint", chained.checkpoint());
    }

    /** A signed checkpoint of the event at the place given, whose hash is given. */
    Map<String, Object> checkpoint(long seq, String hash, String kind) {
        var at = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        var checkpoint = new LinkedHashMap<String, Object>();
        checkpoint.put("seq", seq);
        checkpoint.put("hash", hash);
        checkpoint.put("at", at);
        checkpoint.put("kind", kind);
        checkpoint.put(
                "signature",
                key.sign(AuditKey.checkpointText(seq, hash, at.toInstant().toString(), kind)));
        return checkpoint;
    }

    /**
     * A head that carries no signature is signed at start-up only when an operator asks for it
     * ({@code EXPLORER_AUDIT_SIGN_UNSIGNED_HEAD=true}, once, for a log written before heads were
     * signed): anything written in the database, a marker or the absence of checkpoints, could be
     * forged by whoever stripped the signature, so nothing there decides it. Otherwise the head
     * stays unsigned, appends refuse it, and the log says what to do.
     */
    @EventListener(ApplicationReadyEvent.class)
    void signUnsignedHead() {
        try {
            signHeadIfUnsigned();
        } catch (RuntimeException e) {
            LOG.warn("Could not check the signature of the audit chain's head at start-up: {}", e.getMessage());
        }
    }

    private void signHeadIfUnsigned() {
        graph.inWriteTransaction(tx -> {
            var head = Graph.read(tx, "audit/head", Map.of(), r -> r).get(0);
            if (head.get("signature").isNull() && head.get("seq").asLong() > 0) {
                var seq = head.get("seq").asLong();
                var checkpoint = Graph.read(tx, "audit/newest-checkpoint", Map.of("until", seq), r -> r.get("c"));
                if (signUnsigned && !checkpoint.isEmpty() && !key.signedCheckpoint(checkpoint.get(0))) {
                    LOG.error(
                            "Not signing the unsigned head of the audit chain (at event {}): the audit key does not "
                                    + "verify its newest checkpoint (at event {}); start with EXPLORER_AUDIT_KEY set to "
                                    + "the key the log was signed with",
                            seq,
                            checkpoint.get(0).get("seq").asLong());
                } else if (signUnsigned) {
                    tx.run(
                                    CypherStatements.named("audit/sign-head"),
                                    Map.of(
                                            "signature",
                                            key.sign(AuditKey.headText(
                                                    seq, head.get("hash").asString()))))
                            .consume();
                    LOG.warn(
                            "Signed the unsigned head of the audit chain at event {} "
                                    + "(EXPLORER_AUDIT_SIGN_UNSIGNED_HEAD): unset it now",
                            seq);
                } else {
                    LOG.error(
                            "The head of the audit chain (at event {}) carries no signature: nothing is appended "
                                    + "after it. Check the log with auditIntegrity; for a log written before heads were "
                                    + "signed, start once with EXPLORER_AUDIT_SIGN_UNSIGNED_HEAD=true",
                            seq);
                }
            }
            return null;
        });
    }

    /** Stops the appender after what is queued has been written; later appends fail. */
    @Override
    public void destroy() throws InterruptedException {
        stopped = true;
        queue.add(STOP);
        appender.join(30_000);
    }

    private void failRemaining() {
        Pending left;
        while ((left = queue.poll()) != null) {
            if (left != STOP) {
                failed(left, new IllegalStateException("the audit log is shutting down"));
            }
        }
    }
}
