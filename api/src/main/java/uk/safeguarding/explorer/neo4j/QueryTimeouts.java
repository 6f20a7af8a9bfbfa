package uk.safeguarding.explorer.neo4j;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a read may run before the database stops it: {@code EXPLORER_QUERY_TIMEOUT} (default
 * 10 s) for every read transaction, {@code EXPLORER_AREA_QUERY_TIMEOUT} (default 60 s) for the
 * area-wide questions (area-wide risk flags, the triage queue, overdue actions), which read the
 * whole area by design, and for every read while the start-up warm-up plans ({@code
 * Graph.readTimeout}). The embedded database also stops any transaction after twice the area
 * timeout, at least two minutes ({@code db.transaction.timeout}), a backstop for transactions that
 * set none.
 */
@ConfigurationProperties("explorer")
public record QueryTimeouts(
        @DefaultValue("10s") Duration queryTimeout,
        @DefaultValue("60s") Duration areaQueryTimeout) {

    /** The defaults, for code that runs without Spring (the seed CLI, the benchmark). */
    private static final Duration MIN_BACKSTOP = Duration.ofMinutes(2);

    public static final QueryTimeouts DEFAULTS = new QueryTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));

    public QueryTimeouts {
        if (queryTimeout.isZero()
                || queryTimeout.isNegative()
                || areaQueryTimeout.isZero()
                || areaQueryTimeout.isNegative()) {
            throw new IllegalStateException("EXPLORER_QUERY_TIMEOUT and EXPLORER_AREA_QUERY_TIMEOUT must be positive "
                    + "durations such as 10s or 500ms");
        }
    }

    /**
     * The server-side backstop for transactions without a timeout of their own: twice the area
     * timeout, and never under two minutes (it also bounds the database's own work at start-up).
     */
    public Duration backstop() {
        var twice = areaQueryTimeout.multipliedBy(2);
        return twice.compareTo(MIN_BACKSTOP) < 0 ? MIN_BACKSTOP : twice;
    }
}
