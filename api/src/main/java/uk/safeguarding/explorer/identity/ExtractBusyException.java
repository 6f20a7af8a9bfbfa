package uk.safeguarding.explorer.identity;

import java.time.Duration;

/**
 * An agency extract that waited its longest wait for another extract to finish ({@link ExtractLease}):
 * nothing of it was written. {@code POST /api/import} answers 409 with the sentence.
 */
public class ExtractBusyException extends RuntimeException {

    ExtractBusyException(String otherSource, String since, Duration waited) {
        super("Another agency extract"
                + (otherSource == null ? "" : " (" + otherSource + ", resolving since " + since + ")")
                + " was still being imported after this one had waited " + waited.toSeconds()
                + " seconds (EXPLORER_IMPORT_EXTRACT_WAIT_SECONDS): extracts are resolved one at a time, and nothing"
                + " of this one was written; send it again when that import has finished");
    }
}
