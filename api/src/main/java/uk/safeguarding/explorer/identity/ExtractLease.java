package uk.safeguarding.explorer.identity;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.explorer.cypher.CypherStatements;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * One agency extract is resolved and written at a time (review 105): two at once could each give one
 * new NHS number to a person of its own, each batch weighed against a store the other's batch had not
 * yet written to, and their relationships would be written by person ids the other import may have
 * changed meanwhile. An extract waits its turn: behind another of this instance in the order they
 * came (a fair lock), and behind another instance's on the same store by its lease in the store
 * ({@code identity/take-extract-lease}), which its holder beats every {@link #BEAT} while it works and
 * which is taken over once it has not beaten for {@link #STALE} (its instance ended). A plain bundle
 * does not wait: its people are anchored by their ids, and the resolution in progress sees them by the
 * identity generation they move.
 */
public final class ExtractLease {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractLease.class);

    /** How often a holder beats. */
    static final Duration BEAT = Duration.ofSeconds(20);

    /** A lease not beaten for this long is taken over (six beats missed). */
    static final Duration STALE = Duration.ofMinutes(2);

    /** How often an extract waiting on another instance's asks again. */
    private static final long ASK_EVERY_MILLIS = 500;

    private static final ScheduledExecutorService BEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "extract-lease-beat");
        thread.setDaemon(true);
        return thread;
    });

    private final Graph graph;
    private final Duration wait;
    private final ReentrantLock local = new ReentrantLock(true);
    private final AtomicInteger waiting = new AtomicInteger();

    /** {@code wait}: how long an extract waits for its turn at most ({@code EXPLORER_IMPORT_EXTRACT_WAIT_SECONDS}). */
    public ExtractLease(Graph graph, Duration wait) {
        if (wait.isNegative()) {
            throw new IllegalStateException("EXPLORER_IMPORT_EXTRACT_WAIT_SECONDS may not be negative");
        }
        this.graph = graph;
        this.wait = wait;
    }

    /** How many extracts of this instance are waiting for their turn now. */
    public int waiting() {
        return waiting.get();
    }

    /**
     * Waits for this extract's turn and takes it; {@link Held#close} gives it up. Throws
     * {@link ExtractBusyException}, with nothing written, when another extract still holds it after
     * the longest wait.
     */
    public Held take(String source) {
        var deadline = System.nanoTime() + wait.toNanos();
        waiting.incrementAndGet();
        try {
            if (!local.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ExtractBusyException(null, null, wait);
            }
            try {
                var holder = "extract:" + source + ":" + UUID.randomUUID();
                var logged = false;
                while (true) {
                    var asked = ask(holder, source);
                    if (asked.taken()) {
                        if (logged) {
                            LOG.info("The extract of {} takes its turn", source);
                        }
                        return new Held(holder);
                    }
                    if (System.nanoTime() >= deadline) {
                        throw new ExtractBusyException(asked.source(), asked.since(), wait);
                    }
                    if (!logged) {
                        logged = true;
                        LOG.info(
                                "The extract of {} waits for the extract of {} (resolving since {}, on another"
                                        + " instance) to finish",
                                source,
                                asked.source(),
                                asked.since());
                    }
                    Thread.sleep(ASK_EVERY_MILLIS);
                }
            } catch (RuntimeException | InterruptedException | Error e) {
                local.unlock();
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for another extract to finish", e);
        } finally {
            waiting.decrementAndGet();
        }
    }

    private record Asked(boolean taken, String source, String since) {}

    private Asked ask(String holder, String source) {
        return graph.inWriteTransaction(tx -> {
            var r = tx.run(
                            CypherStatements.named("identity/take-extract-lease"),
                            Map.of("holder", holder, "source", source, "staleSeconds", STALE.toSeconds()))
                    .single();
            return new Asked(
                    r.get("taken").asBoolean(),
                    r.get("source").asString(null),
                    r.get("since").asString(null));
        });
    }

    /** This extract's turn: beaten while held, given up when closed. */
    public final class Held implements AutoCloseable {

        private final String holder;
        private final ScheduledFuture<?> beat;

        private Held(String holder) {
            this.holder = holder;
            var every = BEAT.toMillis();
            this.beat = BEATS.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        }

        private void beat() {
            try {
                var holding = graph.inWriteTransaction(
                        tx -> tx.run(CypherStatements.named("identity/beat-extract-lease"), Map.of("holder", holder))
                                .single()
                                .get("holding")
                                .asBoolean());
                if (!holding) {
                    LOG.warn("The lease of {} on resolving extracts was taken over (it missed its beats)", holder);
                }
            } catch (RuntimeException e) {
                LOG.warn("The lease of {} on resolving extracts could not be beaten", holder, e);
            }
        }

        @Override
        public void close() {
            beat.cancel(false);
            try {
                graph.inWriteTransaction(
                        tx -> tx.run(CypherStatements.named("identity/release-extract-lease"), Map.of("holder", holder))
                                .consume());
            } catch (RuntimeException e) {
                // taken over once it is stale
                LOG.warn("The lease of {} on resolving extracts could not be given up", holder, e);
            } finally {
                local.unlock();
            }
        }
    }
}
