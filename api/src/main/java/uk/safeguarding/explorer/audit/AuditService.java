package uk.safeguarding.explorer.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.paging.Connection;
import uk.safeguarding.explorer.paging.Cursors;

/**
 * The auditor's reads of the audit log: the page size checked, days turned into the instants the
 * log is kept in (a day runs from its start in UTC to the start of the next), pages of events newest
 * first keyed by sequence number, and the check of the chain.
 */
@Service
@PreAuthorize("hasRole('AUDITOR')")
public class AuditService {

    private static final String EVENTS = "auditEvents";

    private final AuditLog log;

    AuditService(AuditLog log) {
        this.log = log;
    }

    public List<AuditEvent> events(
            Integer first, Long after, String user, String subjectId, LocalDate from, LocalDate to) {
        var limit = first == null ? 50 : first;
        if (limit < 1 || limit > 500) {
            throw new BadRequestException("first", "must be from 1 to 500");
        }
        return log.events(limit, after, user, subjectId, start(from), end(to));
    }

    /** Newest first, keyed by sequence number: a page starts below the last event shown. */
    public Connection<AuditEvent> eventsConnection(
            Integer first, String after, String user, String subjectId, LocalDate from, LocalDate to) {
        var size = Connection.size(first, 50, 500);
        var before = after == null ? null : Cursors.decodeNumber(EVENTS, after);
        var events = log.events(size + 1, before, user, subjectId, start(from), end(to));
        return Connection.of(
                EVENTS,
                events.subList(0, Math.min(size, events.size())),
                e -> Long.toString(e.seq()),
                events.size() > size);
    }

    public AuditLog.Verification integrity(boolean full) {
        return log.verify(full);
    }

    private static ZonedDateTime start(LocalDate from) {
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC);
    }

    private static ZonedDateTime end(LocalDate to) {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC);
    }
}
