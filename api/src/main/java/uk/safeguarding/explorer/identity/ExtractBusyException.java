package uk.safeguarding.explorer.identity;

import java.time.Duration;

/**
 * An agency extract that waited its longest wait for another extract to finish ({@link ExtractLease}),
 * with nothing of it written; or one that lost its turn while it was written. {@code POST /api/import}
 * answers 409 with the sentence.
 */
public class ExtractBusyException extends RuntimeException {

    ExtractBusyException(String other, String since, Duration waited) {
        super("Another agency extract"
                + (other == null ? "" : " (" + other + (since == null ? "" : ", resolving since " + since) + ")")
                + " was still being imported after this one had waited " + waited.toSeconds()
                + " seconds (EXPLORER_IMPORT_EXTRACT_WAIT_SECONDS): extracts are imported one at a time, and nothing"
                + " of this one was written; send it again when that import has finished");
    }

    private ExtractBusyException(String message) {
        super(message);
    }

    /** This extract's turn was taken over while it was written (its beats stopped for two minutes). */
    static ExtractBusyException lost() {
        return new ExtractBusyException(
                "This agency extract lost its turn while it was imported (nothing renewed it for"
                        + " two minutes: the explorer or its database paused) and another extract took it; what was written"
                        + " of this one is whole record by record: send it again (records already written are not"
                        + " duplicated)");
    }
}
