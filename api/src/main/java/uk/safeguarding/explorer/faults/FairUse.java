package uk.safeguarding.explorer.faults;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.errors.TooManyRequestsException;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * Fair use of the database: one user cannot starve the others. Expensive questions (area-wide risk
 * flags, depth-3 networks, connections at the longest hop count) run at most
 * {@code EXPLORER_EXPENSIVE_QUERIES_PER_USER} (default 2) at once per user; one more is refused at
 * once with {@code TOO_MANY_REQUESTS} and a retry hint rather than queued behind the others.
 * Area-wide questions also get the area timeout instead of the ordinary one. Services wrap the
 * expensive part in one call: {@code fairUse.run(Cost.EXPENSIVE, () -> ...)}.
 */
@Component
public class FairUse {

    /** What a question costs. */
    public enum Cost {
        /** An ordinary question: no limit beyond the query timeout. */
        ORDINARY,
        /** Reads the whole area by design (triage queue, overdue actions): the area timeout. */
        AREA_WIDE,
        /** Can read a large part of the graph (depth-3 network, six-hop connection): limited per user. */
        EXPENSIVE,
        /** Both (area-wide risk flags). */
        EXPENSIVE_AREA_WIDE
    }

    /** Seconds a refused user is asked to wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final int perUser;
    private final ConcurrentHashMap<String, Integer> running = new ConcurrentHashMap<>();

    FairUse(@Value("${explorer.expensive-queries-per-user:2}") int perUser) {
        if (perUser < 1) {
            throw new IllegalStateException("EXPLORER_EXPENSIVE_QUERIES_PER_USER must be at least 1");
        }
        this.perUser = perUser;
    }

    /** Runs work as the signed-in user, within the limit and timeout its cost calls for. */
    public <T> T run(Cost cost, Supplier<T> work) {
        Supplier<T> timed =
                cost == Cost.AREA_WIDE || cost == Cost.EXPENSIVE_AREA_WIDE ? () -> Graph.areaWide(work) : work;
        if (cost == Cost.ORDINARY || cost == Cost.AREA_WIDE) {
            return timed.get();
        }
        var user = user();
        var refused = new boolean[1];
        running.compute(user, (key, count) -> {
            var now = count == null ? 0 : count;
            if (now >= perUser) {
                refused[0] = true;
                return count;
            }
            return now + 1;
        });
        if (refused[0]) {
            throw new TooManyRequestsException(perUser, RETRY_AFTER_SECONDS);
        }
        try {
            return timed.get();
        } finally {
            running.computeIfPresent(user, (key, count) -> count <= 1 ? null : count - 1);
        }
    }

    /** How many expensive questions the user runs now: lets a test wait until permits are held. */
    public int running(String user) {
        return running.getOrDefault(user, 0);
    }

    private static String user() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "" : authentication.getName();
    }
}
