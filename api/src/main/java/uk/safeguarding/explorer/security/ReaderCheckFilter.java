package uk.safeguarding.explorer.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

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

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var expected = request.getHeader(HEADER);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (expected != null
                && authentication != null
                && !URLDecoder.decode(expected, StandardCharsets.UTF_8).equals(authentication.getName())) {
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
}
