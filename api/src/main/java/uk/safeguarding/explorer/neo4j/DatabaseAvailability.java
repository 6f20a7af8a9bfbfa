package uk.safeguarding.explorer.neo4j;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.explorer.errors.DatabaseUnavailableException;

/**
 * Remembers that the database could not be reached, so that while an outage lasts every other
 * transaction fails at once instead of each waiting out the driver's connection timeout and retries
 * (a request runs several transactions; a GraphQL request may run one per field). Once a second
 * one caller at a time tries the database again; the first success ends the outage, so the
 * application recovers by itself when the database returns.
 */
final class DatabaseAvailability {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAvailability.class);
    private static final long UP = Long.MIN_VALUE;

    private final long retryEveryNanos;
    /** {@link #UP}, or the System.nanoTime() after which the next caller may try the database again. */
    private final AtomicLong nextTry = new AtomicLong(UP);

    DatabaseAvailability(Duration retryEvery) {
        this.retryEveryNanos = retryEvery.toNanos();
    }

    /** Fails at once while the database is known to be unreachable, except for one caller per interval. */
    void beforeCall() {
        var next = nextTry.get();
        if (next == UP) {
            return;
        }
        var now = System.nanoTime();
        if (now - next < 0 || !nextTry.compareAndSet(next, now + retryEveryNanos)) {
            throw new DatabaseUnavailableException(null);
        }
    }

    void reachable() {
        if (nextTry.getAndSet(UP) != UP) {
            LOG.warn("The database can be reached again");
        }
    }

    void unreachable(Throwable cause) {
        if (nextTry.getAndSet(System.nanoTime() + retryEveryNanos) == UP) {
            LOG.error("The database cannot be reached: {}", cause.getMessage());
        }
    }

    boolean up() {
        return nextTry.get() == UP;
    }
}
