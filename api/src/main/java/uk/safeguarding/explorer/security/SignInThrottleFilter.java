package uk.safeguarding.explorer.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.safeguarding.explorer.web.RequestPath;

/**
 * Applies {@link SignInThrottle} in the security filter chain, before any credential is checked: a
 * request that signs in (a form login, HTTP Basic credentials, a bearer token, an OpenID Connect
 * callback) while its account or address must wait is refused at once with 429 and
 * {@code Retry-After}, its credentials never checked; after the check, a failure is counted and a
 * success clears the account. Requests of a signed-in session are not sign-ins and pass.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    static final String FAILED = SignInThrottleFilter.class.getName() + ".failed";
    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottleFilter.class);

    private enum Kind {
        FORM,
        BASIC,
        BEARER,
        OIDC_CALLBACK
    }

    private record Attempt(Kind kind, String account, String address) {}

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    /** Wraps a form login's or OpenID Connect login's failure handler so that the failure is counted. */
    static AuthenticationFailureHandler counting(AuthenticationFailureHandler delegate) {
        return (request, response, exception) -> {
            request.setAttribute(FAILED, Boolean.TRUE);
            delegate.onAuthenticationFailure(request, response, exception);
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var attempt = attempt(request);
        if (attempt == null) {
            chain.doFilter(request, response);
            return;
        }
        var refusal = throttle.refusal(attempt.account(), attempt.address());
        if (refusal != null) {
            LOG.debug("Sign-in refused for {} {} until {}", refusal.what(), attempt.address(), refusal.until());
            refuse(response, refusal);
            return;
        }
        chain.doFilter(request, response);
        var failed = Boolean.TRUE.equals(request.getAttribute(FAILED))
                || (attempt.kind() == Kind.BASIC || attempt.kind() == Kind.BEARER)
                        && response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
        if (failed) {
            throttle.failed(attempt.account(), attempt.address());
        } else if (signedIn()) {
            throttle.succeeded(attempt.account());
        }
    }

    private Attempt attempt(HttpServletRequest request) {
        var address = request.getRemoteAddr();
        var authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new Attempt(Kind.BASIC, basicUser(authorization.substring(6)), address);
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Attempt(Kind.BEARER, null, address);
        }
        var path = RequestPath.of(request);
        if ("POST".equals(request.getMethod()) && "/login".equals(path)) {
            var user = request.getParameter("username");
            return new Attempt(Kind.FORM, user == null || user.isBlank() ? null : user, address);
        }
        if (path.startsWith("/login/oauth2/code/")) {
            return new Attempt(Kind.OIDC_CALLBACK, null, address);
        }
        return null;
    }

    private static String basicUser(String encoded) {
        try {
            var decoded = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
            var colon = decoded.indexOf(':');
            var user = colon < 0 ? decoded : decoded.substring(0, colon);
            return user.isBlank() ? null : user;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static boolean signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private void refuse(HttpServletResponse response, SignInThrottle.Refusal refusal) throws IOException {
        var seconds = refusal.retryAfterSeconds(throttle.now());
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var what = refusal.locked()
                ? "Sign-in is locked for this " + refusal.what() + " after too many failed attempts"
                : "Too many failed sign-ins for this " + refusal.what();
        response.getWriter()
                .write("{\"error\":\"TOO_MANY_SIGN_IN_ATTEMPTS\",\"message\":\"" + what
                        + "; try again in " + seconds + " seconds.\",\"retryAfterSeconds\":" + seconds + ",\"locked\":"
                        + refusal.locked() + "}");
    }
}
