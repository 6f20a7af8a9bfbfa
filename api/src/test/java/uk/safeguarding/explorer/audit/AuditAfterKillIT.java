package uk.safeguarding.explorer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.ExplorerApplication;

/**
 * No answered read without its audit event, even when the process is killed outright: the
 * explorer runs in a child process on its own store, serves reads from several clients, and is
 * killed with SIGKILL (no shutdown hook, no flush) while requests are in flight. Started again on
 * the same store, every read that was answered has its event, and the chain verifies.
 */
class AuditAfterKillIT {

    private static final String SARA = "{\"query\":\"{ person(id: \\\"p-sara\\\") { id } }\"}";
    private static final int ANSWERED_BEFORE_KILL = 40;

    /** One child process running the explorer, with its output read until it says it started. */
    private record Child(Process process, int port) {}

    private static Child start(Path dataDir) throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var java = ProcessHandle.current().info().command().orElse("java");
        var process = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ExplorerApplication.class.getName(),
                        "--explorer.data-dir=" + dataDir,
                        "--server.port=" + port,
                        "--explorer.bolt-port=0",
                        "--explorer.pagecache=32m",
                        "--explorer.mode=local",
                        "--explorer.demo-data=true",
                        "--demo.password=demo")
                .redirectErrorStream(true)
                .start();
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var started = new CountDownLatch(1);
        var output = new StringBuilder();
        var drain = new Thread(
                () -> {
                    try {
                        for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                            synchronized (output) {
                                output.append(line).append('\n');
                            }
                            if (line.contains("Started ExplorerApplication")) {
                                started.countDown();
                            }
                        }
                    } catch (IOException ended) {
                        // the process is gone
                    }
                    started.countDown();
                },
                "child-output");
        drain.setDaemon(true);
        drain.start();
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!process.isAlive()) {
            synchronized (output) {
                throw new IllegalStateException("the explorer did not start:\n" + output);
            }
        }
        return new Child(process, port);
    }

    private static HttpResponse<String> post(HttpClient client, int port, String user, String body)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyReadAnsweredBeforeAKillHasItsEventAfterTheRestart() throws Exception {
        var dir = Files.createTempDirectory("explorer-kill");
        var answered = ConcurrentHashMap.<String>newKeySet();
        var first = start(dir);
        var client = HttpClient.newHttpClient();
        var enough = new CountDownLatch(ANSWERED_BEFORE_KILL);
        var stop = new AtomicBoolean();
        var clients = new ArrayList<Thread>();
        for (int c = 0; c < 4; c++) {
            var thread = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        var response = post(client, first.port(), "teacher", SARA);
                        if (response.statusCode() == 200 && response.body().contains("\"p-sara\"")) {
                            answered.add(response.headers()
                                    .firstValue("X-Request-Id")
                                    .orElseThrow());
                            enough.countDown();
                        }
                    } catch (IOException killed) {
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            thread.start();
            clients.add(thread);
        }
        assertThat(enough.await(10, TimeUnit.MINUTES))
                .as("reads answered before the kill")
                .isTrue();
        // SIGKILL while the clients keep asking: answers in flight are cut off, none is flushed at exit
        first.process().destroyForcibly();
        first.process().waitFor();
        stop.set(true);
        for (var thread : clients) {
            thread.join();
        }
        var answeredBeforeKill = Set.copyOf(answered);
        assertThat(answeredBeforeKill).hasSizeGreaterThanOrEqualTo(ANSWERED_BEFORE_KILL);

        var second = start(dir);
        try {
            var recorded = new HashSet<String>();
            Long after = null;
            while (true) {
                var page = events(client, second.port(), after);
                page.forEach(e -> recorded.add(e.get("requestId").asString()));
                if (page.size() < 500) {
                    break;
                }
                after = page.get(page.size() - 1).get("seq").asLong();
            }
            assertThat(recorded).containsAll(answeredBeforeKill);
            var integrity = JsonMapper.shared()
                    .readTree(post(
                                    client,
                                    second.port(),
                                    "auditor",
                                    "{\"query\":\"{ auditIntegrity(full: true) { valid problem } }\"}")
                            .body());
            assertThat(integrity.get("data").get("auditIntegrity").get("valid").asBoolean())
                    .as(integrity.toString())
                    .isTrue();
        } finally {
            second.process().destroy();
            second.process().waitFor();
        }
    }

    private static List<JsonNode> events(HttpClient client, int port, Long after) throws Exception {
        var document = "{ auditEvents(first: 500, user: \\\"teacher\\\"" + (after == null ? "" : ", after: " + after)
                + ") { seq requestId } }";
        var body = "{\"query\":\"" + document + "\"}";
        var json =
                JsonMapper.shared().readTree(post(client, port, "auditor", body).body());
        var list = new ArrayList<JsonNode>();
        json.get("data").get("auditEvents").forEach(list::add);
        return list;
    }
}
