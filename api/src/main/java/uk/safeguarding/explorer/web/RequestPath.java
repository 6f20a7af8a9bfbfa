package uk.safeguarding.explorer.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UrlPathHelper;

/**
 * The path a request is routed by: decoded, without the context path, path parameters
 * ({@code ;jsessionid=…}) or doubled slashes, as Spring MVC and Spring Security match it. Filters
 * that decide by path must use this, never the raw {@code getRequestURI()}: {@code /%61pi/import}
 * reaches the import, and a filter reading the raw URI would not see {@code /api/} in it (its
 * audit would not hold the answer, a limit would not apply).
 */
public final class RequestPath {

    private RequestPath() {}

    public static String of(HttpServletRequest request) {
        // Spring's shared read-only helper: decodes and removes path parameters, as MVC's matching does
        return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    }
}
