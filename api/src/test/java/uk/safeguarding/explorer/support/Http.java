package uk.safeguarding.explorer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the tests: real requests to the running application. */
public final class Http {

    public static final String PASSWORD = "demo";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final int port;

    Http(int port) {
        this.port = port;
    }

    /** A client of an application started by the test itself (not the shared {@link ExplorerIT} one). */
    public static Http on(int port) {
        return new Http(port);
    }

    /** A response: status, body and headers' first values. */
    public record Response(int status, String body, Map<String, String> headers) {

        public JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }
    }

    public Response get(String path, String user) {
        return send(request(path, user).GET().build());
    }

    public Response post(String path, String user, String json) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    public Response post(String path, String user, byte[] body, String contentType) {
        return send(request(path, user)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** Runs a GraphQL document as the user and returns the whole response body. */
    public JsonNode graphql(String user, String document, Map<String, Object> variables) {
        var body = new LinkedHashMap<String, Object>();
        body.put("query", document);
        body.put("variables", variables);
        var response = post("/graphql", user, JsonMapper.shared().writeValueAsString(body));
        if (response.status() != 200) {
            throw new IllegalStateException("GraphQL HTTP status " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    public JsonNode graphql(String user, String document) {
        return graphql(user, document, Map.of());
    }

    private HttpRequest.Builder request(String path, String user) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (user != null) {
            builder.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            var headers = new LinkedHashMap<String, String>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            return new Response(response.statusCode(), response.body(), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
