package uk.safeguarding.explorer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTests {

    @Test
    void aNumberAfterItsOptionIsRead() {
        assertThat(BenchRunner.number(new String[] {"--warm-up-seconds", "90"}, 1, 0))
                .isEqualTo(90);
        assertThat(BenchRunner.number(new String[] {"--warm-up-seconds", "0"}, 1, 0))
                .isZero();
    }

    @Test
    void aMissingMalformedOrTooSmallNumberIsRefusedNamingItsOption() {
        assertThatThrownBy(() -> BenchRunner.number(new String[] {"--requests"}, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--requests needs a value after it");
        assertThatThrownBy(() -> BenchRunner.number(new String[] {"--persons", "20k"}, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--persons must be a whole number, not \"20k\"");
        assertThatThrownBy(() -> BenchRunner.number(new String[] {"--warm-up-seconds", "-5"}, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--warm-up-seconds must be 0 or more, not -5");
        assertThatThrownBy(() -> BenchRunner.number(new String[] {"--requests", "0"}, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--requests must be 1 or more, not 0");
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
}
