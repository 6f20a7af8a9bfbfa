package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.RawHttp;

/**
 * The security headers are on every answer, HEAD as much as GET (HEAD / once had none), and the
 * application's redirects are paths of its own, whatever {@code Host} header the request carries
 * (a forged one was once reflected into the login redirect).
 */
class HeadersAndRedirectsIT extends ExplorerIT {

    private static final List<String> SECURITY_HEADERS = List.of(
            "content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy", "cache-control");

    private RawHttp client() {
        return new RawHttp(port, "127.0.0.1");
    }

    private static Map<String, String> signedIn() {
        return Map.of("Authorization", RawHttp.basic("admin", "demo"));
    }

    @Test
    void headAnswersCarryTheSameSecurityHeadersAsGetOnEveryPath() {
        for (var path : List.of(
                "/",
                "/index.html",
                "/css/app.css",
                "/login",
                "/api/me",
                "/api/demo",
                "/graphql",
                "/actuator/health",
                "/no-such-page")) {
            for (var headers : List.of(signedIn(), Map.<String, String>of())) {
                var get = client().send("GET", path, headers, null);
                var head = client().send("HEAD", path, headers, null);
                for (var name : SECURITY_HEADERS) {
                    assertThat(head.header(name))
                            .as("HEAD %s %s", path, name)
                            .isNotNull()
                            .isEqualTo(get.header(name));
                }
                assertThat(head.header("content-security-policy")).contains("frame-ancestors 'none'");
            }
        }
    }

    @Test
    void theSignInRedirectIsAPathWhateverTheHostHeaderSays() {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Host", "evil.example");
        headers.put("Accept", "text/html");
        var response = client().send("GET", "/?person=p-sara", headers, null);
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("/login");
    }

    @Test
    void signingInAndOutWithAForgedHostStaysOnThisSite() {
        var browser = client();
        var headers = new LinkedHashMap<String, String>();
        headers.put("Host", "evil.example");
        headers.put("Accept", "text/html");
        var first = browser.send("GET", "/?person=p-sara&asOf=2018-09-26", headers, null);
        var session = cookie(first, "JSESSIONID");

        var page = browser.send("GET", "/login", Map.of("Host", "evil.example", "Cookie", session), null);
        var token = page.body().replaceAll("(?s).*name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\".*", "$1");
        var cookies = new StringBuilder(session);
        page.headers()
                .getOrDefault("set-cookie", List.of())
                .forEach(c -> cookies.append("; ").append(c.split(";")[0]));
        var form = new LinkedHashMap<String, String>();
        form.put("Host", "evil.example");
        form.put("Content-Type", "application/x-www-form-urlencoded");
        form.put("Cookie", cookies.toString());
        var signedIn = browser.send("POST", "/login", form, "username=teacher&password=demo&_csrf=" + token);
        assertThat(signedIn.status()).isEqualTo(302);
        // back to the page first asked for, as a path of this site
        assertThat(signedIn.header("Location")).isEqualTo("/?person=p-sara&asOf=2018-09-26");

        var newSession = cookie(signedIn, "JSESSIONID");
        var me = browser.send("GET", "/api/me", Map.of("Host", "evil.example", "Cookie", newSession), null);
        assertThat(me.status()).isEqualTo(200);
        var xsrf = cookie(me, "XSRF-TOKEN");
        var logout = new LinkedHashMap<String, String>();
        logout.put("Host", "evil.example");
        logout.put("Accept", "text/html");
        logout.put("Content-Type", "application/x-www-form-urlencoded");
        logout.put("Cookie", newSession + "; " + xsrf);
        logout.put("X-XSRF-TOKEN", xsrf.substring("XSRF-TOKEN=".length()));
        var signedOut = browser.send("POST", "/logout", logout, "");
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.header("Location")).isEqualTo("/login?logout");
    }

    private static String cookie(RawHttp.Response response, String name) {
        return response.headers().getOrDefault("set-cookie", List.of()).stream()
                .filter(c -> c.startsWith(name + "=") && !c.startsWith(name + "=;"))
                .map(c -> c.split(";")[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers()));
    }
}
