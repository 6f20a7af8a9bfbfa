package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.support.ExplorerIT;

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
