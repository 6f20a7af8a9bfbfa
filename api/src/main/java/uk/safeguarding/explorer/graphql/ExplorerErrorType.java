package uk.safeguarding.explorer.graphql;

import graphql.ErrorClassification;

/**
 * Error classifications beyond Spring's {@code ErrorType}, for faults a client should handle
 * differently from a bad argument: wait and retry ({@code UNAVAILABLE}, {@code TOO_MANY_REQUESTS}
 * with {@code retryAfterSeconds}), or ask a narrower question ({@code TIMEOUT}).
 */
public enum ExplorerErrorType implements ErrorClassification {
    /** The database cannot be reached; nothing was changed. */
    UNAVAILABLE,
    /** The question ran out of time and was stopped. */
    TIMEOUT,
    /** The user already runs as many expensive questions as one user may at once. */
    TOO_MANY_REQUESTS
}
