package uk.safeguarding.explorer.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Starts a request's {@link ServerTiming} before any other filter (security included), when
 * {@code EXPLORER_SERVER_TIMING} is on. The header itself is written where the answer is complete
 * and not yet sent: after the audit flush of a GraphQL or REST answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnBooleanProperty("explorer.server-timing")
class ServerTimingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(ServerTiming.ATTRIBUTE) == null) {
            request.setAttribute(ServerTiming.ATTRIBUTE, new ServerTiming());
        }
        chain.doFilter(request, response);
    }
}
