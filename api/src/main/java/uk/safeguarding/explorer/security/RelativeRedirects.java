package uk.safeguarding.explorer.security;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Redirects the application sends are built from configuration, never from the request's
 * {@code Host} header (which a client or a poisoned cache controls): the sign-in redirect and the
 * return after signing in are relative paths (Tomcat keeps them relative,
 * {@code server.tomcat.use-relative-redirects}), and the absolute addresses an identity provider
 * needs come from {@code EXPLORER_PUBLIC_URL} ({@link ProductionSignIn}).
 */
final class RelativeRedirects {

    private RelativeRedirects() {}

    /** Makes the login entry points redirect to a relative path. */
    static ObjectPostProcessor<LoginUrlAuthenticationEntryPoint> relativeLoginPage() {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends LoginUrlAuthenticationEntryPoint> O postProcess(O entryPoint) {
                entryPoint.setFavorRelativeUris(true);
                return entryPoint;
            }
        };
    }

    /**
     * After signing in, back to the page first asked for (its path and query only) or to the
     * start page, relative.
     */
    static AuthenticationSuccessHandler afterSignIn() {
        var cache = new HttpSessionRequestCache();
        return (request, response, authentication) -> {
            var target = "/";
            if (cache.getRequest(request, response) instanceof DefaultSavedRequest saved
                    && "GET".equals(saved.getMethod())) {
                target = saved.getRequestURI() + (saved.getQueryString() == null ? "" : "?" + saved.getQueryString());
                cache.removeRequest(request, response);
            }
            // a path, never "//host/..." (which a browser reads as another site)
            response.sendRedirect("/" + target.replaceFirst("^[/\\\\]+", ""));
        };
    }
}
