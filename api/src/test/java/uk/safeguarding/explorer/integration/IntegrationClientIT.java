package uk.safeguarding.explorer.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.explorer.support.TestIdentityProvider.AUDIENCE;
import static uk.safeguarding.explorer.support.TestIdentityProvider.json;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.ExplorerApplication;
import uk.safeguarding.explorer.support.Scenario;
import uk.safeguarding.explorer.support.TestIdentityProvider;

/**
 * Partner systems as clients, in production mode against a small identity provider inside the test
 * that issues OAuth2 client-credentials tokens: a system reads as its configured agency (need-to-know
 * and audit like a person of that agency, recorded under its client id), sends only the documents it
 * registered, never a mutation, and past its rate gets 429 with Retry-After. The README's curl body
 * and Java client ({@link IntegrationExample}) are run as they are printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrationClientIT {

    private static final String SECRET = "it-client-secret";
    private static final String MUTATION = "mutation RecordReferral { __typename }";

    private TestIdentityProvider idp;
    private String issuer;
    private ConfigurableApplicationContext app;
    private int port;
    private String curlBody;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        curlBody = readmeCurlBody();
        var registered = JsonMapper.shared().readTree(curlBody).get("query").asString();
        assertThat(registered).isEqualTo(IntegrationExample.SIBLINGS_FOR_REFERRAL);

        idp = TestIdentityProvider.start();
        issuer = idp.issuer();
        idp.handle("/token", this::clientCredentials);

        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var siblings = "SiblingsForReferral@" + IntegrationGate.sha256(registered);
        app = new SpringApplicationBuilder(ExplorerApplication.class)
                .run(
                        "--explorer.mode=production",
                        "--server.port=" + port,
                        "--explorer.public-url=http://127.0.0.1:" + port,
                        "--explorer.bolt-port=0",
                        "--explorer.pagecache=32m",
                        // answers, not speed, are checked: a loaded build machine must not turn them into TIMEOUTs
                        "--explorer.query-timeout=120s",
                        "--explorer.area-query-timeout=300s",
                        "--explorer.data-dir=" + Files.createTempDirectory("explorer-integration"),
                        "--explorer.identity.issuer-uri=" + issuer,
                        "--explorer.identity.audience=" + AUDIENCE,
                        "--explorer.identity.client-id=explorer-web",
                        "--explorer.identity.client-secret=it-secret",
                        "--explorer.integration.clients[0].id=mash-dashboard",
                        "--explorer.integration.clients[0].agency=police",
                        "--explorer.integration.clients[0].operations[0]=" + siblings,
                        "--explorer.integration.clients[0].operations[1]=RecordReferral@"
                                + IntegrationGate.sha256(MUTATION),
                        "--explorer.integration.clients[0].requests-per-minute=1000",
                        "--explorer.integration.clients[1].id=busy-dashboard",
                        "--explorer.integration.clients[1].agency=csc",
                        "--explorer.integration.clients[1].operations[0]=" + siblings,
                        "--explorer.integration.clients[1].requests-per-minute=3");
        var imported = post("/api/import", person("it-admin", "ADMIN", null), Scenario.text(), "application/json");
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

    @Test
    void aClientCredentialsTokenReadsWhatItsAgencyMaySeeAndIsAuditedUnderItsClientId() throws Exception {
        var system = clientToken("mash-dashboard");
        var officer = person("pc-2044", "PRACTITIONER", "police");

        var bySystem = siblings(system, "p-sara");
        var byOfficer = siblings(officer, "p-sara");
        assertThat(bySystem.get("errors")).as("errors").isNull();
        assertThat(byOfficer.get("errors")).as("errors").isNull();
        assertThat(children(bySystem)).isNotEmpty().contains("p-mia").isEqualTo(children(byOfficer));
        // the police may not see Joanne; nor may a system that reads as the police, in the same words
        var hiddenToSystem = siblings(system, "p-joanne");
        var hiddenToOfficer = siblings(officer, "p-joanne");
        assertThat(hiddenToSystem
                        .get("errors")
                        .get(0)
                        .get("extensions")
                        .get("classification")
                        .asString())
                .isEqualTo("NOT_FOUND");
        assertThat(hiddenToSystem.get("errors").get(0).get("message"))
                .isEqualTo(hiddenToOfficer.get("errors").get(0).get("message"));

        var audit = graphql(
                person("auditor-1", "AUDITOR", null),
                "{ auditEvents(first: 500, user: \"mash-dashboard\") " + "{ user agency role subjectId outcome } }",
                null);
        assertThat(audit.get("errors")).as("errors").isNull();
        var events = audit.get("data").get("auditEvents");
        assertThat(events).isNotEmpty();
        for (var event : events) {
            assertThat(event.get("agency").asString()).isEqualTo("police");
            assertThat(event.get("role").asString()).isEqualTo("INTEGRATION");
        }
        assertThat(events.valueStream()
                        .filter(e -> "p-sara".equals(e.get("subjectId").asString())
                                && "ALLOWED".equals(e.get("outcome").asString())))
                .isNotEmpty();
        assertThat(events.valueStream()
                        .filter(e -> "p-joanne".equals(e.get("subjectId").asString())
                                && "DENIED".equals(e.get("outcome").asString())))
                .isNotEmpty();
    }

    @Test
    void aSystemIsRefusedEveryDocumentItDidNotRegisterAndEveryMutation() throws Exception {
        var system = clientToken("mash-dashboard");
        var refused = Map.of(
                "another query",
                "{ person(id: \"p-sara\") { id givenName } }",
                "the registered name with another document",
                IntegrationExample.SIBLINGS_FOR_REFERRAL.replace(
                        "onProtectionPlan", "onProtectionPlan child { dateOfBirth }"),
                "a registered mutation",
                MUTATION);
        for (var entry : refused.entrySet()) {
            var json = graphql(system, entry.getValue(), null);
            assertThat(json.get("data") == null || json.get("data").isNull())
                    .as(entry.getKey())
                    .isTrue();
            assertThat(json.get("errors")
                            .get(0)
                            .get("extensions")
                            .get("classification")
                            .asString())
                    .as(entry.getKey())
                    .isEqualTo("FORBIDDEN");
            assertThat(json.toString()).as(entry.getKey()).doesNotContain("Sara");
        }
    }

    @Test
    void aSystemPastItsRequestsPerMinuteIsAnswered429WithRetryAfter() throws Exception {
        var system = clientToken("busy-dashboard");
        for (int i = 0; i < 3; i++) {
            assertThat(graphqlResponse(system, curlBody).statusCode()).isEqualTo(200);
        }
        var refused = graphqlResponse(system, curlBody);
        assertThat(refused.statusCode()).isEqualTo(429);
        var retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 20L);
        var body = JsonMapper.shared().readTree(refused.body());
        assertThat(body.get("error").asString()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(body.get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        // another system is not held back by it
        assertThat(graphqlResponse(clientToken("mash-dashboard"), curlBody).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aPersonsTokenClaimingTheIntegrationRoleIsRefused() throws Exception {
        var response = graphqlResponse(person("someone", "INTEGRATION", "police"), curlBody);
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theReadmeCurlExampleAndJavaClientAnswerLikeEachOther() throws Exception {
        var token = clientToken("mash-dashboard");
        var curl = JsonMapper.shared().readTree(graphqlResponse(token, curlBody).body());
        assertThat(curl.get("errors")).isNull();

        var java = IntegrationExample.siblingsForReferral("http://127.0.0.1:" + port, token, "p-sara", Scenario.AS_OF);
        assertThat(java)
                .extracting(c -> c.child().id())
                .isEqualTo(children(curl))
                .contains("p-mia");

        var readme = Files.readString(readme());
        var source =
                Files.readString(Path.of("src/test/java/uk/safeguarding/explorer/integration/IntegrationExample.java"));
        var example = source.substring(
                        source.indexOf("// README:start") + "// README:start".length(),
                        source.indexOf("    // README:end"))
                .stripTrailing()
                .stripIndent()
                .strip();
        assertThat(readme).as("the README prints IntegrationExample as it is").contains(example);
    }

    // --- the README ---

    private static Path readme() {
        return Files.exists(Path.of("README.md")) && !Files.exists(Path.of("api"))
                ? Path.of("README.md")
                : Path.of("..", "README.md");
    }

    /** The body of the README's curl example (the -d '...' of the request to /graphql). */
    private static String readmeCurlBody() throws IOException {
        var matcher = Pattern.compile("-d '(\\{\"operationName\":\"SiblingsForReferral\".*?\\})'\\n")
                .matcher(Files.readString(readme()));
        assertThat(matcher.find()).as("the README's curl example").isTrue();
        return matcher.group(1);
    }

    // --- the identity provider ---

    private void clientCredentials(HttpExchange exchange) throws IOException {
        var form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var basic = exchange.getRequestHeaders().getFirst("Authorization");
        var credentials =
                basic == null ? "" : new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
        var clientId = credentials.substring(0, Math.max(0, credentials.indexOf(':')));
        if (!form.contains("grant_type=client_credentials") || !credentials.endsWith(":" + SECRET)) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        json(
                exchange,
                Map.of(
                        "access_token",
                        idp.sign(idp.claims()
                                .audience(AUDIENCE)
                                .claim("client_id", clientId)
                                .claim("azp", clientId)
                                .build()),
                        "token_type",
                        "Bearer",
                        "expires_in",
                        300));
    }

    /** A token from the provider's token endpoint, as a system gets it (client id and secret, HTTP Basic). */
    private String clientToken(String clientId) throws Exception {
        var response = client.send(
                HttpRequest.newBuilder(URI.create(issuer + "/token"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        (clientId + ":" + SECRET).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body()).get("access_token").asString();
    }

    private String person(String user, String role, String agency) {
        var claims = idp.claims()
                .audience(AUDIENCE)
                .claim("preferred_username", user)
                .claim("role", role)
                .claim("azp", "explorer-web");
        if (agency != null) {
            claims.claim("agency", agency);
        }
        return idp.sign(claims.build());
    }

    // --- requests to the application ---

    private JsonNode siblings(String token, String personId) throws Exception {
        return graphql(
                token, IntegrationExample.SIBLINGS_FOR_REFERRAL, Map.of("personId", personId, "asOf", Scenario.AS_OF));
    }

    private static List<String> children(JsonNode json) {
        return json.get("data")
                .get("siblingsAtRisk")
                .valueStream()
                .map(c -> c.get("child").get("id").asString())
                .toList();
    }

    private JsonNode graphql(String token, String document, Map<String, Object> variables) throws Exception {
        var body = new HashMap<String, Object>();
        body.put("query", document);
        if (variables != null) {
            body.put("variables", variables);
        }
        var response = graphqlResponse(token, JsonMapper.shared().writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }

    private HttpResponse<String> graphqlResponse(String token, String body) throws Exception {
        return post("/graphql", token, body, "application/json");
    }

    private HttpResponse<String> post(String path, String bearer, String body, String type) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
