package uk.safeguarding.explorer.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import uk.safeguarding.explorer.config.ExplorerModeEnvironmentPostProcessor;

/**
 * The explorer's own sign-in page at {@code GET /login}: in local mode the form (the post goes to
 * Spring Security's {@code POST /login} with {@code username}, {@code password} and {@code _csrf});
 * in production a button to the identity provider, where a failed or refused sign-in
 * ({@code ?error}) and signing out ({@code ?logout}) come back to. The page of the {@code web} module
 * ({@code sign-in/login.html}) is filled in here, without a script: the CSRF token in the form (as a
 * browser, the bench and the tests read it), the failed sign-in or signed-out message, and the demo
 * users' note only where demo users exist (local mode).
 */
@Controller
class SignInPage {

    private static final Pattern SECTION =
            Pattern.compile("[ \\t]*<!--if (\\w+)-->\\R(.*?)[ \\t]*<!--end \\1-->\\R", Pattern.DOTALL);

    private final String template;
    private final boolean local;

    @Autowired
    SignInPage(@Value("${explorer.mode}") String mode) {
        this(read(), ExplorerModeEnvironmentPostProcessor.LOCAL.equals(mode));
    }

    /** With {@code local}, the form and the demo users' note; else the identity provider's button. */
    SignInPage(String template, boolean local) {
        this.template = template;
        this.local = local;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(
            CsrfToken csrf,
            Principal signedIn,
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (signedIn != null) {
            // signed in already (a shared computer, a bookmark): who is, and a way to sign out first
            return html(signedIn(csrf, signedIn));
        }
        return html(render(csrf.getToken(), error != null, logout != null, sessionEnded(request, response)));
    }

    /** Said on the sign-in page that a page of the explorer sent back to when its session ended. */
    static final String ENDED = "Your session has ended. Sign in again to go back to where you were.";

    /** Said on the sign-in page that the meeting's form links to when the session ended while the chair wrote. */
    static final String WRITING = "Your session has ended. Sign in again to go on with the meeting you were writing.";

    /**
     * What to say when the request that brought the browser here is an explorer page sent back by the
     * end of its session ({@code session=ended}, api.js; signed in again, the browser goes back to it) or
     * the page the meeting's form links to then ({@code /signed-in.html}); else null.
     */
    private static String sessionEnded(HttpServletRequest request, HttpServletResponse response) {
        if (!(new HttpSessionRequestCache().getRequest(request, response) instanceof DefaultSavedRequest saved)
                || !"GET".equals(saved.getMethod())) {
            return null;
        }
        if ("/signed-in.html".equals(saved.getRequestURI())) {
            return WRITING;
        }
        var session = saved.getParameterValues("session");
        return session != null && List.of(session).contains("ended") ? ENDED : null;
    }

    /** {@code GET /logout} (a link, a typed address): asks, and signs out with a POST carrying the token. */
    @GetMapping(value = "/logout", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> signOut(CsrfToken csrf, Principal signedIn) {
        return signedIn == null ? redirect("/login") : html(signedIn(csrf, signedIn));
    }

    /** Who is signed in, with Sign out (a POST with the token) and Continue; nothing focused, nothing done. */
    private String signedIn(CsrfToken csrf, Principal user) {
        return fill(Set.of("signOut"), csrf.getToken(), false, "")
                .replace("{{user}}", HtmlUtils.htmlEscape(user.getName()));
    }

    private static ResponseEntity<String> redirect(String path) {
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(path))
                .build();
    }

    private static ResponseEntity<String> html(String page) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page);
    }

    /** The sign-in page with the token, the sections that apply and the inputs tied to the error. */
    String render(String csrf, boolean error, boolean logout) {
        return render(csrf, error, logout, null);
    }

    /**
     * As above; ended: what to say of a session that ended (sessionEnded), or null. It is said where
     * it stands and by the field the keyboard starts on (a status already there when the page loads is
     * not announced: review 77); an error or a sign-out says its own.
     */
    String render(String csrf, boolean error, boolean logout, String ended) {
        var shown = new HashSet<String>();
        shown.add(local ? "form" : "provider");
        if (local) {
            shown.add("demo");
        }
        if (error) {
            shown.add(local ? "error" : "providerError");
        } else if (logout) {
            shown.add("logout");
        } else if (ended != null) {
            shown.add("ended");
        }
        return fill(shown, csrf, error, shown.contains("ended") ? ended : "");
    }

    /** The page with only the sections named shown; ended: the session's end said, or "". */
    private String fill(Set<String> shown, String csrf, boolean error, String ended) {
        var sections = SECTION.matcher(template)
                .replaceAll(m -> Matcher.quoteReplacement(shown.contains(m.group(1)) ? m.group(2) : ""));
        var users = DemoUsers.ALL.stream().map(DemoUsers.Demo::username).collect(Collectors.joining(", "));
        return sections.replace("{{csrf}}", HtmlUtils.htmlEscape(csrf))
                .replace("{{described}}", error ? " aria-describedby=\"sign-in-error\" aria-invalid=\"true\"" : "")
                .replace("{{endedBy}}", ended.isEmpty() ? "" : " aria-describedby=\"session-ended\"")
                .replace("{{ended}}", HtmlUtils.htmlEscape(ended))
                .replace("{{demoUsers}}", HtmlUtils.htmlEscape(users));
    }

    private static String read() {
        try (var in = new ClassPathResource("sign-in/login.html").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the sign-in page (sign-in/login.html) is missing", e);
        }
    }
}
