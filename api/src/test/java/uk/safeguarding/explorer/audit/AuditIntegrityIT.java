package uk.safeguarding.explorer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import uk.safeguarding.explorer.audit.AuditLog.Actor;
import uk.safeguarding.explorer.audit.AuditLog.Subject;
import uk.safeguarding.explorer.cypher.CypherStatements;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * auditIntegrity checks the chain from signed checkpoints instead of loading it whole: a checkpoint
 * (place, hash, time, HMAC under the audit key) is written as the chain grows and after a full
 * check; the check starts from the newest one and reads events in bounded pages. A tampered event,
 * a tampered or forged checkpoint, a rewritten history and removed events are each found.
 */
class AuditIntegrityIT extends ExplorerIT {

    private static final Actor ACTOR = new Actor("integrity-check", "csc", "PRACTITIONER");

    @Autowired
    private AuditLog log;

    @Autowired
    private AuditWriter writer;

    @Autowired
    private AuditKey key;

    @Autowired
    private Clock clock;

    @Autowired
    private Driver driver;

    @BeforeEach
    void emptyLog() {
        cleanDatabase();
    }

    /** Appends n events directly (outside any request: appended at once, in one group). */
    private void append(int n) {
        var subjects = IntStream.rangeClosed(1, n)
                .mapToObj(i -> Subject.allowed("p-" + i))
                .toList();
        log.record(ACTOR, "person", subjects);
    }

    private void run(String cypher, Map<String, Object> parameters) {
        graph.inWriteTransaction(tx -> tx.run(cypher, parameters).consume());
    }

    @Test
    void aCheckpointIsWrittenAsTheChainGrowsAndTheCheckStartsFromTheNewest() {
        append(1_200);
        assertThat(count("MATCH (c:AuditCheckpoint {kind: 'APPEND'}) RETURN count(c)"))
                .isEqualTo(1);
        assertThat(count("MATCH (c:AuditCheckpoint) RETURN max(c.seq)")).isEqualTo(1_200);
        append(5);
        var check = log.verify();
        assertThat(check.valid()).isTrue();
        assertThat(check.events()).isEqualTo(1_205);
        assertThat(check.fromSeq()).isEqualTo(1_200);
        // the checkpointed event itself and the five after it; not the 1,199 before
        assertThat(check.checked()).isEqualTo(6);

        var full = log.verify(true);
        assertThat(full.valid()).isTrue();
        assertThat(full.checked()).isEqualTo(1_205);
        assertThat(full.fromSeq()).isNull();
        // an intact full check leaves a checkpoint at the head: the next check starts there
        assertThat(count("MATCH (c:AuditCheckpoint {kind: 'VERIFIED', seq: 1205}) RETURN count(c)"))
                .isEqualTo(1);
        assertThat(log.verify().fromSeq()).isEqualTo(1_205);
        assertThat(log.verify().checked()).isEqualTo(1);
    }

    @Test
    void aTamperedEventAfterTheNewestCheckpointIsFound() {
        append(1_200);
        append(5);
        run("MATCH (a:AuditEvent {seq: 1203}) SET a.outcome = 'DENIED'", Map.of());
        var check = log.verify();
        assertThat(check.valid()).isFalse();
        assertThat(check.firstBrokenSeq()).isEqualTo(1_203);
        assertThat(check.problem()).contains("Event 1203");
    }

    @Test
    void aTamperedCheckpointIsFound() {
        append(1_200);
        run("MATCH (c:AuditCheckpoint {seq: 1200}) SET c.at = c.at + duration('PT1S')", Map.of());
        var check = log.verify();
        assertThat(check.valid()).isFalse();
        assertThat(check.brokenCheckpointSeq()).isEqualTo(1_200);
        assertThat(check.problem()).contains("does not carry a valid signature");
        assertThat(log.verify(true).valid()).isFalse();
    }

    @Test
    void aCheckpointForgedWithoutTheKeyIsFound() {
        append(20);
        var event = graph.read("audit/chain", Map.of("after", 9, "until", 10, "first", 1), r -> r.get("a"));
        var hash = event.get(0).get("hash").asString();
        var forger =
                new AuditWriter(graph, AuditKey.of("a-different-key-that-nobody-should-hold"), clock, 1_000, false);
        try {
            var forged = forger.checkpoint(10, hash, "VERIFIED");
            graph.inWriteTransaction(
                    tx -> tx.run(CypherStatements.named("audit/checkpoint"), Map.of("checkpoint", forged))
                            .consume());
        } finally {
            destroy(forger);
        }
        var check = log.verify();
        assertThat(check.valid()).isFalse();
        assertThat(check.brokenCheckpointSeq()).isEqualTo(10);
    }

    @Test
    void aHistoryRewrittenWithEveryHashRecomputedIsFound() {
        append(1_200);
        append(10);
        rewriteFrom(5);
        // the chain is self-consistent again, but the checkpoint and the signed head no longer match
        var check = log.verify();
        assertThat(check.valid()).isFalse();
        assertThat(check.brokenCheckpointSeq()).isEqualTo(1_200);
        var full = log.verify(true);
        assertThat(full.valid()).isFalse();
    }

    @Test
    void aRewrittenTailAfterTheLastCheckpointIsFoundByTheHeadsSignature() {
        append(30);
        rewriteFrom(25);
        var check = log.verify();
        assertThat(check.valid()).isFalse();
        assertThat(check.problem()).contains("head of the chain does not carry a valid signature");
    }

    @Test
    void theAppenderDoesNotVouchForARewrittenTail() {
        append(30);
        rewriteFrom(25);
        // signing a new head after the rewritten events would make the chain check as intact again
        assertThatThrownBy(() -> append(1))
                .isInstanceOf(AuditWriteException.class)
                .rootCause()
                .hasMessageContaining("does not carry a valid signature");
        assertThat(count("MATCH (h:AuditHead) RETURN h.seq")).isEqualTo(30);
        assertThat(log.verify().valid()).isFalse();
        // an auditor can still check it, and the log restored (here: emptied) takes appends again
        assertThat(http().graphql("auditor", "{ auditIntegrity { valid } }").toString())
                .contains("\"valid\":false");
        cleanDatabase();
        append(1);
        assertThat(log.verify().valid()).isTrue();
    }

    @Test
    void aHeadStrippedOfItsSignatureIsNotSignedAgainAtStartUp() {
        append(1_005);
        run("MATCH (h:AuditHead) REMOVE h.signature", Map.of());
        // the start-up step that signs a log written before heads were signed: this one has checkpoints
        writer.signUnsignedHead();
        assertThat(count("MATCH (h:AuditHead) WHERE h.signature IS NULL RETURN count(h)"))
                .isEqualTo(1);
        assertThat(log.verify().valid()).isFalse();
    }

    @Test
    void aLogFromBeforeHeadsWereSignedIsSignedAtStartUpOnlyWhenTheOperatorAsks() {
        append(20);
        run("MATCH (h:AuditHead) REMOVE h.signature", Map.of());
        writer.signUnsignedHead();
        assertThat(log.verify(true).valid()).isFalse();
        // EXPLORER_AUDIT_SIGN_UNSIGNED_HEAD=true at one start
        var asked = new AuditWriter(graph, key, clock, 1_000, true);
        try {
            asked.signUnsignedHead();
        } finally {
            destroy(asked);
        }
        append(1);
        assertThat(log.verify(true).valid()).isTrue();
    }

    /**
     * An operator who asks for the unsigned head to be signed, with a key that is not the one the log
     * was signed with: the head is not signed (it would vouch for a log its checkpoints do not).
     */
    @Test
    void anUnsignedHeadIsNotSignedWithAKeyThatDidNotSignTheLog() {
        append(1_005);
        run("MATCH (h:AuditHead) REMOVE h.signature", Map.of());
        var wrong = new AuditWriter(graph, AuditKey.of("a-different-key-that-nobody-should-hold"), clock, 1_000, true);
        try {
            wrong.signUnsignedHead();
        } finally {
            destroy(wrong);
        }
        assertThat(count("MATCH (h:AuditHead) WHERE h.signature IS NULL RETURN count(h)"))
                .isEqualTo(1);
        // the right key, asked, signs it, and the log verifies
        var asked = new AuditWriter(graph, key, clock, 1_000, true);
        try {
            asked.signUnsignedHead();
        } finally {
            destroy(asked);
        }
        assertThat(log.verify(true).valid()).isTrue();
    }

    /**
     * Review 21: a rewrite that also deletes every checkpoint and strips the head's signature looked
     * like a log written before heads were signed, and the next start signed (vouched for) it.
     */
    @Test
    void aRewrittenLogWhoseCheckpointsWereDeletedIsNotSignedAtStartUp() {
        append(1_005);
        rewriteFrom(600);
        run("MATCH (c:AuditCheckpoint) DETACH DELETE c", Map.of());
        run("MATCH (h:AuditHead) REMOVE h.signature SET h.checkpointSeq = 0", Map.of());
        writer.signUnsignedHead();
        assertThat(log.verify(true).valid()).isFalse();
    }

    @Test
    void removedEventsAreFound() {
        append(1_200);
        append(10);
        // the last three removed and the head moved back: the head's signature no longer fits
        run("MATCH (a:AuditEvent) WHERE a.seq > 1207 DETACH DELETE a", Map.of());
        run("MATCH (h:AuditHead), (a:AuditEvent {seq: 1207}) SET h.seq = 1207, h.hash = a.hash", Map.of());
        assertThat(log.verify().valid()).isFalse();
        // an event removed from the middle
        cleanDatabase();
        append(20);
        run("MATCH (a:AuditEvent {seq: 7}) DETACH DELETE a", Map.of());
        var check = log.verify(true);
        assertThat(check.valid()).isFalse();
        assertThat(check.firstBrokenSeq()).isEqualTo(7);
        assertThat(check.problem()).isEqualTo("Event 7 is missing from the chain.");
    }

    /**
     * A check whose first read of the head is answered by {@code answer} after {@code meanwhile} ran:
     * another instance's work committed between the check's reads.
     */
    private AuditLog interleaved(Runnable meanwhile, Function<Graph, List<Record>> answer, AtomicBoolean done) {
        var racing = new Graph(driver, null) {
            @Override
            public <T> List<T> readAuditLog(String name, Map<String, Object> parameters, Function<Record, T> mapper) {
                if (name.equals("audit/head-state") && done.compareAndSet(false, true)) {
                    var rows = answer.apply(this);
                    meanwhile.run();
                    return rows.stream().map(mapper).toList();
                }
                return super.readAuditLog(name, parameters, mapper);
            }
        };
        return new AuditLog(racing, writer, key, clock, 500, Duration.ofSeconds(30), 7);
    }

    private Record headState() {
        return graph.inReadTransaction(
                tx -> tx.run("MATCH (h:AuditHead) RETURN h.seq AS seq, h.hash AS hash, h.signature AS signature")
                        .single());
    }

    /**
     * The closing notes' leftover: the check reads the head, then the checkpoints in another
     * transaction. A check elsewhere (another instance, another auditor) that appends and leaves a
     * checkpoint between the two is the chain going on, not events removed.
     */
    @Test
    void aCheckpointLeftAfterTheHeadWasReadIsNotTakenForRemovedEvents() {
        append(20);
        assertThat(log.verify(true).valid()).isTrue();
        var done = new AtomicBoolean();
        var check = interleaved(
                        () -> {
                            append(5);
                            assertThat(log.verify(true).valid()).isTrue();
                        },
                        g -> g.readAuditLog("audit/head-state", Map.of(), r -> r),
                        done)
                .verify();
        assertThat(done).isTrue();
        assertThat(check).isEqualTo(new AuditLog.Verification(true, 20, 1, 20L, null, null, null, false));
        assertThat(count("MATCH (c:AuditCheckpoint {seq: 25}) RETURN count(c)")).isEqualTo(1);
        assertThat(log.verify()).isEqualTo(new AuditLog.Verification(true, 25, 1, 25L, null, null, null, false));
    }

    /**
     * Review 58: the statement that reads the head counts the events after it in the same query, but
     * reads committed data, so an append committed between the two shows as events after the head.
     */
    @Test
    void eventsAppendedWhileTheHeadIsReadAreNotTakenForEventsBeyondIt() {
        append(20);
        var before = headState();
        var done = new AtomicBoolean();
        var check = interleaved(
                        () -> {},
                        g -> {
                            append(5);
                            // what the statement saw: the head before the append, the events after it
                            return g.inReadTransaction(tx -> tx.run(
                                            "RETURN true AS exists, $seq AS seq, $hash AS hash, $signature AS signature,"
                                                    + " COUNT { MATCH (a:AuditEvent) WHERE a.seq > $seq } AS beyond",
                                            Map.of(
                                                    "seq", before.get("seq").asLong(),
                                                    "hash", before.get("hash").asString(),
                                                    "signature",
                                                            before.get("signature")
                                                                    .asString()))
                                    .list());
                        },
                        done)
                .verify(true);
        assertThat(done).isTrue();
        assertThat(check).isEqualTo(new AuditLog.Verification(true, 20, 20, null, null, null, null, true));
    }

    /** A head put back to an earlier signed state, the events after it removed: a checkpoint tells. */
    @Test
    void aHeadPutBackToAnEarlierSignedStateIsFoundByTheCheckpointsAfterIt() {
        var saved = twentyEventsSignedThenFiveMoreChecked();
        run("MATCH (a:AuditEvent) WHERE a.seq > 20 DETACH DELETE a", Map.of());
        putBack(saved);
        var check = log.verify();
        assertThat(check.valid()).isFalse();
        assertThat(check.brokenCheckpointSeq()).isEqualTo(25);
        assertThat(check.problem()).contains("events were removed");
    }

    /**
     * Review 58: a head put back with the events after it left (and the checkpoint among them, whose
     * event is there): the events after the head tell, since the head cannot have moved on.
     */
    @Test
    void aHeadPutBackWithTheEventsAfterItLeftIsFound() {
        var saved = twentyEventsSignedThenFiveMoreChecked();
        putBack(saved);
        var check = log.verify();
        assertThat(check.valid()).isFalse();
        assertThat(check.firstBrokenSeq()).isEqualTo(21);
        assertThat(check.problem()).isEqualTo("5 event(s) claim places after the head of the chain.");
    }

    /** Review 58: a forged checkpoint after the head is found before anything else is concluded from it. */
    @Test
    void aCheckpointForgedAfterTheHeadIsFound() {
        append(20);
        var forger =
                new AuditWriter(graph, AuditKey.of("a-different-key-that-nobody-should-hold"), clock, 1_000, false);
        try {
            var forged = forger.checkpoint(25, "0".repeat(64), "VERIFIED");
            graph.inWriteTransaction(
                    tx -> tx.run(CypherStatements.named("audit/checkpoint"), Map.of("checkpoint", forged))
                            .consume());
        } finally {
            destroy(forger);
        }
        var check = log.verify();
        assertThat(check.valid()).isFalse();
        assertThat(check.brokenCheckpointSeq()).isEqualTo(25);
        assertThat(check.problem()).contains("does not carry a valid signature");
    }

    /** Twenty events, their head kept; five more, and a full check that leaves a checkpoint at 25. */
    private Record twentyEventsSignedThenFiveMoreChecked() {
        append(20);
        var saved = headState();
        append(5);
        assertThat(log.verify(true).valid()).isTrue();
        return saved;
    }

    private void putBack(Record head) {
        run(
                "MATCH (h:AuditHead) SET h.seq = $seq, h.hash = $hash, h.signature = $signature",
                Map.of(
                        "seq", head.get("seq").asLong(),
                        "hash", head.get("hash").asString(),
                        "signature", head.get("signature").asString()));
    }

    @Test
    void anEditBeforeTheNewestCheckpointWithoutRehashingShowsToTheFullCheck() {
        append(1_200);
        append(3);
        run("MATCH (a:AuditEvent {seq: 10}) SET a.user = 'someone-else'", Map.of());
        // the incremental check does not re-read what the checkpoint covers (the documented trade-off) ...
        assertThat(log.verify().valid()).isTrue();
        // ... the full one does
        var full = log.verify(true);
        assertThat(full.valid()).isFalse();
        assertThat(full.firstBrokenSeq()).isEqualTo(10);
    }

    @Test
    void smallPagesGiveTheSameAnswerAsLargeOnes() {
        append(1_000);
        append(40);
        var paged = new AuditLog(graph, writer, key, clock, 500, Duration.ofSeconds(30), 7);
        var inPages = paged.verify();
        var inOne = log.verify();
        assertThat(inPages).isEqualTo(inOne);
        assertThat(inPages.fromSeq()).isEqualTo(1_000);
        assertThat(inPages.checked()).isEqualTo(41);
        assertThat(paged.verify(true))
                .isEqualTo(new AuditLog.Verification(true, 1_040, 1_040, null, null, null, null, true));
        run("MATCH (a:AuditEvent {seq: 1023}) SET a.reason = 'edited'", Map.of());
        var broken = paged.verify(true);
        assertThat(broken.valid()).isFalse();
        assertThat(broken.firstBrokenSeq()).isEqualTo(1_023);
        assertThat(broken.checked()).isEqualTo(1_022);
    }

    @Test
    void theAuditorChecksInFullOrFromTheNewestCheckpointOverGraphQl() {
        append(1_100);
        var full = http().graphql(
                        "auditor", "{ auditIntegrity(full: true) { valid events checked fromSeq full problem } }")
                .get("data")
                .get("auditIntegrity");
        assertThat(full.toString())
                .isEqualTo(
                        "{\"valid\":true,\"events\":1100,\"checked\":1100,\"fromSeq\":null,\"full\":true,\"problem\":null}");
        var incremental = http().graphql("auditor", "{ auditIntegrity { valid events checked fromSeq full } }")
                .get("data")
                .get("auditIntegrity");
        assertThat(incremental.toString())
                .isEqualTo("{\"valid\":true,\"events\":1100,\"checked\":1,\"fromSeq\":1100,\"full\":false}");
    }

    /** Edits an event and recomputes every hash from it to the head, as someone without the key could. */
    private void rewriteFrom(long seq) {
        graph.inWriteTransaction(tx -> {
            var events = new ArrayList<AuditEvent>(Graph.read(
                    tx,
                    "audit/chain",
                    Map.of("after", seq - 1, "until", Long.MAX_VALUE, "first", 100_000),
                    r -> AuditEvent.from(r.get("a"))));
            var previous = events.get(0).prevHash();
            for (var e : events) {
                var edited = new AuditEvent(
                        e.id(),
                        e.seq(),
                        e.at(),
                        e.seq() == seq ? "someone-else" : e.user(),
                        e.agency(),
                        e.role(),
                        e.operation(),
                        e.subjectId(),
                        e.categories(),
                        e.purpose(),
                        e.reason(),
                        e.outcome(),
                        e.requestId(),
                        previous,
                        null,
                        e.grantId());
                var hash = AuditLog.hash(edited);
                tx.run(
                                "MATCH (a:AuditEvent {seq: $seq}) SET a.user = $user, a.prevHash = $prev, a.hash = $hash",
                                Map.of("seq", e.seq(), "user", edited.user(), "prev", previous, "hash", hash))
                        .consume();
                previous = hash;
            }
            tx.run("MATCH (h:AuditHead) SET h.hash = $hash", Map.of("hash", previous))
                    .consume();
            return null;
        });
    }

    private static void destroy(AuditWriter writer) {
        try {
            writer.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
