package uk.safeguarding.explorer.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import uk.safeguarding.explorer.observability.ServerTiming;
import uk.safeguarding.explorer.web.RequestPath;

/**
 * Gives every request its audit (its id, sent back as {@code X-Request-Id} and written on each of
 * its events) and makes sure nothing the request recorded is left unwritten. A REST answer
 * ({@code /api/**}) is held back until the request's events are durable and replaced by a 503 if
 * they cannot be written (an error answer, which carries no data, is sent as it is); GraphQL answers are held by {@link AuditInterceptor}.
 */
@Component
class AuditFilter extends OncePerRequestFilter {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);

    private final AuditLog log;

    AuditFilter(AuditLog log) {
        this.log = log;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var audit = (RequestAudit) request.getAttribute(RequestAudit.ATTRIBUTE);
        if (audit == null) {
            audit = new RequestAudit(log.maxSubjects());
            request.setAttribute(RequestAudit.ATTRIBUTE, audit);
            response.setHeader(REQUEST_ID_HEADER, audit.requestId());
        }
        if (!RequestPath.of(request).startsWith("/api/")) {
            chain.doFilter(request, response);
            if (!request.isAsyncStarted()) {
                flushLeftovers(audit);
            }
            return;
        }
        var held = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, held);
        if (request.isAsyncStarted()) {
            return;
        }
        try {
            log.flush(audit);
        } catch (RuntimeException e) {
            if (held.getStatus() >= 400) {
                // the answer is already an error and carries no data (an import refused during an
                // outage, say): it is sent as it is, not turned into an audit fault
                LOG.error(
                        "The audit events of request {} could not be written; its answer is an error ({}) and is "
                                + "sent",
                        audit.requestId(),
                        held.getStatus(),
                        e);
                held.copyBodyToResponse();
                return;
            }
            var reference = UUID.randomUUID().toString();
            LOG.error(
                    "The audit events of request {} could not be written; answering 503, reference {}",
                    audit.requestId(),
                    reference,
                    e);
            held.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // the held answer may already have opened the stream (not the writer): write bytes
            response.getOutputStream()
                    .write(("{\"error\":\"AUDIT_UNAVAILABLE\",\"message\":\"The audit log could "
                                    + "not be written, so nothing is returned; try again (reference " + reference
                                    + ")\"}")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        var timing = ServerTiming.current();
        if (timing != null) {
            held.setHeader(ServerTiming.HEADER, timing.header());
        }
        held.copyBodyToResponse();
    }

    /** Events recorded where no answer waits for them (an error page): written now, late but never lost. */
    private void flushLeftovers(RequestAudit audit) {
        try {
            log.flush(audit);
        } catch (RuntimeException e) {
            LOG.error("The audit events of request {} could not be written", audit.requestId(), e);
        }
    }
}
