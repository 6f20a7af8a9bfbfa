package uk.safeguarding.explorer.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
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
    /** The operation each refused path would have been recorded as had it been allowed. */
    private static final Map<String, String> OPERATIONS = Map.of("/api/import", "import", "/api/backup", "backup");

    private final AuditLog audit;
    private final NeedToKnow needToKnow;

    RestDenials(AuditLog audit, NeedToKnow needToKnow) {
        this.audit = audit;
        this.needToKnow = needToKnow;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> refused(HttpServletRequest request, AccessDeniedException denied) {
        var path = request.getRequestURI();
        var operation = OPERATIONS.getOrDefault(path, request.getMethod() + " " + path);
        try {
            audit.record(
                    needToKnow.actor(),
                    operation,
                    List.of(Subject.denied(
                            null,
                            "refused " + request.getMethod() + " " + path + ": not allowed for the "
                                    + "caller's role")));
        } catch (RuntimeException e) {
            LOG.warn("The refusal of {} {} could not be recorded: {}", request.getMethod(), path, e.toString());
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Map.of(
                        "error",
                        "FORBIDDEN",
                        "message",
                        "Your role does not allow " + operation + "; nothing was done"));
    }
}
