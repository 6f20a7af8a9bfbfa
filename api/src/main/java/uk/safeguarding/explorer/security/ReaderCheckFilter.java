package uk.safeguarding.explorer.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.safeguarding.explorer.web.RequestPath;

/**
 * A page of the explorer says whose page it is ({@value #HEADER}, the user it was opened for, URL
 * encoded): a request of that page while someone else is signed in in the same browser (another tab
 * signed out and in as another user) is refused with 401, nothing read or written, so that a page
 * never reads or records in the name of a user other than the one it shows (review 76: a meeting
 * written by one chair was saved in the name of whoever had signed in since). A request without the
 * header (an API client, a script) is not concerned.
 */
final class ReaderCheckFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Explorer-User";
    private static final Logger LOG = LoggerFactory.getLogger(ReaderCheckFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader(HEADER);
        var expected = header == null ? null : named(header);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (expected != null && authentication != null && !expected.equals(authentication.getName())) {
            LOG.warn(
                    "Refused a request of a page opened for {} while {} is signed in ({} {})",
                    expected.matches("[\\w.@+-]{1,100}") ? expected : "an unreadable user",
                    authentication.getName(),
                    request.getMethod(),
                    RequestPath.of(request));
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write("{\"error\":\"ANOTHER_USER\",\"message\":\"Another user is signed in in this browser:"
                            + " this page was opened for someone else, and nothing was done.\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The user a page says it is for; a value that is not URL-encoded names nobody (review 77: it gave 500). */
    private static String named(String header) {
        try {
            return URLDecoder.decode(header, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
