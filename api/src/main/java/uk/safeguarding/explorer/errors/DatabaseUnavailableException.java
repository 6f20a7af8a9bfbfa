package uk.safeguarding.explorer.errors;

/**
 * The database cannot be reached (stopped, restarting, network down). Raised at once, without
 * waiting on the driver again, while the outage lasts, so that a request fails within seconds
 * instead of hanging. Mapped to the GraphQL classification {@code UNAVAILABLE} and to HTTP 503.
 */
public class DatabaseUnavailableException extends RuntimeException {

    /** The sentence a user sees: plain, and true for every request that wrote nothing. */
    public static final String SENTENCE = "The database cannot be reached; nothing was changed; try again shortly";

    public DatabaseUnavailableException(Throwable cause) {
        super(SENTENCE, cause);
    }

    /** With a sentence of its own, for an operation that had written part of its work (an import). */
    public DatabaseUnavailableException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
