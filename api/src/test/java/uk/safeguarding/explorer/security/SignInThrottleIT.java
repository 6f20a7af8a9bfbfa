package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.RawHttp;

/**
 * Failed sign-ins are throttled over HTTP Basic and the login form, per account and per address:
 * past the free failures the next attempt is refused at once with 429 and Retry-After (no request
 * thread sleeps), even with the right password, and it is logged. Each test signs in from its own
 * loopback address (127.0.0.x), so the address every other test uses is never throttled. (The
 * test context's first delay is 10 minutes, so that it cannot pass while a test looks at it; the
 * doubling and the lock-out are in {@link SignInThrottleTests}.)
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleIT extends ExplorerIT {

    private static final String QUERY = "{\"query\":\"{ __typename }\"}";

    private RawHttp from(String address) {
        return new RawHttp(port, address);
    }

    private static RawHttp.Response basic(RawHttp client, String user, String password) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Authorization", RawHttp.basic(user, password));
        headers.put("Content-Type", "application/json");
        return client.send("POST", "/graphql", headers, QUERY);
    }

    @Test
    void anAccountPastItsFreeFailuresWaitsFromEveryAddressAndTheFailureIsLogged(CapturedOutput output) {
        for (int i = 0; i < 6; i++) {
            assertThat(basic(from("127.0.0.21"), "throttle-probe", "guess-" + i).status())
                    .isEqualTo(401);
        }
        var refused = basic(from("127.0.0.22"), "throttle-probe", "guess-7");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 600L);
        assertThat(refused.body())
                .contains("TOO_MANY_SIGN_IN_ATTEMPTS")
                .contains("this account")
                .contains("\"locked\":false");
        assertThat(output).contains("Failed sign-in 6 for account 'throttle-probe'");
    }

    @Test
    void anAddressPastItsFreeFailuresIsRefusedEvenTheRightPasswordWhileOthersSignIn() {
        var guesser = from("127.0.0.23");
        for (int i = 0; i < 21; i++) {
            assertThat(basic(guesser, "sprayed-" + i, "demo").status()).isEqualTo(401);
        }
        var refused = basic(guesser, "teacher", "demo");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("this address");
        assertThat(basic(from("127.0.0.24"), "teacher", "demo").status()).isEqualTo(200);
    }

    @Test
    void failedFormSignInsCountAndARefusedOneIsNotChecked() {
        var browser = from("127.0.0.25");
        for (int i = 0; i < 6; i++) {
            var failed = formLogin(browser, "form-probe", "guess-" + i);
            assertThat(failed.status()).isEqualTo(302);
            assertThat(failed.header("Location")).isEqualTo("/login?error");
        }
        assertThat(formLogin(browser, "form-probe", "guess-7").status()).isEqualTo(429);
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsCount() {
        var client = from("127.0.0.26");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5; i++) {
                assertThat(basic(client, "health-visitor", "wrong-" + i).status())
                        .isEqualTo(401);
            }
            assertThat(basic(client, "health-visitor", "demo").status()).isEqualTo(200);
        }
        // ten failures in all, but never more than five since the last success: no wait
        assertThat(basic(client, "health-visitor", "wrong-again").status()).isEqualTo(401);
        assertThat(basic(client, "health-visitor", "demo").status()).isEqualTo(200);
    }

    /** The browser's sign-in: the form (for its CSRF token and session), then the post. */
    static RawHttp.Response formLogin(RawHttp browser, String user, String password) {
        var page = browser.send("GET", "/login", Map.of("Accept", "text/html"), null);
        var token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();
        var cookies = new StringBuilder();
        for (var cookie : page.headers().getOrDefault("set-cookie", List.of())) {
            cookies.append(cookies.isEmpty() ? "" : "; ").append(cookie.split(";")[0]);
        }
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Cookie", cookies.toString());
        return browser.send(
                "POST",
                "/login",
                headers,
                "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
