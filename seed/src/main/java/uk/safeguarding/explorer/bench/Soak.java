package uk.safeguarding.explorer.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * {@code bench/run.sh --soak MINUTES}: the application on a generated fictional population serves
 * eight clients of mixed person reads for that long while a small fictional bundle is imported
 * every minute. It then checks what a long day must not do: no request failed, the live heap
 * (after a full collection, once a minute) has no upward trend, every answered read left its audit
 * events (one request id per answered read, nothing more, nothing less) and the audit chain
 * verifies in full. Figures come only from the run.
 */
final class Soak {

    private static final int CLIENTS = 8;
    private static final List<String> READS =
            BenchQueries.all().stream().map(BenchQueries.Query::name).toList();

    private Soak() {}

    static Map<String, Object> run(Path root, int persons, int minutes) throws Exception {
        var store = root.resolve("bench/work/soak-" + persons);
        BenchRunner.deleteRecursively(store);
        var reader = new BenchRunner(root, 0, 0);
        var auditor = new BenchRunner(root, 0, 0);
        var result = new LinkedHashMap<String, Object>();
        result.put("persons", persons);
        result.put("minutes", minutes);
        result.put("machine", BenchRunner.machine());
        BenchRunner.log("Generating and importing " + persons + " fictional people into " + store);
        result.put("import", reader.importPopulation(store, persons).get("import"));
        var httpPort = BenchRunner.freePort();
        var boltPort = BenchRunner.freePort();
        var app = reader.startApplication(store, httpPort, boltPort);
        try (var driver =
                GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", BenchRunner.PASSWORD))) {
            reader.waitUntilReady(app, httpPort);
            reader.signIn(httpPort, "admin");
            auditor.signIn(httpPort, "auditor");
            var subjects = reader.subjects(driver, BenchQueries.App.over(new Graph(driver, null)), persons);
            var started = Instant.now();
            var auditBefore = auditedRequests(driver, started);
            var answered = new AtomicLong();
            var errors = new AtomicLong();
            var firstErrors = new ArrayList<String>();
            var end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
            var pool = Executors.newFixedThreadPool(CLIENTS);
            var tasks = new ArrayList<Callable<Void>>();
            var queries = BenchQueries.all();
            for (int c = 0; c < CLIENTS; c++) {
                var client = c;
                tasks.add(() -> {
                    for (int i = client; System.nanoTime() < end; i += CLIENTS) {
                        var query = queries.get(i % queries.size());
                        try {
                            reader.timeGraphQl(httpPort, query, subjects.get(i % subjects.size()));
                            answered.incrementAndGet();
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            synchronized (firstErrors) {
                                if (firstErrors.size() < 5) {
                                    firstErrors.add(query.name() + ": " + e.getMessage());
                                }
                            }
                        }
                    }
                    return null;
                });
            }
            var futures = tasks.stream().map(pool::submit).toList();
            var heap = new ArrayList<Double>();
            var imports = new ArrayList<Map<String, Object>>();
            for (int minute = 1; minute <= minutes; minute++) {
                imports.add(importBundle(reader, httpPort, minute));
                waitUntil(end - Duration.ofMinutes(minutes - minute).toNanos());
                heap.add(liveHeapMb(app.pid()));
                BenchRunner.log(String.format(
                        "Minute %d: %d reads answered, %d errors, live heap %.1f MB",
                        minute, answered.get(), errors.get(), heap.get(heap.size() - 1)));
            }
            for (var future : futures) {
                future.get();
            }
            pool.shutdown();
            var audited = auditedRequests(driver, started) - auditBefore;
            var integrity = JsonMapper.shared()
                    .readTree(auditor.send(
                                    httpPort,
                                    "{ auditIntegrity(full: true) { valid events checked problem } }",
                                    Map.of())
                            .body())
                    .get("data")
                    .get("auditIntegrity");
            result.put("clients", CLIENTS);
            result.put("reads_answered", answered.get());
            result.put("reads_per_s", BenchRunner.round(answered.get() / (minutes * 60.0)));
            result.put("errors", errors.get());
            result.put("first_errors", firstErrors);
            result.put("imports", imports);
            result.put("live_heap_mb_per_minute", heap);
            result.put("live_heap_slope_mb_per_minute", BenchRunner.round(slope(heap)));
            result.put("audited_read_requests", audited);
            result.put("audit_matches_reads", audited == answered.get());
            result.put("audit_chain_valid", integrity.get("valid").asBoolean());
            result.put("audit_events_checked", integrity.get("checked").asLong());
            result.put("heap_trend_flat", flat(heap));
        } finally {
            app.destroy();
            app.waitFor();
        }
        return result;
    }

    /** Request ids of the soak user's person reads since the soak began, from the audit log itself. */
    private static long auditedRequests(Driver driver, Instant since) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (a:AuditEvent) WHERE a.user = 'admin' AND a.operation IN $reads AND a.at >= $since
                    RETURN count(DISTINCT a.requestId) AS requests""", Map.of("reads", READS, "since", since.atZone(ZoneOffset.UTC)))
                    .single()
                    .get("requests")
                    .asLong());
        }
    }

    /** A small fictional household, new each minute: two adults, two children, one address. */
    private static Map<String, Object> importBundle(BenchRunner reader, int port, int minute) throws Exception {
        var p = "soak-" + minute + "-";
        var bundle = """
                {"source": "soak",
                 "people": [
                  {"id": "%1$sa", "givenName": "Ada", "familyName": "Soak%2$d", "dateOfBirth": "1988-02-03", "sex": "FEMALE"},
                  {"id": "%1$sb", "givenName": "Ben", "familyName": "Soak%2$d", "dateOfBirth": "1986-05-06", "sex": "MALE"},
                  {"id": "%1$sc", "givenName": "Cal", "familyName": "Soak%2$d", "dateOfBirth": "2014-07-08", "sex": "MALE"},
                  {"id": "%1$sd", "givenName": "Dot", "familyName": "Soak%2$d", "dateOfBirth": "2017-09-10", "sex": "FEMALE"}],
                 "addresses": [{"id": "%1$sh", "line1": "%2$d Fictional Soak Row", "town": "York", "postcode": "YO1 9ZZ", "kind": "HOME"}],
                 "relationships": [
                  {"type": "PARTNER_OF", "from": "%1$sa", "to": "%1$sb", "start": "2010-01-01"},
                  {"type": "PARENT_OF", "from": "%1$sa", "to": "%1$sc", "kind": "BIRTH"},
                  {"type": "PARENT_OF", "from": "%1$sa", "to": "%1$sd", "kind": "BIRTH"},
                  {"type": "PARENT_OF", "from": "%1$sb", "to": "%1$sc", "kind": "BIRTH"},
                  {"type": "PARENT_OF", "from": "%1$sb", "to": "%1$sd", "kind": "BIRTH"},
                  {"type": "LIVES_AT", "from": "%1$sa", "to": "%1$sh", "start": "2012-01-01"},
                  {"type": "LIVES_AT", "from": "%1$sb", "to": "%1$sh", "start": "2012-01-01"},
                  {"type": "LIVES_AT", "from": "%1$sc", "to": "%1$sh", "start": "2014-07-08"},
                  {"type": "LIVES_AT", "from": "%1$sd", "to": "%1$sh", "start": "2017-09-10"}]}
                """.formatted(p, minute);
        var started = System.nanoTime();
        var response = reader.http()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/import"))
                                .header("Content-Type", "application/json")
                                .header("X-XSRF-TOKEN", reader.xsrf())
                                .POST(HttpRequest.BodyPublishers.ofString(bundle, StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        var answer = new LinkedHashMap<String, Object>();
        answer.put("minute", minute);
        answer.put("status", response.statusCode());
        answer.put("ms", BenchRunner.round((System.nanoTime() - started) / 1e6));
        if (response.statusCode() != 200) {
            answer.put(
                    "body",
                    response.body().substring(0, Math.min(300, response.body().length())));
        }
        return answer;
    }

    private static void waitUntil(long nanoTime) throws InterruptedException {
        // the soak's own pacing (once a minute), not a test waiting on time
        while (System.nanoTime() < nanoTime) {
            Thread.sleep(Math.max(1, Math.min(1_000, (nanoTime - System.nanoTime()) / 1_000_000)));
        }
    }

    /** The application's live heap: used heap right after a full collection, in MB. */
    private static double liveHeapMb(long pid) throws IOException, InterruptedException {
        var gc = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(pid),
                        "GC.run")
                .redirectErrorStream(true)
                .start();
        gc.getInputStream().readAllBytes();
        gc.waitFor();
        return BenchRunner.round(BenchRunner.heapUsed(pid) / 1e6);
    }

    /** Least-squares slope of the series, per step. */
    static double slope(List<Double> values) {
        var n = values.size();
        if (n < 2) {
            return 0;
        }
        double meanX = (n - 1) / 2.0;
        double meanY =
                values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - meanX) * (values.get(i) - meanY);
            den += (i - meanX) * (i - meanX);
        }
        return num / den;
    }

    /**
     * No upward trend: over the second half of the soak (the first minutes include warming up:
     * caches and compiled code), the live heap grows by less than 5% of its mean.
     */
    static boolean flat(List<Double> heap) {
        if (heap.size() < 4) {
            return slope(heap) * heap.size()
                    <= 0.05
                            * heap.stream()
                                    .mapToDouble(Double::doubleValue)
                                    .average()
                                    .orElse(1);
        }
        var half = heap.subList(heap.size() / 2, heap.size());
        var mean = half.stream().mapToDouble(Double::doubleValue).average().orElse(1);
        return slope(half) * half.size() < 0.05 * mean;
    }

    static void write(Map<String, Object> result, Path out) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
    }
}
