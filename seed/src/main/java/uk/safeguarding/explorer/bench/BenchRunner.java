package uk.safeguarding.explorer.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.importing.ImportService;
import uk.safeguarding.explorer.neo4j.EmbeddedNeo4j;
import uk.safeguarding.explorer.neo4j.EmbeddedProperties;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.SchemaMigrations;
import uk.safeguarding.explorer.network.NetworkService;
import uk.safeguarding.explorer.seed.PopulationGenerator;

/**
 * The benchmark behind {@code bench/run.sh}: generates a fictional population, imports it into a
 * fresh embedded store (rows/s with constraints on), starts the real application on that store,
 * and measures every named query both as raw Cypher through the Java driver and through GraphQL
 * over HTTP as a signed-in user, in the same run; then a Bolt floor, heap, store size, and
 * throughput with concurrent GraphQL clients. Numbers come only from what was run.
 */
public final class BenchRunner {

    static final String PASSWORD = "bench-" + Long.toHexString(new Random().nextLong());
    /** The demo users' password, as the application reads it ({@code DEMO_PASSWORD}, default {@code demo}). */
    /** The per-request cap of people audited, raised for the area-wide queries (see startApplication). */
    static final int AREA_WIDE_SUBJECTS = 1_000_000;

    private static final String DEMO_PASSWORD = System.getenv().getOrDefault("DEMO_PASSWORD", "demo");

    private static final int WARMUP = 200;
    private static final int AREA_RUNS = 5;

    private final Path root;
    private final int requests;
    private final int throughputSeconds;
    /** Seconds of mixed requests, raw and GraphQL, before anything is measured (0: none). */
    private int warmUpSeconds;

    private final CookieManager cookies = new CookieManager();
    /** The Server-Timing phases of each measured GraphQL request, with the client's whole time ("client"). */
    private final List<Map<String, Double>> phaseLog = Collections.synchronizedList(new ArrayList<>());

    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(cookies).build();

    BenchRunner(Path root, int requests, int throughputSeconds) {
        this.root = root;
        this.requests = requests;
        this.throughputSeconds = throughputSeconds;
    }

    /** Sets how long every query is asked, both ways, before the first is measured (0 or more: {@link Options}). */
    BenchRunner warmUpFor(int seconds) {
        this.warmUpSeconds = seconds;
        return this;
    }

    /** The client signed in by {@link #signIn(int, String)}, with its session cookie. */
    HttpClient http() {
        return http;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.chartsFrom() != null) {
            // redraws the charts of an earlier run's JSON, without measuring anything
            Map<String, Object> earlier;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> read =
                        JsonMapper.shared().readValue(options.chartsFrom().toFile(), Map.class);
                earlier = read;
            } catch (RuntimeException e) {
                System.err.println(
                        "bench: --charts-from " + options.chartsFrom() + " is not a run's JSON: " + e.getMessage());
                System.exit(2);
                return;
            }
            for (var chart : BenchCharts.write(earlier, Path.of("bench"))) {
                System.out.println("Chart written to " + chart);
            }
            return;
        }
        var persons = options.persons();
        var out = options.out();
        var soakMinutes = options.soakMinutes();
        if (soakMinutes > 0) {
            var soakPersons = options.personsGiven() ? persons : 20_000;
            var soak = Soak.run(Path.of("").toAbsolutePath(), soakPersons, soakMinutes);
            var file = Path.of("bench/results/soak-" + soakMinutes + "min-" + soakPersons + ".json");
            Soak.write(soak, file);
            System.out.println();
            System.out.println(JsonMapper.builder()
                    .build()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(soak));
            System.out.println("Results written to " + file);
            var passed = ((Number) soak.get("errors")).longValue() == 0
                    && Boolean.TRUE.equals(soak.get("heap_trend_flat"))
                    && Boolean.TRUE.equals(soak.get("audit_matches_reads"))
                    && Boolean.TRUE.equals(soak.get("audit_chain_valid"));
            System.out.println(
                    passed
                            ? "Soak passed: no errors, flat live heap, every read audited, chain valid"
                            : "Soak FAILED: see the figures above");
            if (!passed) {
                System.exit(1);
            }
            return;
        }
        if (options.importProfile()) {
            ImportProfile.run(Path.of("").toAbsolutePath(), persons, options.batchSize(), options.writers());
            return;
        }
        var runner = new BenchRunner(Path.of("").toAbsolutePath(), options.requests(), options.throughputSeconds())
                .warmUpFor(options.warmUpSeconds());
        Map<String, Object> result;
        if (options.scaleCurve()) {
            var small = runner.run(20_000);
            result = runner.run(200_000);
            result.put("scale_curve", Map.of("small", small, "p95_ratio_200000_to_20000", ratios(small, result)));
        } else {
            result = runner.run(persons);
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
        for (var chart : BenchCharts.write(result, Path.of("bench"))) {
            System.out.println("Chart written to " + chart);
        }
        System.out.println();
        System.out.println(markdown(result));
        System.out.println("Results written to " + out);
    }

    /** What the command line asks for; {@link #parse} refuses what it cannot mean with a sentence. */
    record Options(
            int persons,
            boolean personsGiven,
            Path out,
            boolean scaleCurve,
            int requests,
            int throughputSeconds,
            int warmUpSeconds,
            boolean importProfile,
            int batchSize,
            int writers,
            int soakMinutes,
            Path chartsFrom) {

        static final String USAGE =
                "use --persons N --out FILE [--scale-curve] [--requests R] [--throughput-seconds S] "
                        + "[--warm-up-seconds W], --soak MINUTES [--persons N], "
                        + "--import-profile --persons N [--batch-size B] [--writers W], or --charts-from FILE";

        static Options parse(String... args) {
            var persons = 200_000;
            var personsGiven = false;
            var out = Path.of("bench/results/latest.json");
            var curve = false;
            var requests = 500;
            var seconds = 30;
            var warmUp = 60;
            var profile = false;
            var batchSize = 5_000;
            var writers = 0;
            var soakMinutes = 0;
            Path charts = null;
            var given = new LinkedHashSet<String>();
            for (int i = 0; i < args.length; i++) {
                if (!given.add(args[i])) {
                    throw new IllegalArgumentException(args[i] + " is given twice");
                }
                switch (args[i]) {
                    case "--persons" -> {
                        persons = number(args, ++i, 1);
                        personsGiven = true;
                    }
                    case "--soak" -> soakMinutes = number(args, ++i, 1);
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--scale-curve" -> curve = true;
                    case "--requests" -> requests = number(args, ++i, 1);
                    case "--throughput-seconds" -> seconds = number(args, ++i, 1);
                    case "--warm-up-seconds" -> warmUp = number(args, ++i, 0);
                    case "--import-profile" -> profile = true;
                    case "--batch-size" -> batchSize = number(args, ++i, 1);
                    case "--writers" -> writers = number(args, ++i, 0);
                    case "--charts-from" -> {
                        charts = Path.of(value(args, ++i));
                        if (!Files.isReadable(charts)) {
                            throw new IllegalArgumentException("--charts-from " + charts + ": no such file to read");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " (" + USAGE + ")");
                }
            }
            var modes = new ArrayList<String>();
            if (curve) {
                modes.add("--scale-curve");
            }
            if (profile) {
                modes.add("--import-profile");
            }
            if (soakMinutes > 0) {
                modes.add("--soak");
            }
            if (charts != null) {
                modes.add("--charts-from");
            }
            if (modes.size() > 1) {
                throw new IllegalArgumentException(
                        String.join(" and ", modes) + " cannot be asked together (" + USAGE + ")");
            }
            var mode = modes.isEmpty() ? "a run at one scale" : modes.get(0);
            // options the chosen mode would ignore are refused, not silently dropped
            var allowed = switch (mode) {
                case "--scale-curve" ->
                    Set.of("--scale-curve", "--out", "--requests", "--throughput-seconds", "--warm-up-seconds");
                case "--import-profile" -> Set.of("--import-profile", "--persons", "--batch-size", "--writers");
                case "--soak" -> Set.of("--soak", "--persons");
                case "--charts-from" -> Set.of("--charts-from");
                default -> Set.of("--persons", "--out", "--requests", "--throughput-seconds", "--warm-up-seconds");
            };
            for (var option : given) {
                if (!allowed.contains(option)) {
                    throw new IllegalArgumentException(option + " means nothing to " + mode
                            + (mode.equals("--scale-curve") && option.equals("--persons")
                                    ? " (it measures 20,000 and 200,000)"
                                    : "")
                            + " (" + USAGE + ")");
                }
            }
            return new Options(
                    persons,
                    personsGiven,
                    out,
                    curve,
                    requests,
                    seconds,
                    warmUp,
                    profile,
                    batchSize,
                    writers,
                    soakMinutes,
                    charts);
        }

        /** The value given after an option; a missing one (or another option in its place) is refused. */
        static String value(String[] args, int at) {
            if (at >= args.length || args[at].startsWith("--")) {
                throw new IllegalArgumentException(args[at - 1] + " needs a value after it");
            }
            return args[at];
        }

        /** The whole number given after an option, at least {@code least}. */
        static int number(String[] args, int at, int least) {
            var given = value(args, at);
            int n;
            try {
                n = Integer.parseInt(given.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(args[at - 1] + " must be a whole number, not \"" + given + "\"", e);
            }
            if (n < least) {
                throw new IllegalArgumentException(args[at - 1] + " must be " + least + " or more, not " + n);
            }
            return n;
        }
    }

    Map<String, Object> run(int persons) throws Exception {
        var store = root.resolve("bench/work/store-" + persons);
        deleteRecursively(store);
        var result = new LinkedHashMap<String, Object>();
        result.put("persons", persons);
        result.put("machine", machine());
        log("Generating and importing " + persons + " fictional people into " + store);
        var imported = importPopulation(store, persons);
        result.put("relationships", imported.get("relationships"));
        result.put("import", imported.get("import"));

        var httpPort = freePort();
        var boltPort = freePort();
        var app = startApplication(store, httpPort, boltPort);
        try (var driver = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", PASSWORD))) {
            waitUntilReady(app, httpPort);
            signIn(httpPort);
            var raw = BenchQueries.App.over(new Graph(driver, null));
            var subjects = subjects(driver, raw, persons);
            result.put("bolt_floor_ms", floor(driver));
            result.put("warm_up", warmUp(raw, httpPort, subjects));
            var queries = new LinkedHashMap<String, Object>();
            for (var query : BenchQueries.all()) {
                log("Measuring " + query.name());
                var cypher = measure(subjects, s -> timeCypher(raw, query, s));
                var graphql = measure(subjects, s -> timeGraphQl(httpPort, query, s));
                queries.put(
                        query.name(),
                        Map.of(
                                "cypher",
                                cypher,
                                "graphql",
                                graphql,
                                "graphql_to_cypher_p95",
                                round(graphql.get("p95_ms") / Math.max(cypher.get("p95_ms"), 0.001)),
                                "graphql_phases_mean_ms",
                                breakdown(phaseLog)));
            }
            result.put("queries", queries);
            result.put("area_wide", areaWide(httpPort));
            result.put("throughput", throughput(httpPort, subjects));
            result.put("heap_used_bytes", heapUsed(app.pid()));
            result.put("store_bytes", size(store));
        } finally {
            app.destroy();
            app.waitFor();
        }
        return result;
    }

    // --- import -------------------------------------------------------------------------------

    Map<String, Object> importPopulation(Path store, int persons) throws IOException {
        try (var embedded = EmbeddedNeo4j.start(new EmbeddedProperties(store, 0, "2g", PASSWORD))) {
            var graph = Graph.inProcess(embedded);
            new SchemaMigrations(graph).migrate();
            // the application's default batch size and writers, as the application imports
            var service = new ImportService(graph, Clock.systemUTC(), 2_000);
            var rows = new AtomicLong();
            var rejected = new AtomicLong();
            var generator = new PopulationGenerator(persons, 42, LocalDate.of(2026, 11, 1));
            var started = System.nanoTime();
            generator.generate(10_000, bundle -> {
                var answer = service.importBundle(bundle);
                rows.addAndGet(answer.imported().values().stream()
                        .mapToLong(Integer::longValue)
                        .sum());
                rejected.addAndGet(answer.rejected().size());
            });
            var seconds = (System.nanoTime() - started) / 1e9;
            long relationships = graph.inReadTransaction(tx ->
                    tx.run("MATCH ()-[r]->() RETURN count(r)").single().get(0).asLong());
            log(String.format("Imported %d records (%d rejected) in %.1f s", rows.get(), rejected.get(), seconds));
            return Map.of(
                    "relationships",
                    relationships,
                    "import",
                    Map.of(
                            "rows",
                            rows.get(),
                            "rejected",
                            rejected.get(),
                            "seconds",
                            round(seconds),
                            "rows_per_s",
                            round(rows.get() / seconds)));
        }
    }

    // --- the application ------------------------------------------------------------------------

    Process startApplication(Path store, int httpPort, int boltPort) throws IOException {
        var jar = root.resolve("api/target/safeguarding-explorer.jar");
        var command = new ArrayList<String>(List.of(javaBinary(), "-Xmx2g"));
        // extra options for the application's JVM only, such as a flight recording of where its time goes
        var extra = System.getenv().getOrDefault("BENCH_APP_JAVA_OPTIONS", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        var builder = new ProcessBuilder(command);
        builder.environment().put("EXPLORER_DATA_DIR", store.toString());
        builder.environment().put("SERVER_PORT", String.valueOf(httpPort));
        builder.environment().put("EXPLORER_BOLT_PORT", String.valueOf(boltPort));
        builder.environment().put("EXPLORER_BOLT_PASSWORD", PASSWORD);
        builder.environment().put("EXPLORER_PAGECACHE", "2g");
        builder.environment().put("EXPLORER_DEMO_DATA", "false");
        builder.environment().put("EXPLORER_MODE", "local");
        // the area-wide queries answer for the whole area as the local administrator: at 200,000
        // people the flags touch thousands of people, which the default cap (500 a request) refuses
        builder.environment().put("EXPLORER_AUDIT_MAX_SUBJECTS_PER_REQUEST", String.valueOf(AREA_WIDE_SUBJECTS));
        // every answer says where its time went (Server-Timing): the breakdown of the application layer
        builder.environment().put("EXPLORER_SERVER_TIMING", "true");
        builder.environment().remove("NEO4J_URI");
        var log = root.resolve("bench/work/app-" + httpPort + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        log("Starting the application on port " + httpPort + " (log: " + log + ")");
        return builder.start();
    }

    /**
     * Waits until the application is ready, then until its start-up warm-up has planned the statements
     * of opening a person ({@code /actuator/health/warm-up}): otherwise the first queries measured share
     * the two cores with the warm-up and are slower than any later one.
     */
    void waitUntilReady(Process app, int port) throws Exception {
        var started = System.nanoTime();
        waitFor(app, port, "/actuator/health/readiness", "become ready");
        var ready = System.nanoTime();
        waitFor(app, port, "/actuator/health/warm-up", "finish its warm-up");
        log(String.format(
                "Ready after %.1f s, warmed up %.1f s later",
                (ready - started) / 1e9, (System.nanoTime() - ready) / 1e9));
    }

    /** Polls a health group of the application until it answers 200 (15 minutes at most). */
    private void waitFor(Process app, int port, String path, String what) throws Exception {
        var deadline = System.currentTimeMillis() + 900_000;
        while (System.currentTimeMillis() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application stopped; see its log under bench/work");
            }
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("the application did not " + what + " within 15 minutes");
    }

    /**
     * Signs in once through the login page, as the browser does, and keeps the session cookie: a
     * signed-in user's requests then cost what the application does, not a password hash each time.
     */
    void signIn(int port) throws Exception {
        signIn(port, "admin");
    }

    /** Signs in as one of the demo users. */
    void signIn(int port, String username) throws Exception {
        cookies.getCookieStore().removeAll();
        var page = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        var matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        var form = "username=" + username + "&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 302
                || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: HTTP " + response.statusCode());
        }
        // The first page load sets the XSRF-TOKEN cookie the page sends back as a header.
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    String xsrf() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse("");
    }

    // --- subjects -------------------------------------------------------------------------------

    /**
     * Random people (fixed seed) with a partner for connection (someone two or three links away) and
     * the people of their depth-2 network (for riskFlags, as the explorer asks).
     */
    List<BenchQueries.Subject> subjects(Driver driver, BenchQueries.App app, int persons) {
        var random = new Random(7);
        var result = new ArrayList<BenchQueries.Subject>();
        try (var session = driver.session()) {
            while (result.size() < 200) {
                var id = "g-p-" + (1 + random.nextInt(persons));
                var other = session.executeRead(tx ->
                        tx.run("""
                        MATCH (p:Person {id: $id})-[:PARENT_OF|PARTNER_OF|LIVES_AT]-()-[:PARENT_OF|PARTNER_OF|LIVES_AT]-(q:Person)
                        WHERE q <> p RETURN q.id AS id LIMIT 1""", Map.of("id", id)).list(r -> r.get("id").asString()));
                if (!other.isEmpty()) {
                    var network = NetworkService.people(app.network(id));
                    result.add(new BenchQueries.Subject(id, other.get(0), network));
                }
            }
        }
        return result;
    }

    // --- area-wide queries (risk issue) --------------------------------------------------------

    /** Area-wide riskFlags and triageQueue over GraphQL: a few runs each, with the answer's size. */
    private Map<String, Object> areaWide(int port) {
        var asOf = BenchQueries.AS_OF.toString();
        var area = new LinkedHashMap<String, Object>();
        var documents = new LinkedHashMap<String, String>();
        documents.put(
                "riskFlags",
                "query($asOf: Date) { riskFlags(asOf: $asOf) { rule code severity subjectId summary evidence } }");
        documents.put(
                "triageQueue",
                "query($asOf: Date) { triageQueue(asOf: $asOf, first: 500) { rank score reasons referral { id } } }");
        documents.forEach((name, document) -> {
            log("Measuring area-wide " + name);
            var times = new ArrayList<Double>();
            var size = 0;
            for (int i = 0; i < AREA_RUNS + 1; i++) {
                var started = System.nanoTime();
                var body = postForBody(port, document, Map.of("asOf", asOf));
                var ms = (System.nanoTime() - started) / 1e6;
                if (i > 0) {
                    times.add(ms);
                }
                size = count(body, name);
            }
            var stats = new LinkedHashMap<String, Object>(percentiles(times));
            stats.put("runs", AREA_RUNS);
            stats.put("items", size);
            area.put(name, stats);
        });
        return area;
    }

    private static int count(String body, String field) {
        var node = JsonMapper.shared().readTree(body).get("data").get(field);
        return node == null ? 0 : node.size();
    }

    private String postForBody(int port, String document, Map<String, Object> variables) {
        var response = send(port, document, variables);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("area-wide query answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    // --- timing ---------------------------------------------------------------------------------

    /**
     * Asks every query, raw and over GraphQL in turn, for {@code warmUpSeconds} before the first is
     * measured, so that each side is measured as a server that has been running answers it (its hot
     * code compiled by the JIT), not as one just started: without it the first queries measured also
     * paid for compiling the paths every query shares (security, GraphQL, the audit append), and
     * their figures depended on their place in the order.
     */
    private Map<String, Object> warmUp(BenchQueries.App raw, int httpPort, List<BenchQueries.Subject> subjects) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("seconds", warmUpSeconds);
        if (warmUpSeconds == 0) {
            answer.put("requests", 0);
            return answer;
        }
        log("Warming up: every query both ways for " + warmUpSeconds + " s");
        var deadline = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
        var asked = 0;
        var next = 0;
        while (System.nanoTime() < deadline) {
            for (var query : BenchQueries.all()) {
                for (int i = 0; i < 10; i++, next++) {
                    var subject = subjects.get(next % subjects.size());
                    timeCypher(raw, query, subject);
                    timeGraphQl(httpPort, query, subject);
                    asked += 2;
                }
            }
        }
        phaseLog.clear();
        answer.put("requests", asked);
        return answer;
    }

    private Map<String, Double> measure(
            List<BenchQueries.Subject> subjects, Function<BenchQueries.Subject, Double> call) {
        for (int i = 0; i < WARMUP; i++) {
            call.apply(subjects.get(i % subjects.size()));
        }
        phaseLog.clear();
        var times = new ArrayList<Double>();
        for (int i = 0; i < requests; i++) {
            times.add(call.apply(subjects.get(i % subjects.size())));
        }
        return percentiles(times);
    }

    private double timeCypher(BenchQueries.App app, BenchQueries.Query query, BenchQueries.Subject subject) {
        var started = System.nanoTime();
        query.cypher().run(app, subject);
        return (System.nanoTime() - started) / 1e6;
    }

    double timeGraphQl(int port, BenchQueries.Query query, BenchQueries.Subject subject) {
        var started = System.nanoTime();
        var response = send(port, query.graphql(), query.variables(subject));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(query.name() + " answered HTTP " + response.statusCode());
        }
        var ms = (System.nanoTime() - started) / 1e6;
        var phases = phases(response.headers().firstValue("server-timing").orElse(""));
        phases.put("client", ms);
        phaseLog.add(phases);
        return ms;
    }

    private static final Pattern TIMING = Pattern.compile("(\\w+);desc=\"[^\"]*\";dur=([0-9.]+)");

    /** The phases of a Server-Timing header (the application's, EXPLORER_SERVER_TIMING), in ms. */
    static Map<String, Double> phases(String header) {
        var phases = new LinkedHashMap<String, Double>();
        var m = TIMING.matcher(header);
        while (m.find()) {
            phases.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return phases;
    }

    /**
     * Where the measured GraphQL requests' time went, mean ms: need-to-know, the answer's reads, the
     * audit append and commit, the rest of the application (security, session, GraphQL dispatch,
     * mapping), and what lies outside the application's own timing (Tomcat, writing the JSON, the
     * connection and the client).
     */
    static Map<String, Double> breakdown(List<Map<String, Double>> log) {
        var result = new LinkedHashMap<String, Double>();
        synchronized (log) {
            if (log.isEmpty() || !log.get(0).containsKey("app")) {
                return result;
            }
            for (var phase : List.of("ntk", "db", "audit")) {
                result.put(
                        phase,
                        round(log.stream()
                                .mapToDouble(p -> p.get(phase))
                                .average()
                                .orElse(0)));
            }
            result.put(
                    "app_other",
                    round(log.stream()
                            .mapToDouble(p -> p.get("app") - p.get("ntk") - p.get("db") - p.get("audit"))
                            .average()
                            .orElse(0)));
            result.put(
                    "outside_app",
                    round(log.stream()
                            .mapToDouble(p -> p.get("client") - p.get("app"))
                            .average()
                            .orElse(0)));
            result.put(
                    "total",
                    round(log.stream()
                            .mapToDouble(p -> p.get("client"))
                            .average()
                            .orElse(0)));
            // the request's whole time less its own reads, in process: what the application, HTTP and
            // the client add, without crediting the application with the Bolt round trips the raw side pays
            result.put(
                    "beyond_reads_p95",
                    percentiles(log.stream()
                                    .map(p -> p.get("client") - p.get("db"))
                                    .toList())
                            .get("p95_ms"));
        }
        return result;
    }

    /** POST /graphql in the signed-in session; a GraphQL error fails the run. */
    HttpResponse<String> send(int port, String document, Map<String, Object> variables) {
        try {
            var body = JsonMapper.shared().writeValueAsString(Map.of("query", document, "variables", variables));
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", xsrf())
                    .timeout(Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.body().contains("\"errors\"")) {
                throw new IllegalStateException("GraphQL errors: "
                        + response.body()
                                .substring(0, Math.min(500, response.body().length())));
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double floor(Driver driver) {
        var times = new ArrayList<Double>();
        for (int i = 0; i < WARMUP + requests; i++) {
            var started = System.nanoTime();
            try (var session = driver.session()) {
                session.executeRead(tx -> tx.run("RETURN 1").consume());
            }
            if (i >= WARMUP) {
                times.add((System.nanoTime() - started) / 1e6);
            }
        }
        return percentiles(times).get("p50_ms");
    }

    private Map<String, Object> throughput(int port, List<BenchQueries.Subject> subjects) throws Exception {
        log("Throughput: 8 GraphQL clients for " + throughputSeconds + " s");
        var pool = Executors.newFixedThreadPool(8);
        var errors = new AtomicLong();
        var end = System.nanoTime() + throughputSeconds * 1_000_000_000L;
        var tasks = new ArrayList<Callable<List<Double>>>();
        var queries = BenchQueries.all();
        for (int c = 0; c < 8; c++) {
            var client = c;
            tasks.add(() -> {
                var times = new ArrayList<Double>();
                int i = client;
                while (System.nanoTime() < end) {
                    var query = queries.get(i % queries.size());
                    var subject = subjects.get(i % subjects.size());
                    try {
                        times.add(timeGraphQl(port, query, subject));
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    }
                    i += 8;
                }
                return times;
            });
        }
        var all = new ArrayList<Double>();
        for (var future : pool.invokeAll(tasks)) {
            all.addAll(future.get());
        }
        pool.shutdown();
        var result = new LinkedHashMap<String, Object>();
        result.put("clients", 8);
        result.put("seconds", throughputSeconds);
        result.put("requests", all.size());
        result.put("requests_per_s", round(all.size() / (double) throughputSeconds));
        result.put("p95_ms", percentiles(all).get("p95_ms"));
        result.put("errors", errors.get());
        return result;
    }

    // --- helpers --------------------------------------------------------------------------------

    static Map<String, Double> percentiles(List<Double> times) {
        var sorted = new ArrayList<>(times);
        sorted.sort(Comparator.naturalOrder());
        Function<Double, Double> at =
                q -> sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
        var result = new LinkedHashMap<String, Double>();
        result.put("p50_ms", round(at.apply(0.50)));
        result.put("p95_ms", round(at.apply(0.95)));
        result.put("p99_ms", round(at.apply(0.99)));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ratios(Map<String, Object> small, Map<String, Object> large) {
        var result = new LinkedHashMap<String, Object>();
        var smallQueries = (Map<String, Map<String, Map<String, Double>>>) small.get("queries");
        var largeQueries = (Map<String, Map<String, Map<String, Double>>>) large.get("queries");
        largeQueries.forEach((name, both) -> {
            var ratio = new LinkedHashMap<String, Double>();
            for (var kind : List.of("cypher", "graphql")) {
                ratio.put(
                        kind,
                        round(both.get(kind).get("p95_ms")
                                / Math.max(smallQueries.get(name).get(kind).get("p95_ms"), 0.001)));
            }
            result.put(name, ratio);
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> result) {
        var text = new StringBuilder();
        text.append(String.format(
                "Persons: %s, relationships: %s, import: %s rows/s, Bolt floor p50: %s ms, "
                        + "store: %s MB, heap used: %s MB%n%n",
                result.get("persons"),
                result.get("relationships"),
                ((Map<String, Object>) result.get("import")).get("rows_per_s"),
                result.get("bolt_floor_ms"),
                ((Number) result.get("store_bytes")).longValue() / 1_000_000,
                ((Number) result.get("heap_used_bytes")).longValue() / 1_000_000));
        var warmUp = (Map<String, Object>) result.get("warm_up");
        if (warmUp != null) {
            text.append(String.format(
                    "Warm-up before measuring: %s s, %s requests%n%n", warmUp.get("seconds"), warmUp.get("requests")));
        }
        text.append(
                "| query | Cypher p50 | p95 | p99 | GraphQL p50 | p95 | p99 | GraphQL/Cypher p95 | app layer p95 |\n");
        text.append("|---|---|---|---|---|---|---|---|---|\n");
        var queries = (Map<String, Map<String, Object>>) result.get("queries");
        queries.forEach((name, both) -> {
            var c = (Map<String, Double>) both.get("cypher");
            var g = (Map<String, Double>) both.get("graphql");
            text.append(String.format(
                    "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %+.1f |%n",
                    name,
                    c.get("p50_ms"),
                    c.get("p95_ms"),
                    c.get("p99_ms"),
                    g.get("p50_ms"),
                    g.get("p95_ms"),
                    g.get("p99_ms"),
                    both.get("graphql_to_cypher_p95"),
                    g.get("p95_ms") - c.get("p95_ms")));
        });
        text.append("\nWhere a GraphQL request's time goes (mean ms; Server-Timing; the last column is the p95 of"
                        + " each request's time less its own reads):\n\n")
                .append("| query | need-to-know | answer reads | audit | rest of app | outside app | total |"
                        + " p95 beyond its reads |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        queries.forEach((name, both) -> {
            var p = (Map<String, Double>) both.get("graphql_phases_mean_ms");
            if (p != null && !p.isEmpty()) {
                text.append(String.format(
                        "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s |%n",
                        name,
                        p.get("ntk"),
                        p.get("db"),
                        p.get("audit"),
                        p.get("app_other"),
                        p.get("outside_app"),
                        p.get("total"),
                        p.containsKey("beyond_reads_p95") ? String.format("%.2f", p.get("beyond_reads_p95")) : "–"));
            }
        });
        var t = (Map<String, Object>) result.get("throughput");
        text.append(String.format(
                "%nThroughput: %s clients, %s requests/s, p95 %s ms, errors %s%n",
                t.get("clients"), t.get("requests_per_s"), t.get("p95_ms"), t.get("errors")));
        if (result.containsKey("scale_curve")) {
            text.append("\nScale curve, p95 at 200,000 / p95 at 20,000: ")
                    .append(((Map<String, Object>) result.get("scale_curve")).get("p95_ratio_200000_to_20000"))
                    .append('\n');
        }
        return text.toString();
    }

    static long heapUsed(long pid) {
        try {
            var process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            String.valueOf(pid),
                            "GC.heap_info")
                    .redirectErrorStream(true)
                    .start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            var matcher = Pattern.compile("used (\\d+)K").matcher(output);
            return matcher.find() ? Long.parseLong(matcher.group(1)) * 1024 : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static long size(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    static String machine() {
        return String.format(
                "%d cores, %.1f GiB RAM, %s %s, Java %s",
                Runtime.getRuntime().availableProcessors(),
                totalMemory() / (1024.0 * 1024 * 1024),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"));
    }

    private static long totalMemory() {
        try {
            var line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
            return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().maxMemory();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (var path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
