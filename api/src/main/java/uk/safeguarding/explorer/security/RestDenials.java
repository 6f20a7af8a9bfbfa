package uk.safeguarding.explorer.security;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import uk.safeguarding.explorer.audit.AuditLog;
import uk.safeguarding.explorer.audit.AuditLog.Subject;

/**
 * A REST call ({@code POST /api/import}, {@code POST /api/backup}) refused by role is a denial like a
 * refused GraphQL field (DESIGN §7): it is recorded as one {@code DENIED} event in the caller's name
 * (no person: these calls name none), under the operation the call would have been recorded as,
 * before the 403 leaves; the answer says why in a sentence.
 */
@RestControllerAdvice
class RestDenials {

    private static final Logger LOG = LoggerFactory.getLogger(RestDenials.class);
    /**
     * The operation each refused controller would have been recorded as had it been allowed, by the
     * controller the request reached (never by the path it was sent to, which a caller may spell in
     * many ways).
     */
    private static final Map<String, String> OPERATIONS =
            Map.of("ImportController", "import", "BackupController", "backup");

    private final AuditLog audit;
    private final NeedToKnow needToKnow;

    RestDenials(AuditLog audit, NeedToKnow needToKnow) {
        this.audit = audit;
        this.needToKnow = needToKnow;
    }

    /** Refused by method security ({@code @PreAuthorize}), the one refusal by role a REST call meets. */
    @ExceptionHandler(AuthorizationDeniedException.class)
    ResponseEntity<Map<String, String>> refused(HandlerMethod handler, AuthorizationDeniedException denied) {
        var operation = OPERATIONS.getOrDefault(
                handler.getBeanType().getSimpleName(), handler.getMethod().getName());
        var actor = needToKnow.actor();
        try {
            audit.record(
                    actor,
                    operation,
                    List.of(Subject.denied(null, "refused " + operation + ": not allowed for the caller's role")));
        } catch (RuntimeException e) {
            LOG.warn(
                    "The refusal of {} to {} ({}) could not be recorded: {}",
                    operation,
                    actor.user(),
                    actor.role(),
                    e.toString());
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Map.of(
                        "error",
                        "FORBIDDEN",
                        "message",
                        "Your role does not allow " + operation + "; nothing was done"));
    }
}
