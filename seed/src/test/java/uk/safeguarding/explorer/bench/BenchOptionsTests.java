package uk.safeguarding.explorer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchOptionsTests {

    @Test
    void eachOptionIsReadAndTheDefaultsAreTheDocumentedOnes() {
        var defaults = BenchRunner.Options.parse();
        assertThat(defaults.persons()).isEqualTo(200_000);
        assertThat(defaults.requests()).isEqualTo(500);
        assertThat(defaults.throughputSeconds()).isEqualTo(30);
        assertThat(defaults.warmUpSeconds()).isEqualTo(60);
        assertThat(defaults.out()).isEqualTo(Path.of("bench/results/latest.json"));
        var given = BenchRunner.Options.parse(
                "--persons",
                "20000",
                "--out",
                "x.json",
                "--requests",
                "50",
                "--throughput-seconds",
                "5",
                "--warm-up-seconds",
                "0");
        assertThat(given.persons()).isEqualTo(20_000);
        assertThat(given.personsGiven()).isTrue();
        assertThat(given.out()).isEqualTo(Path.of("x.json"));
        assertThat(given.requests()).isEqualTo(50);
        assertThat(given.throughputSeconds()).isEqualTo(5);
        assertThat(given.warmUpSeconds()).isZero();
        var profile = BenchRunner.Options.parse(
                "--import-profile", "--persons", "100", "--batch-size", "7", "--writers", "2");
        assertThat(profile.importProfile()).isTrue();
        assertThat(profile.batchSize()).isEqualTo(7);
        assertThat(profile.writers()).isEqualTo(2);
        assertThat(BenchRunner.Options.parse("--soak", "3").soakMinutes()).isEqualTo(3);
        assertThat(BenchRunner.Options.parse("--scale-curve").scaleCurve()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --requests                          | --requests needs a value after it
            --out --scale-curve                 | --out needs a value after it
            --persons 20k                       | --persons must be a whole number, not "20k"
            --warm-up-seconds -5                | --warm-up-seconds must be 0 or more, not -5
            --requests 0                        | --requests must be 1 or more, not 0
            --throughput-seconds 0              | --throughput-seconds must be 1 or more, not 0
            --soak 0                            | --soak must be 1 or more, not 0
            --persons 5 --persons 6             | --persons is given twice
            --scale-curve --persons 20000       | --persons means nothing to --scale-curve (it measures 20,000 and 200,000)
            --batch-size 100                    | --batch-size means nothing to a run at one scale
            --soak 5 --warm-up-seconds 10       | --warm-up-seconds means nothing to --soak
            --soak 5 --scale-curve              | --scale-curve and --soak cannot be asked together
            --charts-from /no/such/run.json     | --charts-from /no/such/run.json: no such file to read
            --fast                              | unknown option --fast
            """)
    void whatCannotBeMeantIsRefusedNamingTheOption(String line, String sentence) {
        assertThatThrownBy(() -> BenchRunner.Options.parse(line.trim().split("\\s+")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(sentence.trim());
    }

    @Test
    void theTableSaysTheWarmUpAndTheAppLayer() {
        var result = Map.<String, Object>of(
                "persons",
                20_000,
                "relationships",
                90_000,
                "import",
                Map.of("rows_per_s", 4_000.0),
                "bolt_floor_ms",
                1.8,
                "store_bytes",
                234_000_000L,
                "heap_used_bytes",
                373_000_000L,
                "warm_up",
                Map.of("seconds", 60, "requests", 6_860),
                "queries",
                Map.of(
                        "person",
                        Map.of(
                                "cypher", Map.of("p50_ms", 1.0, "p95_ms", 2.5, "p99_ms", 4.0),
                                "graphql", Map.of("p50_ms", 2.0, "p95_ms", 6.0, "p99_ms", 9.0),
                                "graphql_to_cypher_p95", 2.4)),
                "throughput",
                Map.of("clients", 8, "requests_per_s", 600.0, "p95_ms", 20.0, "errors", 0));
        var table = BenchRunner.markdown(result);
        assertThat(table).contains("Warm-up before measuring: 60 s, 6860 requests");
        assertThat(table).contains("| person | 1.00 | 2.50 | 4.00 | 2.00 | 6.00 | 9.00 | 2.40 | +3.5 |");
    }

    @Test
    void beyondItsReadsIsTheP95OfEachRequestLessItsOwnReads() {
        var log = new java.util.ArrayList<Map<String, Double>>();
        for (int i = 1; i <= 20; i++) {
            // reads of i ms, and 2 ms more for everything else, but the slowest request is slow in its reads
            var reads = i == 20 ? 50.0 : i;
            log.add(Map.of("ntk", 0.0, "db", reads, "audit", 1.0, "app", reads + 1.5, "client", reads + 2.0));
        }
        log.set(18, Map.of("ntk", 0.0, "db", 1.0, "audit", 1.0, "app", 8.0, "client", 9.0));
        var phases = BenchRunner.breakdown(log);
        // 19 requests of 2 ms beyond their reads and one of 8: the p95 (the 19th of 20) is 2
        assertThat(phases.get("beyond_reads_p95")).isEqualTo(2.0);
        log.set(0, Map.of("ntk", 0.0, "db", 1.0, "audit", 1.0, "app", 8.0, "client", 9.0));
        assertThat(BenchRunner.breakdown(log).get("beyond_reads_p95")).isEqualTo(8.0);
    }
}
