package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.safeguarding.explorer.support.TestIdentityProvider.AUDIENCE;
import static uk.safeguarding.explorer.support.TestIdentityProvider.json;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.ExplorerApplication;
import uk.safeguarding.explorer.support.RawHttp;
import uk.safeguarding.explorer.support.Scenario;
import uk.safeguarding.explorer.support.TestIdentityProvider;

/**
 * Production sign-in against a real (small, in-test) OpenID Connect provider: discovery, published
 * keys, an authorization endpoint and a token endpoint. API calls carry bearer JWTs, checked for
 * signature, issuer, audience and expiry; the browser signs in with the authorization code flow.
 * Without an identity provider, production mode does not start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityProviderIT {

    private static final String CLIENT_ID = "explorer-web";
    private static final String PUBLIC_URL = "http://127.0.0.1:PORT/";

    private TestIdentityProvider idp;
    private String issuer;
    private RSAKey otherKey;
    private final Map<String, String> nonces = new ConcurrentHashMap<>();
    private ConfigurableApplicationContext app;
    private int port;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        otherKey = TestIdentityProvider.newKey();
        idp = TestIdentityProvider.start();
        issuer = idp.issuer();
        idp.handle("/authorize", this::authorize);
        idp.handle("/token", this::token);

        var dir = Files.createTempDirectory("explorer-production");
        // the public address must be known before the start: the provider's redirects are built from it
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        app = new SpringApplicationBuilder(ExplorerApplication.class)
                .run(
                        "--explorer.mode=production",
                        "--server.port=" + port,
                        "--explorer.public-url=" + PUBLIC_URL.replace("PORT", Integer.toString(port)),
                        "--explorer.signin.delay=10m",
                        "--explorer.bolt-port=0",
                        "--explorer.pagecache=32m",
                        "--explorer.data-dir=" + dir,
                        "--explorer.identity.issuer-uri=" + issuer,
                        "--explorer.identity.audience=" + AUDIENCE,
                        "--explorer.identity.client-id=" + CLIENT_ID,
                        "--explorer.identity.client-secret=it-secret",
                        "--explorer.identity.agency-claim=agency_id",
                        "--explorer.identity.role-claim=explorer_roles");
        assertThat(((WebServerApplicationContext) app).getWebServer().getPort()).isEqualTo(port);
        var imported = post(
                "/api/import",
                idp.sign(claims("it-admin", List.of("ADMIN"), null).build()),
                Scenario.text());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (idp != null) {
            idp.close();
        }
    }

    private JWTClaimsSet.Builder claims(String user, Object roles, String agency) {
        var builder = idp.claims()
                .audience(List.of(AUDIENCE, "account"))
                .claim("preferred_username", user)
                .claim("explorer_roles", roles);
        if (agency != null) {
            builder.claim("agency_id", agency);
        }
        return builder;
    }

    private String police() {
        return idp.sign(claims("pc-2044", List.of("practitioner"), "police").build());
    }

    @Test
    void aValidTokenSignsInWithTheUserRoleAndAgencyFromItsClaims() throws Exception {
        var me = get("/api/me", police());
        assertThat(me.statusCode()).isEqualTo(200);
        var json = JsonMapper.shared().readTree(me.body());
        assertThat(json.get("username").asString()).isEqualTo("pc-2044");
        assertThat(json.get("role").asString()).isEqualTo("PRACTITIONER");
        assertThat(json.get("agency").asString()).isEqualTo("police");
        assertThat(json.get("mode").asString()).isEqualTo("production");
        var sara = graphql(police(), "{ person(id: \"p-sara\") { id } }");
        assertThat(sara.body()).contains("\"p-sara\"").doesNotContain("errors");
        // need-to-know holds for token users too: the police see Sara's network, not Gary's former partner
        var joanne = graphql(police(), "{ person(id: \"p-joanne\") { id } }");
        assertThat(joanne.body()).contains("NOT_FOUND");
    }

    @Test
    void badTokensAreRefusedWith401() throws Exception {
        var now = Instant.now();
        var bad = new LinkedHashMap<String, String>();
        bad.put(
                "expired",
                idp.sign(claims("pc", "PRACTITIONER", "police")
                        .issueTime(Date.from(now.minusSeconds(7200)))
                        .expirationTime(Date.from(now.minusSeconds(3600)))
                        .build()));
        bad.put(
                "wrong issuer",
                idp.sign(claims("pc", "PRACTITIONER", "police")
                        .issuer("http://127.0.0.1:1/evil")
                        .build()));
        bad.put(
                "wrong audience",
                idp.sign(claims("pc", "PRACTITIONER", "police")
                        .audience("another-api")
                        .build()));
        bad.put("alg none", new PlainJWT(claims("pc", "PRACTITIONER", "police").build()).serialize());
        var good = police();
        var parts = good.split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"police\"", "\"health\"");
        bad.put(
                "tampered",
                parts[0] + "."
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                        + "." + parts[2]);
        bad.put(
                "signed by another key",
                TestIdentityProvider.sign(claims("pc", "PRACTITIONER", "police").build(), otherKey));
        bad.put(
                "no expiry",
                idp.sign(claims("pc", "PRACTITIONER", "police")
                        .expirationTime(null)
                        .build()));
        bad.put(
                "no role",
                idp.sign(claims("pc", List.of("offline_access"), "police").build()));
        bad.put(
                "two roles",
                idp.sign(claims("pc", List.of("ADMIN", "AUDITOR"), null).build()));
        bad.put(
                "practitioner without agency",
                idp.sign(claims("pc", "PRACTITIONER", null).build()));
        bad.put("garbage", "not-a-jwt");
        for (var entry : bad.entrySet()) {
            var response = graphql(entry.getValue(), "{ person(id: \"p-sara\") { id } }");
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(401);
            assertThat(response.body()).as(entry.getKey()).doesNotContain("p-sara");
        }
        assertThat(graphql(good, "{ person(id: \"p-sara\") { id } }").statusCode())
                .isEqualTo(200);
    }

    @Test
    void demoUsersDoNotExistAndTheAdministratorSeesNoCaseDataInProduction() throws Exception {
        var basic = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(401);
        var admin = idp.sign(claims("it-admin", "ADMIN", null).build());
        assertThat(graphql(admin, "{ person(id: \"p-sara\") { id } }").body())
                .contains("FORBIDDEN")
                .doesNotContain("\"p-sara\"");
        assertThat(graphql(admin, "{ __schema { types { name } } }").body()).doesNotContain("\"Person\"");
    }

    @Test
    void theBrowserSignsInWithOpenIdConnect() throws Exception {
        var browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        var page = browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .header("Accept", html)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        var location = URI.create("http://127.0.0.1:" + port + "/")
                .resolve(page.headers().firstValue("Location").orElseThrow());
        // application -> identity provider -> application callback -> the page
        for (int hop = 0; hop < 6 && location != null; hop++) {
            var response = browser.send(
                    HttpRequest.newBuilder(location).header("Accept", html).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 302) {
                assertThat(response.statusCode())
                        .as(location + ": " + response.body())
                        .isEqualTo(200);
                break;
            }
            if (location.toString().startsWith(issuer + "/authorize")) {
                assertThat(location.getQuery())
                        .contains("client_id=" + CLIENT_ID)
                        .contains("response_type=code")
                        .contains("scope=openid");
            }
            location =
                    location.resolve(response.headers().firstValue("Location").orElseThrow());
        }
        var me = browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        var json = JsonMapper.shared().readTree(me.body());
        assertThat(json.get("username").asString()).isEqualTo("hv-0113");
        assertThat(json.get("role").asString()).isEqualTo("PRACTITIONER");
        assertThat(json.get("agency").asString()).isEqualTo("health");
    }

    @Test
    void productionModeWithoutAnIdentityProviderDoesNotStart() throws Exception {
        var dir = Files.createTempDirectory("explorer-no-idp");
        assertThatThrownBy(() -> new SpringApplicationBuilder(ExplorerApplication.class)
                        .run(
                                "--explorer.mode=production",
                                "--server.port=0",
                                "--explorer.bolt-port=0",
                                "--explorer.pagecache=16m",
                                "--explorer.data-dir=" + dir)
                        .close())
                .hasStackTraceContaining("EXPLORER_IDENTITY_ISSUER_URI")
                .hasStackTraceContaining("EXPLORER_IDENTITY_AUDIENCE")
                .hasStackTraceContaining("EXPLORER_IDENTITY_CLIENT_ID")
                .hasStackTraceContaining("EXPLORER_PUBLIC_URL");
    }

    @Test
    void failedBearerTokensFromOneAddressAreRefusedWith429ThenEvenAGoodOne() throws Exception {
        var client = new RawHttp(port, "127.0.0.41");
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        var body = "{\"query\":\"{ person(id: \\\"p-sara\\\") { id } }\"}";
        for (int i = 0; i < 21; i++) {
            headers.put("Authorization", "Bearer not-a-token-" + i);
            assertThat(client.send("POST", "/graphql", headers, body).status()).isEqualTo(401);
        }
        headers.put("Authorization", "Bearer " + police());
        var refused = client.send("POST", "/graphql", headers, body);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.body()).contains("this address").doesNotContain("p-sara");
        // another address is not held back
        assertThat(graphql(police(), "{ person(id: \"p-sara\") { id } }").statusCode())
                .isEqualTo(200);
    }

    @Test
    void failedOpenIdConnectCallbacksFromOneAddressAreRefusedWith429() {
        var client = new RawHttp(port, "127.0.0.43");
        for (int i = 0; i < 21; i++) {
            // a callback with a code and state the explorer never asked for fails
            var failed = client.send(
                    "GET",
                    "/login/oauth2/code/explorer?code=forged-" + i + "&state=forged",
                    Map.of("Accept", "text/html"),
                    null);
            assertThat(failed.status()).isEqualTo(302);
            assertThat(failed.header("Location")).isEqualTo("/login?error");
        }
        var refused = client.send(
                "GET", "/login/oauth2/code/explorer?code=forged&state=forged", Map.of("Accept", "text/html"), null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
    }

    @Test
    void withAForgedHostTheSignInRedirectsAreBuiltFromThePublicAddress() throws Exception {
        var client = new RawHttp(port, "127.0.0.42");
        var headers = new LinkedHashMap<String, String>();
        headers.put("Host", "evil.example");
        headers.put("Accept", "text/html");
        var page = client.send("GET", "/", headers, null);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).doesNotContain("evil").startsWith("/oauth2/authorization/");
        var authorize = client.send("GET", page.header("Location"), headers, null);
        assertThat(authorize.status()).isEqualTo(302);
        var location = URI.create(authorize.header("Location"));
        assertThat(location.toString()).startsWith(issuer + "/authorize");
        var redirect = query(location.getRawQuery()).get("redirect_uri");
        assertThat(redirect).isEqualTo("http://127.0.0.1:" + port + "/login/oauth2/code/explorer");
    }

    @Test
    void aFailedSignInAndSigningOutComeBackToTheExplorersOwnPage() throws Exception {
        var html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        var browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var failed = browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login?error"))
                        .header("Accept", html)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.body())
                .contains("Safeguarding Network Explorer", "OFFICIAL-SENSITIVE")
                .contains("role=\"alert\"", "Signing in with your organisation's account did not work")
                .contains("href=\"/oauth2/authorization/explorer\"")
                .doesNotContain("name=\"password\"", "Demo users", "Login with OAuth");
        var signedOut = browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login?logout"))
                        .header("Accept", html)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedOut.body())
                .contains("You have signed out", "href=\"/oauth2/authorization/explorer\"")
                .doesNotContain("role=\"alert\"");
    }

    // --- the little identity provider ---

    private void authorize(HttpExchange exchange) throws IOException {
        var query = query(exchange.getRequestURI().getRawQuery());
        var code = UUID.randomUUID().toString();
        nonces.put(code, query.getOrDefault("nonce", ""));
        var target = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", target);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        var form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        var nonce = nonces.remove(form.get("code"));
        if (nonce == null) {
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
            return;
        }
        var idToken = idp.sign(idp.claims()
                .audience(CLIENT_ID)
                .subject("hv-subject")
                .claim("preferred_username", "hv-0113")
                .claim("explorer_roles", List.of("PRACTITIONER"))
                .claim("agency_id", "health")
                .claim("nonce", nonce)
                .claim("azp", CLIENT_ID)
                .build());
        json(
                exchange,
                Map.of(
                        "access_token",
                        "opaque-" + UUID.randomUUID(),
                        "token_type",
                        "Bearer",
                        "expires_in",
                        300,
                        "id_token",
                        idToken,
                        "scope",
                        "openid profile"));
    }

    private static Map<String, String> query(String raw) {
        var map = new HashMap<String, String>();
        if (raw == null) {
            return map;
        }
        for (var pair : raw.split("&")) {
            var i = pair.indexOf('=');
            if (i > 0) {
                map.put(
                        URLDecoder.decode(pair.substring(0, i), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    // --- requests to the application ---

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + bearer)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String bearer, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> graphql(String bearer, String document) throws Exception {
        return post("/graphql", bearer, JsonMapper.shared().writeValueAsString(Map.of("query", document)));
    }
}
