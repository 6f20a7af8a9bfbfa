package uk.safeguarding.explorer.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.importing.ImportService;
import uk.safeguarding.explorer.neo4j.EmbeddedNeo4j;
import uk.safeguarding.explorer.neo4j.EmbeddedProperties;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.SchemaMigrations;

/**
 * {@code seed generate --extracts} and {@code seed evaluate}: five agencies' extracts of a
 * fictional population with the truth beside them, and the measurement of identity resolution on
 * them (pairwise precision and recall, review queue, twins and namesakes merged, speed).
 */
final class Extracts {

    private Extracts() {}

    static void generate(SeedCli.Options options) throws IOException {
        var out = Path.of(options.get("out", "target/extracts"));
        Files.createDirectories(out);
        var result = generator(options).generate();
        // the five agencies first: an agency extract comes from an agency the partnership has added
        JsonMapper.shared().writeValue(out.resolve("partnership.json").toFile(), ExtractGenerator.partnership());
        for (var entry : result.extracts().entrySet()) {
            JsonMapper.shared()
                    .writeValue(
                            out.resolve("extract-" + entry.getKey() + ".json").toFile(), entry.getValue());
        }
        var truth = new StringBuilder("source,localId,person\n");
        result.truth().forEach(t -> truth.append(String.join(",", t)).append('\n'));
        Files.writeString(out.resolve("truth.csv"), truth);
        var pairs = new StringBuilder("kind,a,b\n");
        result.twins()
                .forEach(t -> pairs.append("twins,")
                        .append(t[0])
                        .append(',')
                        .append(t[1])
                        .append('\n'));
        result.namesakes()
                .forEach(t -> pairs.append("namesakes,")
                        .append(t[0])
                        .append(',')
                        .append(t[1])
                        .append('\n'));
        Files.writeString(out.resolve("pairs.csv"), pairs);
        JsonMapper.shared().writeValue(out.resolve("noise.json").toFile(), result.noise());
        System.out.printf(
                "Generated %d fictional people seen in %d person records by %s, with %d twin pairs and "
                        + "%d father-and-son namesakes, under %s%n",
                result.persons(),
                result.truth().size(),
                String.join(", ", result.extracts().keySet()),
                result.twins().size(),
                result.namesakes().size(),
                out);
    }

    static void evaluate(SeedCli.Options options) throws Exception {
        var store = options.get("store", null);
        if (store == null) {
            throw new IllegalArgumentException("give --store DIR (an empty directory for the embedded store)");
        }
        Map<String, JsonNode> extracts = new LinkedHashMap<>();
        List<String[]> truth;
        List<String[]> twins = new ArrayList<>();
        List<String[]> namesakes = new ArrayList<>();
        var dir = options.get("extracts", null);
        if (dir != null) {
            for (var source : ExtractGenerator.SOURCES) {
                extracts.put(
                        source,
                        JsonMapper.shared()
                                .readTree(Path.of(dir, "extract-" + source + ".json")
                                        .toFile()));
            }
            truth = Files.readAllLines(Path.of(dir, "truth.csv")).stream()
                    .skip(1)
                    .map(l -> l.split(","))
                    .toList();
            for (var line : Files.readAllLines(Path.of(dir, "pairs.csv")).stream()
                    .skip(1)
                    .toList()) {
                var parts = line.split(",");
                ("twins".equals(parts[0]) ? twins : namesakes).add(new String[] {parts[1], parts[2]});
            }
        } else {
            var result = generator(options).generate();
            result.extracts()
                    .forEach((k, v) -> extracts.put(k, JsonMapper.shared().valueToTree(v)));
            truth = result.truth();
            twins = result.twins();
            namesakes = result.namesakes();
        }
        try (var embedded =
                EmbeddedNeo4j.start(new EmbeddedProperties(Path.of(store), 0, options.get("pagecache", "1g"), null))) {
            // In process, as the application imports into its embedded database.
            var graph = Graph.inProcess(embedded);
            new SchemaMigrations(graph).migrate();
            var service = new ImportService(graph, Clock.systemUTC(), options.integer("batch", 5_000));
            long personRecords = 0;
            long allRecords = 0;
            double resolutionSeconds = 0;
            double allSeconds = 0;
            // the partnership's agencies first: an extract comes from an agency the partnership has added
            service.importBundle(JsonMapper.shared().valueToTree(ExtractGenerator.partnership()));
            for (var entry : extracts.entrySet()) {
                var bundle = entry.getValue();
                var people = bundle.path("people").size();
                var records = SeedCli.records(bundle);
                var bar = new ProgressBar(System.err, records);
                var started = System.nanoTime();
                var resolved = new long[] {0};
                var listener = bar.within(records);
                var result = service.importBundle(bundle, (phase, done, total) -> {
                    listener.update(phase, done, total);
                    if ("people".equals(phase) && done == total) {
                        resolved[0] = System.nanoTime();
                    }
                });
                bar.finish();
                var ended = System.nanoTime();
                var resolution = ((resolved[0] == 0 ? ended : resolved[0]) - started) / 1e9;
                System.out.printf(
                        "%-10s %,8d person records resolved in %5.1f s (%,.0f records/s); whole extract "
                                + "%,d records in %.1f s; %s; %d rejected%n",
                        entry.getKey(),
                        people,
                        resolution,
                        people / resolution,
                        records,
                        (ended - started) / 1e9,
                        result.resolution(),
                        result.rejected().size());
                personRecords += people;
                allRecords += records;
                resolutionSeconds += resolution;
                allSeconds += (ended - started) / 1e9;
            }
            var figures = Evaluation.measure(graph, truth, twins, namesakes);
            var speed = new LinkedHashMap<String, Double>();
            speed.put("person records resolved per second (addresses and people)", personRecords / resolutionSeconds);
            speed.put("extract records imported per second (everything)", allRecords / allSeconds);
            System.out.println();
            System.out.print(Evaluation.table(figures, speed));
        }
    }

    private static ExtractGenerator generator(SeedCli.Options options) {
        return new ExtractGenerator(
                options.integer("persons", 20_000),
                Long.parseLong(options.get("seed", "42")),
                LocalDate.parse(options.get("today", SeedCli.DEFAULT_TODAY.toString())));
    }
}
