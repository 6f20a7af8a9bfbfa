package uk.safeguarding.explorer.integration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.web.RequestPath;

/**
 * A partner system past its {@code requests-per-minute} is answered at once with 429, a
 * {@code Retry-After} (seconds) and {@code {"error": "TOO_MANY_REQUESTS", ...}}, before its request is
 * read; people are not limited here (their sign-ins are throttled, their expensive questions
 * limited by fair use). Runs after Spring Security, so the caller is known.
 */
@Component
class IntegrationRateFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationRateFilter.class);

    private final RequestRate rate;

    IntegrationRateFilter(Clock clock) {
        this.rate = new RequestRate(clock);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = RequestPath.of(request);
        return !"/graphql".equals(path) && !path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (NeedToKnow.principal() instanceof IntegrationPrincipal system) {
            var wait = rate.acquire(system.client());
            if (wait > 0) {
                LOG.info(
                        "Client {} is over its {} requests a minute; asked to wait {} s",
                        system.client().id(),
                        system.client().requestsPerMinute(),
                        wait);
                response.setStatus(429);
                response.setHeader("Retry-After", Long.toString(wait));
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.getWriter()
                        .write("{\"error\":\"TOO_MANY_REQUESTS\",\"message\":\"This client may send "
                                + system.client().requestsPerMinute() + " requests a minute; try again in " + wait
                                + " s.\",\"retryAfterSeconds\":" + wait + "}");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
