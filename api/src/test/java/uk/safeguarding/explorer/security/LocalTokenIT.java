package uk.safeguarding.explorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * Local mode: a script checks its password once ({@code POST /api/local-token}) and then sends the
 * short-lived bearer token, which is the same demo user (role, agency, need-to-know) for 15 minutes;
 * an altered or foreign token is 401.
 */
class LocalTokenIT extends ExplorerIT {

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request, String bearer) throws Exception {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    void aLocalTokenIsTheDemoUserWhoAskedForItWithoutAPasswordPerRequest() throws Exception {
        var issued = http().post("/api/local-token", "police-officer", "{}");
        assertThat(issued.status()).isEqualTo(200);
        var json = issued.json();
        assertThat(json.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(json.get("expiresIn").asLong()).isEqualTo(900);
        var token = json.get("accessToken").asString();

        var me = JsonMapper.shared().readTree(send(at("/api/me"), token).body());
        assertThat(me.get("username").asString()).isEqualTo("police-officer");
        assertThat(me.get("role").asString()).isEqualTo("PRACTITIONER");
        assertThat(me.get("agency").asString()).isEqualTo("police");

        var graphql = send(
                at("/graphql")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")),
                token);
        assertThat(graphql.statusCode()).isEqualTo(200);
        assertThat(graphql.headers().allValues("Set-Cookie"))
                .as("no session is kept")
                .noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    }

    @Test
    void anAlteredForeignOrMissingTokenIsRefusedWith401() throws Exception {
        var token = http().post("/api/local-token", "teacher", "{}")
                .json()
                .get("accessToken")
                .asString();
        var parts = token.split("\\.");
        var altered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        for (var bad : new String[] {altered, "not-a-token", parts[0] + "." + parts[1] + "."}) {
            assertThat(send(at("/api/me"), bad).statusCode()).as(bad).isEqualTo(401);
        }
        assertThat(send(at("/api/local-token").POST(HttpRequest.BodyPublishers.noBody()), null)
                        .statusCode())
                .isEqualTo(401);
    }
}
