package uk.safeguarding.explorer.errors;

/**
 * The user already runs as many expensive questions (area-wide risk flags, depth-3 networks,
 * connections at the longest hop count) as one user may at once. Mapped to the GraphQL
 * classification {@code TOO_MANY_REQUESTS} with {@code retryAfterSeconds} in the error's extensions.
 */
public class TooManyRequestsException extends RuntimeException {

    private final int retryAfterSeconds;

    public TooManyRequestsException(int limit, int retryAfterSeconds) {
        super("You already have " + limit + " large questions running (area-wide risk flags, three-hop networks "
                + "or six-hop connections); wait for one to finish and try again in " + retryAfterSeconds
                + " seconds");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
