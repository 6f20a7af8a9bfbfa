package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.RawHttp;

class AuthenticationIT extends ExplorerIT {

    private static final String QUERY = "{\"query\":\"{ searchPeople(text: \\\"arch\\\") { id } }\"}";

    @Test
    void anonymousCallsToTheApiGet401() {
        assertThat(http().post("/graphql", null, QUERY).status()).isEqualTo(401);
        assertThat(http().post("/api/import", null, "{}").status()).isEqualTo(401);
        assertThat(http().get("/api/anything", null).status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordGets401() {
        var response = http().post("/graphql", "no-such-user", QUERY);
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void everyDemoUserCanSignIn() {
        for (var demo : DemoUsers.ALL) {
            assertThat(http().post("/graphql", demo.username(), QUERY).status())
                    .as(demo.username())
                    .isEqualTo(200);
        }
    }

    /**
     * Review 76: a page opened for one user, whose browser has since been signed in as another (in
     * another tab), read and recorded in the other user's name. The page says whose it is; a request of
     * it while someone else is signed in is refused, nothing read.
     */
    @Test
    void aPagesRequestWhileAnotherUserIsSignedInIsRefusedAndNothingIsRead() {
        var client = new RawHttp(port, "127.0.0.1");
        var asChair =
                Map.of("Authorization", RawHttp.basic("meeting-chair", "demo"), "Content-Type", "application/json");
        var refused = client.send("POST", "/graphql", with(asChair, ReaderCheckFilter.HEADER, "social-worker"), QUERY);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("ANOTHER_USER").doesNotContain("p-");
        // the page of the user signed in, spelled as the page sends it, and a client that says nothing
        var own = client.send("POST", "/graphql", with(asChair, ReaderCheckFilter.HEADER, "meeting%2Dchair"), QUERY);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("searchPeople").doesNotContain("errors");
        assertThat(client.send("POST", "/graphql", asChair, QUERY).status()).isEqualTo(200);
        // a value that is not URL-encoded names nobody: refused, not a server error (review 77)
        assertThat(client.send("POST", "/graphql", with(asChair, ReaderCheckFilter.HEADER, "%"), QUERY)
                        .status())
                .isEqualTo(401);
        // anonymous: 401 as before, whatever the header says
        assertThat(client.send(
                                "POST",
                                "/graphql",
                                Map.of("Content-Type", "application/json", ReaderCheckFilter.HEADER, "meeting-chair"),
                                QUERY)
                        .status())
                .isEqualTo(401);
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        var all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return all;
    }

    @Test
    void anAuditorGetsNoCaseData() {
        var json = http().graphql("auditor", "{ searchPeople(text: \"arch\") { id } }");
        assertThat(json.get("errors")
                        .get(0)
                        .get("extensions")
                        .get("classification")
                        .asString())
                .isEqualTo("FORBIDDEN");
        var data = json.get("data");
        assertThat(data == null || data.isNull()).isTrue();
    }

    @Test
    void theHealthProbeAnswersAnonymouslyWithStatusOnly() {
        var health = http().get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("neo4j", "components", "details");
        var readiness = http().get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        assertThat(http().get("/actuator/env", "admin").status()).isEqualTo(404);
    }

    @Test
    void theBrowserGetsALoginPage() {
        var login = http().get("/login", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("password");
        assertThat(login.headers().get("content-security-policy")).contains("frame-ancestors 'none'");
    }
}
