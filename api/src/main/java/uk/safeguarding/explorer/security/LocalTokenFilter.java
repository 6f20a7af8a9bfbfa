package uk.safeguarding.explorer.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Local mode: a request with {@code Authorization: Bearer <local token>} ({@link LocalTokens}) is the
 * token's demo user for that request (no session); a bad or expired token is 401. (A token carries a
 * 256-bit signature: there is no password to guess, so failures are not throttled.)
 */
final class LocalTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final LocalTokens tokens;

    LocalTokenFilter(LocalTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var user = tokens.read(header.substring(BEARER.length()).trim());
        if (user == null) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(user, null));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
