package uk.safeguarding.explorer.security;

import java.time.ZonedDateTime;

/**
 * A break-glass grant (contract {@code BreakGlassGrant}): who may see whom outside their agency's
 * relationship, why, until when, how many looks it allowed, and the auditor's review.
 */
public record BreakGlassGrant(
        String id,
        String user,
        String agency,
        String role,
        String subjectId,
        String purpose,
        String reason,
        ZonedDateTime from,
        ZonedDateTime until,
        boolean active,
        long uses,
        Review review) {

    /** The auditor's review of a grant. */
    public record Review(String id, String reviewer, ZonedDateTime at, String outcome, String note) {}
}
