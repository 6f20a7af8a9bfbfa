package uk.safeguarding.explorer.audit;

/**
 * The audit events of a request could not be made durable: the request fails and answers no data
 * (no answered read without its audit record).
 */
public class AuditWriteException extends RuntimeException {

    AuditWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
