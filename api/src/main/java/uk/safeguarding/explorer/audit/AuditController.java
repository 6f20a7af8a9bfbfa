package uk.safeguarding.explorer.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.paging.Connection;
import uk.safeguarding.explorer.paging.Cursors;

/** The auditor's view of the audit log: events, and a check that the chain is intact. */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

    private static final String EVENTS = "auditEvents";

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @QueryMapping
    List<AuditEvent> auditEvents(@Argument Integer first, @Argument Long after, @Argument String user,
            @Argument String subjectId, @Argument LocalDate from, @Argument LocalDate to) {
        var limit = first == null ? 50 : first;
        if (limit < 1 || limit > 500) {
            throw new BadRequestException("first", "must be from 1 to 500");
        }
        return log.events(limit, after, user, subjectId, from == null ? null : from.atStartOfDay(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC));
    }

    /** Newest first, keyed by sequence number: a page starts below the last event shown. */
    @QueryMapping
    Connection<AuditEvent> auditEventsConnection(@Argument Integer first, @Argument String after,
            @Argument String user, @Argument String subjectId, @Argument LocalDate from, @Argument LocalDate to) {
        var size = Connection.size(first, 50, 500);
        var before = after == null ? null : Cursors.decodeNumber(EVENTS, after);
        var events = log.events(size + 1, before, user, subjectId,
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC));
        return Connection.of(EVENTS, events.subList(0, Math.min(size, events.size())),
                e -> Long.toString(e.seq()), events.size() > size);
    }

    @QueryMapping
    AuditLog.Verification auditIntegrity(@Argument Boolean full) {
        return log.verify(Boolean.TRUE.equals(full));
    }
}
