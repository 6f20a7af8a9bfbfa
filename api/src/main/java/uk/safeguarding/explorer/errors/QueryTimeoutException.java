package uk.safeguarding.explorer.errors;

import java.time.Duration;
import java.util.Locale;

/**
 * A question ran longer than the time allowed to it ({@code EXPLORER_QUERY_TIMEOUT}, or
 * {@code EXPLORER_AREA_QUERY_TIMEOUT} for area-wide questions) and the database stopped it. Mapped
 * to the GraphQL classification {@code TIMEOUT}; the sentence says what to do.
 */
public class QueryTimeoutException extends RuntimeException {

    private final Duration allowed;

    /** With the time the question was allowed, or null when the database's own limit stopped it. */
    public QueryTimeoutException(Duration allowed, Throwable cause) {
        super(
                "The question took longer than "
                        + (allowed == null ? "the database allows" : "the " + words(allowed) + " allowed")
                        + " and was stopped; nothing was changed. Ask a narrower question (one person, fewer "
                        + "hops, a shorter period) or try again later",
                cause);
        this.allowed = allowed;
    }

    public Duration allowed() {
        return allowed;
    }

    /** A duration in words: "10 s", "1.5 s", "300 ms". */
    public static String words(Duration duration) {
        var millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1_000.0);
    }
}
