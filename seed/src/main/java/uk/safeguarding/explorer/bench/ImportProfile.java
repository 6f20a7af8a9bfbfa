package uk.safeguarding.explorer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.identity.Resolution;
import uk.safeguarding.explorer.importing.BundleWriter;
import uk.safeguarding.explorer.importing.ImportProgress;
import uk.safeguarding.explorer.importing.ImportService;
import uk.safeguarding.explorer.model.bundle.BundleValidator;
import uk.safeguarding.explorer.model.matching.MatchingSettings;
import uk.safeguarding.explorer.neo4j.CreatedTally;
import uk.safeguarding.explorer.neo4j.EmbeddedNeo4j;
import uk.safeguarding.explorer.neo4j.EmbeddedProperties;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.SchemaMigrations;
import uk.safeguarding.explorer.seed.PopulationGenerator;

/**
 * Where an import's time goes ({@code bench/run.sh --import-profile --persons N}): the same
 * population and the same code as the benchmark's import, timed phase by phase (generating the
 * JSON, validating it, preparing the source records, and each write statement), into a fresh
 * embedded store with every constraint on. For finding what limits rows/s, not a result.
 */
final class ImportProfile {

    private ImportProfile() {}

    /** {@code writers}: batches of one kind written at once, 0 for the application's default. */
    static void run(Path root, int persons, int batchSize, int writers) throws IOException {
        var store = root.resolve("bench/work/import-profile-" + persons);
        deleteRecursively(store);
        var password = "profile-" + System.nanoTime();
        try (var embedded = EmbeddedNeo4j.start(new EmbeddedProperties(store, 0, "2g", password))) {
            var graph = Graph.inProcess(embedded);
            new SchemaMigrations(graph).migrate();
            var service = new ImportService(graph, Clock.systemUTC(), batchSize);
            var resolution = new Resolution(graph, MatchingSettings.defaults(), batchSize, true);
            var threads = writers == 0 ? BundleWriter.defaultWriters() : writers;
            var writer = new BundleWriter(graph, batchSize, threads);
            var phases = new LinkedHashMap<String, AtomicLong>();
            var rowsOf = new LinkedHashMap<String, AtomicLong>();
            var generator = new PopulationGenerator(persons, 42, LocalDate.of(2026, 11, 1));
            var bundles = new ArrayList<JsonNode>();
            var rows = new AtomicLong();
            var started = System.nanoTime();
            generator.generate(10_000, bundles::add);
            add(phases, "generate JSON (not part of an import)", System.nanoTime() - started);
            var importStarted = System.nanoTime();
            for (var bundle : bundles) {
                var t = System.nanoTime();
                var validated = service.validate(bundle);
                add(phases, "validate (with the existing-ids look-up)", System.nanoTime() - t);
                t = System.nanoTime();
                resolution.prepareAnchored(validated);
                add(phases, "prepare source records", System.nanoTime() - t);
                for (var group : BundleValidator.WRITE_GROUPS) {
                    var groupRows = validated.rows().getOrDefault(group, List.of());
                    if (groupRows.isEmpty()) {
                        continue;
                    }
                    t = System.nanoTime();
                    writer.write(Map.of(group, groupRows), ImportProgress.NONE, new CreatedTally());
                    add(phases, "write " + group, System.nanoTime() - t);
                    rowsOf.computeIfAbsent(group, k -> new AtomicLong()).addAndGet(groupRows.size());
                }
                rows.addAndGet(validated.accepted().values().stream()
                        .mapToLong(Integer::longValue)
                        .sum());
            }
            var seconds = (System.nanoTime() - importStarted) / 1e9;
            System.out.printf(
                    "%nImport profile: %d people, %d records in %.1f s = %.0f rows/s (batch size %d, %d writers)%n%n",
                    persons, rows.get(), seconds, rows.get() / seconds, batchSize, threads);
            System.out.println("| phase | seconds | share of the import | rows | rows/s |");
            System.out.println("|---|---|---|---|---|");
            phases.forEach((phase, nanos) -> {
                var s = nanos.get() / 1e9;
                var group = phase.startsWith("write ") ? phase.substring(6) : null;
                var n = group == null ? null : rowsOf.get(group);
                System.out.printf(
                        "| %s | %.2f | %s | %s | %s |%n",
                        phase,
                        s,
                        phase.startsWith("generate") ? "–" : String.format("%.0f %%", 100 * s / seconds),
                        n == null ? "" : n.get(),
                        n == null ? "" : String.format("%.0f", n.get() / s));
            });
        }
    }

    private static void add(Map<String, AtomicLong> phases, String phase, long nanos) {
        phases.computeIfAbsent(phase, k -> new AtomicLong()).addAndGet(nanos);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (var path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
