package uk.safeguarding.explorer.audit;

import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import uk.safeguarding.explorer.paging.Connection;

/** The auditor's view of the audit log: events, and a check that the chain is intact ({@link AuditService}). */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

    private final AuditService service;

    AuditController(AuditService service) {
        this.service = service;
    }

    @QueryMapping
    List<AuditEvent> auditEvents(
            @Argument Integer first,
            @Argument Long after,
            @Argument String user,
            @Argument String subjectId,
            @Argument LocalDate from,
            @Argument LocalDate to) {
        return service.events(first, after, user, subjectId, from, to);
    }

    @QueryMapping
    Connection<AuditEvent> auditEventsConnection(
            @Argument Integer first,
            @Argument String after,
            @Argument String user,
            @Argument String subjectId,
            @Argument LocalDate from,
            @Argument LocalDate to) {
        return service.eventsConnection(first, after, user, subjectId, from, to);
    }

    @QueryMapping
    AuditLog.Verification auditIntegrity(@Argument Boolean full) {
        return service.integrity(Boolean.TRUE.equals(full));
    }
}
