package uk.safeguarding.explorer.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.bench.BenchRunner;
import uk.safeguarding.explorer.importing.ImportService;
import uk.safeguarding.explorer.neo4j.EmbeddedNeo4j;
import uk.safeguarding.explorer.neo4j.EmbeddedProperties;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.SchemaMigrations;

/**
 * Command line for synthetic data and bundles (never needed in production):
 *
 * <pre>
 * java -jar seed/target/seed.jar generate --persons 20000 --seed 42 --out target/population
 * java -jar seed/target/seed.jar load --store ./data --bundle ../shared/scenarios/york-practice-studies.json
 * java -jar seed/target/seed.jar load --store ./data --persons 200000 --seed 42
 * java -jar seed/target/seed.jar load --uri neo4j://host:7687 --username neo4j --password secret --persons 20000
 * java -jar seed/target/seed.jar generate --extracts --persons 20000 --seed 42 --out target/extracts
 * java -jar seed/target/seed.jar evaluate --extracts target/extracts --store target/eval-store
 * </pre>
 *
 * Loading uses the application's own validation and import statements, so a bundle loaded here
 * behaves exactly as one sent to {@code POST /api/import}; it applies the schema migrations first.
 */
public final class SeedCli {

    static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 11, 1);

    private SeedCli() {}

    public static void main(String[] args) throws Exception {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("seed: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
        }
    }

    static String usage() {
        return """
                usage: seed generate --persons N [--seed S] [--today YYYY-MM-DD] [--chunk P] --out DIR
                       seed generate --extracts --persons N [--seed S] [--today YYYY-MM-DD] --out DIR
                       seed load (--store DIR | --uri URI [--username U] [--password P] [--database D])
                                 (--bundle FILE [--bundle FILE ...] | --persons N [--seed S] [--today YYYY-MM-DD])
                                 [--chunk P] [--batch ROWS]
                       seed evaluate --store DIR (--extracts DIR | --persons N [--seed S]) [--batch ROWS]""";
    }

    /** Parsed options: repeated ones keep every value. */
    record Options(Map<String, List<String>> values) {

        static Options parse(String[] args, int from) {
            var values = new HashMap<String, List<String>>();
            for (int i = from; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --option value, got " + args[i]);
                }
                values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>())
                        .add(args[i + 1]);
            }
            return new Options(values);
        }

        String get(String name, String fallback) {
            var list = values.get(name);
            return list == null ? fallback : list.get(list.size() - 1);
        }

        int integer(String name, int fallback) {
            try {
                return Integer.parseInt(get(name, String.valueOf(fallback)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number");
            }
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command");
        }
        if ("bench".equals(args[0])) {
            BenchRunner.main(Arrays.copyOfRange(args, 1, args.length));
            return 0;
        }
        var rest = new ArrayList<>(List.of(args).subList(1, args.length));
        var extracts = "generate".equals(args[0]) && rest.remove("--extracts");
        var options = Options.parse(rest.toArray(String[]::new), 0);
        switch (args[0]) {
            case "generate" -> {
                if (extracts) {
                    Extracts.generate(options);
                } else {
                    generate(options);
                }
            }
            case "evaluate" -> Extracts.evaluate(Options.parse(args, 1));
            case "load" -> load(options);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
        return 0;
    }

    private static PopulationGenerator generator(Options options) {
        var persons = options.integer("persons", -1);
        return new PopulationGenerator(
                persons,
                Long.parseLong(options.get("seed", "42")),
                LocalDate.parse(options.get("today", DEFAULT_TODAY.toString())));
    }

    private static void generate(Options options) throws IOException {
        var out = Path.of(options.get("out", "target/population"));
        Files.createDirectories(out);
        var generator = generator(options);
        var files = new int[] {0};
        generator.generate(options.integer("chunk", 10_000), bundle -> {
            var file = out.resolve(String.format("bundle-%04d.json", ++files[0]));
            JsonMapper.shared().writeValue(file.toFile(), bundle);
        });
        System.out.printf(
                "Generated %d fictional people, %d records, in %d bundle(s) under %s%n",
                generator.personsGenerated(), generator.recordsGenerated(), files[0], out);
    }

    private static void load(Options options) throws Exception {
        var store = options.get("store", null);
        var uri = options.get("uri", null);
        if ((store == null) == (uri == null)) {
            throw new IllegalArgumentException("give exactly one of --store DIR and --uri URI");
        }
        EmbeddedNeo4j embedded = store == null
                ? null
                : EmbeddedNeo4j.start(new EmbeddedProperties(Path.of(store), 0, options.get("pagecache", "1g"), null));
        // An embedded store is loaded in process, as the application imports into it; a server over Bolt.
        var driver = embedded != null
                ? null
                : GraphDatabase.driver(
                        uri, AuthTokens.basic(options.get("username", "neo4j"), options.get("password", "")));
        try {
            var graph = embedded != null ? Graph.inProcess(embedded) : new Graph(driver, options.get("database", null));
            new SchemaMigrations(graph).migrate();
            var result = load(graph, options);
            System.out.printf(
                    "Loaded %d records (%d rejected) in %.1f s: %.0f records/s%n",
                    result.records(),
                    result.rejected(),
                    result.seconds(),
                    result.records() / Math.max(result.seconds(), 0.001));
        } finally {
            if (driver != null) {
                driver.close();
            }
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** What a load did. */
    public record LoadResult(long records, long rejected, double seconds) {}

    /** Loads the bundles named by --bundle, or a generated population, into the graph, with a progress bar. */
    public static LoadResult load(Graph graph, Options options) throws IOException {
        var service = new ImportService(graph, Clock.systemUTC(), options.integer("batch", 5_000));
        var totals = new long[2];
        var bundles = options.all("bundle");
        var trees = new ArrayList<JsonNode>();
        for (var file : bundles) {
            trees.add(JsonMapper.shared().readTree(Path.of(file).toFile()));
        }
        // the total is known for files; for a generated population, about 4.4 records a person
        var expected = bundles.isEmpty()
                ? (long) (options.integer("persons", 0) * 4.4)
                : trees.stream().mapToLong(SeedCli::records).sum();
        var bar = new ProgressBar(System.err, expected);
        Consumer<JsonNode> importer = bundle -> {
            var size = records(bundle);
            var result = service.importBundle(bundle, bar.within(size));
            bar.advance(0);
            totals[0] += result.imported().values().stream()
                    .mapToLong(Integer::longValue)
                    .sum();
            totals[1] += result.rejected().size();
            result.rejected().stream().limit(5).forEach(r -> System.err.println("\nrejected: " + r));
        };
        var started = System.nanoTime();
        var done = new long[1];
        Consumer<JsonNode> counted = bundle -> {
            importer.accept(bundle);
            done[0] += records(bundle);
            bar.advance(0);
        };
        if (!trees.isEmpty()) {
            trees.forEach(counted);
        } else {
            generator(options).generate(options.integer("chunk", 10_000), counted);
        }
        bar.finish();
        return new LoadResult(totals[0], totals[1], (System.nanoTime() - started) / 1e9);
    }

    /** How many records a bundle holds (every array's length). */
    static long records(JsonNode bundle) {
        long n = 0;
        for (var name : bundle.propertyNames()) {
            if (bundle.get(name).isArray()) {
                n += bundle.get(name).size();
            }
        }
        return n;
    }
}
