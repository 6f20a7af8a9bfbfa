package uk.safeguarding.explorer.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * The explorer's own page for a browser's error (a page not found, a request refused, an answer the
 * server could not give): marked, in words, with a way back; never the server's default page nor
 * anything of the failed request. API clients keep their JSON errors.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    private final String template;

    ErrorPages() {
        try (var in = new ClassPathResource("sign-in/error.html").getInputStream()) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the error page (sign-in/error.html) is missing", e);
        }
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        var page = page(status);
        View view = (m, req, response) -> {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(page);
        };
        var answer = new ModelAndView(view);
        answer.setStatus(status);
        return answer;
    }

    /** The page for a status: its title and sentence, nothing from the request. */
    String page(HttpStatus status) {
        String title;
        String text;
        if (status == HttpStatus.NOT_FOUND) {
            title = "Page not found";
            text = "There is no page at this address. If you followed a link or typed the address, check it; "
                    + "people, families and meetings are found from the explorer's search.";
        } else if (status.is5xxServerError()) {
            title = "Something went wrong";
            text = "The explorer could not answer just now. Try again in a minute; if it happens again, tell "
                    + "your IT service desk the time it happened and what you were doing.";
        } else {
            title = "This page cannot be shown";
            text = "The explorer cannot show this page for this request. Go back to the explorer and try "
                    + "again from there.";
        }
        return template.replace("{{title}}", title).replace("{{text}}", text);
    }
}
