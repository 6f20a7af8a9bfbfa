package uk.safeguarding.explorer.audit;

import java.time.ZonedDateTime;
import java.util.List;
import org.neo4j.driver.Value;

/**
 * One entry of the append-only audit log (contract): who looked at or was refused whose data, when,
 * for which operation and purpose, with the hash that chains it to the entry before; a look under a
 * break-glass grant names the grant.
 */
public record AuditEvent(
        String id,
        long seq,
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
        String prevHash,
        String hash,
        String grantId) {

    /** The event as stored (an {@code :AuditEvent} node). */
    static AuditEvent from(Value a) {
        return new AuditEvent(
                str(a, "id"),
                a.get("seq").asLong(),
                a.get("at").asZonedDateTime(),
                str(a, "user"),
                str(a, "agency"),
                str(a, "role"),
                str(a, "operation"),
                str(a, "subjectId"),
                a.get("categories").isNull() ? List.of() : a.get("categories").asList(Value::asString),
                str(a, "purpose"),
                str(a, "reason"),
                str(a, "outcome"),
                str(a, "requestId"),
                str(a, "prevHash"),
                str(a, "hash"),
                str(a, "grantId"));
    }

    private static String str(Value map, String key) {
        return map.get(key).isNull() ? null : map.get(key).asString();
    }
}
