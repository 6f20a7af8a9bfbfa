package uk.safeguarding.explorer.errors;

import org.springframework.security.access.AccessDeniedException;

/**
 * A refusal (FORBIDDEN) whose DENIED events the service has already written to the audit log, with
 * the people it concerned; every other {@link AccessDeniedException} is recorded where GraphQL errors
 * are made, so that no refusal goes unrecorded and none is recorded twice.
 */
public class RecordedDenialException extends AccessDeniedException {

    public RecordedDenialException(String reason) {
        super(reason);
    }
}
