package uk.safeguarding.explorer.audit;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * One entry of the append-only audit log (contract): who looked at or was refused whose data, when,
 * for which operation and purpose, with the hash that chains it to the entry before; a look under a
 * break-glass grant names the grant.
 */
public record AuditEvent(String id, long seq, ZonedDateTime at, String user, String agency, String role,
        String operation, String subjectId, List<String> categories, String purpose, String reason, String outcome,
        String requestId, String prevHash, String hash, String grantId) {
}
