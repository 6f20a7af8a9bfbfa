package uk.safeguarding.explorer.audit;

/**
 * The audit chain's head does not carry the audit key's signature: the appender will not chain after
 * it (and so vouch for it), and the append fails.
 */
class AuditChainException extends IllegalStateException {

    AuditChainException(String message) {
        super(message);
    }
}
