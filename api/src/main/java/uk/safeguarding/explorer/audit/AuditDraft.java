package uk.safeguarding.explorer.audit;

import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

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

    /**
     * One event standing for {@code n} people like this draft's subject (hidden people an answer
     * found, past the number recorded one by one in a request): no subject, how many in the reason.
     */
    AuditDraft folded(long n) {
        return new AuditDraft(
                UUID.randomUUID().toString(),
                at,
                user,
                agency,
                role,
                operation,
                null,
                categories,
                purpose,
                n + " more people the answer found and did not show (people the user may not see, recorded "
                        + "together)",
                outcome,
                requestId,
                null);
    }

    /** What makes two drafts of one request the same event (recorded twice by two fields or aliases). */
    List<Object> sameness() {
        return Arrays.asList(user, operation, subjectId, outcome, purpose, reason, grantId);
    }
}
