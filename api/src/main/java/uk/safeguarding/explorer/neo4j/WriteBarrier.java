package uk.safeguarding.explorer.neo4j;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Lets an online backup see one consistent state of the graph. Neo4j's read transactions are
 * read-committed, not snapshots, so a backup that reads while imports or recordings commit could
 * hold half of them. Every data write holds this barrier shared; a backup holds it alone, so
 * writes wait (they are not refused) while it reads, and reads go on as usual. Fair, so that a
 * steady stream of writes cannot keep a backup waiting for ever. The append-only audit log does not
 * wait: a backup cuts it at the head it read first (see backup.BackupService).
 */
public final class WriteBarrier {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    <T> T write(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs work while no data write runs or starts; writes that arrive meanwhile wait. */
    public <T> T exclusive(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** How many writes wait for the barrier now: lets a test see that a write waits for a backup. */
    public int waitingWrites() {
        return lock.getQueueLength();
    }
}
