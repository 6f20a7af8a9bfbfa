package uk.safeguarding.explorer.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * which is taken over once it has not beaten for {@link #STALE} (its instance ended). The beat does not
 * wait for an online backup (it is written as the audit log's appends are), and a holder that lost its
 * turn anyway (a paused machine) is stopped at its next write: every resolution batch and every kind of
 * row checks the holder in the store ({@link Held#check}). The turn is taken before the extract is
 * validated (the records it refers to are those of the store when it runs), and a thread that holds it
 * takes it again at once. A plain bundle does not wait: its people are anchored by their ids, and the
 * resolution in progress sees them by the identity generation they move. Between instances the order is
 * not guaranteed (each asks every half second).
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
    private final Duration beatEvery;
    private final ReentrantLock local = new ReentrantLock(true);
    private final AtomicInteger refused = new AtomicInteger();
    /** The turn the current thread holds, if any. */
    private final ThreadLocal<Held> current = new ThreadLocal<>();
    /** The extract of this instance that holds the turn, and since when (null: none). */
    private volatile Holding holding;

    private record Holding(String source, String since) {
        @Override
        public String toString() {
            return source + " (since " + since + ")";
        }
    }

    /** {@code wait}: how long an extract waits for its turn at most ({@code EXPLORER_IMPORT_EXTRACT_WAIT_SECONDS}). */
    public ExtractLease(Graph graph, Duration wait) {
        this(graph, wait, BEAT);
    }

    /** {@code beat}: how often a holder beats ({@link #BEAT}; shorter in a test that watches it). */
    ExtractLease(Graph graph, Duration wait, Duration beat) {
        if (wait.isNegative()) {
            throw new IllegalStateException("EXPLORER_IMPORT_EXTRACT_WAIT_SECONDS may not be negative");
        }
        this.graph = graph;
        this.wait = wait;
        this.beatEvery = beat;
    }

    /** How many times an extract of this instance asked the store for its turn and found it held. */
    public int refusedAsks() {
        return refused.get();
    }

    /**
     * Waits for this extract's turn and takes it; {@link Held#close} gives it up. Throws
     * {@link ExtractBusyException}, with nothing written, when another extract still holds it after
     * the longest wait.
     */
    public Held take(String source) {
        var held = current.get();
        if (held != null) {
            return held.again();
        }
        var deadline = System.nanoTime() + wait.toNanos();
        try {
            // (a fair lock's tryLock() barges past extracts already waiting: review 107)
            var waited = false;
            if (!local.tryLock(0, TimeUnit.NANOSECONDS)) {
                waited = true;
                // walk 78: nothing in the log said that an extract waited, nor for which
                var before = holding;
                LOG.info(
                        "The extract of {} waits for the extract of {} to finish",
                        source,
                        before == null ? "another agency" : before);
                if (!local.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                    var still = holding;
                    LOG.warn("The extract of {} was refused: {} was still being imported", source, still);
                    throw new ExtractBusyException(
                            still == null ? null : still.source(), still == null ? null : still.since(), wait);
                }
                LOG.info("The extract of {} takes its turn", source);
            }
            // named from here on to an extract of this instance that waits (new-user check: one waiting while
            // this asked the store read "the extract of another agency")
            holding = new Holding(
                    source, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            try {
                var holder = "extract:" + source + ":" + UUID.randomUUID();
                var logged = false;
                while (true) {
                    var asked = ask(holder, source);
                    if (asked.taken()) {
                        if (logged) {
                            LOG.info("The extract of {} takes its turn", source);
                        }
                        var taken = new Held(holder, false, waited);
                        current.set(taken);
                        return taken;
                    }
                    refused.incrementAndGet();
                    waited = true;
                    if (System.nanoTime() >= deadline) {
                        LOG.warn(
                                "The extract of {} was refused: the extract of {} (since {}) was still being imported",
                                source,
                                asked.source(),
                                asked.since());
                        throw new ExtractBusyException(asked.source(), asked.since(), wait);
                    }
                    if (!logged) {
                        logged = true;
                        LOG.info(
                                "The extract of {} waits for the extract of {} (resolving since {}: another instance's,"
                                        + " or a turn left behind, taken over once its beats stop) to finish",
                                source,
                                asked.source(),
                                asked.since());
                    }
                    Thread.sleep(ASK_EVERY_MILLIS);
                }
            } catch (RuntimeException | InterruptedException | Error e) {
                holding = null;
                local.unlock();
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for another extract to finish", e);
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

    /** A turn, given up when closed (nothing for a bundle that takes none). */
    public interface Turn extends AutoCloseable {
        @Override
        void close();

        /** Whether taking it waited for another extract (what was read before may have changed). */
        default boolean waited() {
            return false;
        }
    }

    /** This extract's turn: beaten while held, given up when closed (a turn taken again: nothing). */
    public final class Held implements Turn {

        private final String holder;
        private final ScheduledFuture<?> beat;
        /** Whether this is the turn taken again by the thread that holds it (closing it gives nothing up). */
        private final boolean again;

        private volatile boolean closing;
        /** How many beats it has written (a test waits on them; guarded by this). */
        private int beaten;

        private final boolean waited;

        private Held(String holder, boolean again, boolean waited) {
            this.holder = holder;
            this.again = again;
            this.waited = waited;
            var every = beatEvery.toMillis();
            this.beat = again ? null : BEATS.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        }

        private Held again() {
            return new Held(holder, true, false);
        }

        @Override
        public boolean waited() {
            return waited;
        }

        /** The holder's name in the store. */
        public String holder() {
            return holder;
        }

        /**
         * Throws {@link ExtractBusyException} when the store names another holder now ({@code holderNow}): this
         * extract lost its turn (its beats stopped for {@link #STALE}) and another took it.
         */
        public void check(String holderNow) {
            if (!holder.equals(holderNow)) {
                throw ExtractBusyException.lost();
            }
        }

        /** As {@link #check(String)}, reading the holder now. */
        public void check() {
            check(graph.read(
                            "identity/extract-holder",
                            Map.of(),
                            r -> r.get("holder").asString(null))
                    .get(0));
        }

        private void beat() {
            try {
                // not behind an online backup's barrier: a backup longer than STALE lost the turn (review 106)
                var holding = graph.inAppendTransaction(
                        tx -> tx.run(CypherStatements.named("identity/beat-extract-lease"), Map.of("holder", holder))
                                .single()
                                .get("holding")
                                .asBoolean());
                synchronized (this) {
                    beaten++;
                    notifyAll();
                }
                if (!holding && !closing) {
                    LOG.warn(
                            "The turn of {} on resolving extracts was taken over (its beats stopped): its next write"
                                    + " stops it",
                            holder);
                }
            } catch (Throwable e) {
                // a beat that throws must not end the beats (a scheduled task that throws is not run again)
                LOG.warn("The turn of {} on resolving extracts could not be beaten", holder, e);
            }
        }

        /** How many beats it has written. */
        synchronized int beaten() {
            return beaten;
        }

        /** Waits until it has written more than {@code beats} beats. */
        synchronized void awaitBeatsAfter(int beats) throws InterruptedException {
            while (beaten <= beats) {
                wait();
            }
        }

        @Override
        public void close() {
            if (again) {
                return;
            }
            closing = true;
            current.remove();
            holding = null;
            beat.cancel(false);
            try {
                graph.inWriteTransaction(
                        tx -> tx.run(CypherStatements.named("identity/release-extract-lease"), Map.of("holder", holder))
                                .consume());
            } catch (RuntimeException e) {
                // taken over once it is stale
                LOG.warn("The turn of {} on resolving extracts could not be given up", holder, e);
            } finally {
                local.unlock();
            }
        }
    }
}
