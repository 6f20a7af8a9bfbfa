package uk.safeguarding.explorer.errors;

import java.util.concurrent.ExecutionException;

/** What work run on another thread failed with, as the caller should see it. */
public final class Failures {

    private Failures() {}

    /**
     * The failure of work run on another thread, to be thrown by the caller as if it had run there:
     * an unchecked exception as it came, an {@link Error} rethrown at once (out of memory stays out
     * of memory), anything else wrapped.
     */
    public static RuntimeException unwrapped(ExecutionException e) {
        var cause = e.getCause();
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof RuntimeException failure ? failure : new IllegalStateException(cause);
    }
}
