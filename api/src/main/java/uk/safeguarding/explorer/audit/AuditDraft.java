package uk.safeguarding.explorer.audit;

import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * An audit event before it has a place in the chain: everything but its sequence number and the
 * hashes, which the appender gives it under the chain head's lock.
 */
record AuditDraft(
        String id,
        ZonedDateTime at,
        String user,
        String agency,
        String role,
        String operation,
        String subjectId,
        List<String> categories,
        String purpose,
        String reason,
        String outcome,
        String requestId,
        String grantId) {

    /** The event at its place in the chain, after the event whose hash is given. */
    AuditEvent at(long seq, String prevHash) {
        return new AuditEvent(
                id,
                seq,
                at,
                user,
                agency,
                role,
                operation,
                subjectId,
                categories,
                purpose,
                reason,
                outcome,
                requestId,
                prevHash,
                null,
                grantId);
    }

    /** What makes two drafts of one request the same event (recorded twice by two fields or aliases). */
    List<Object> sameness() {
        return Arrays.asList(user, operation, subjectId, outcome, purpose, reason, grantId);
    }
}
