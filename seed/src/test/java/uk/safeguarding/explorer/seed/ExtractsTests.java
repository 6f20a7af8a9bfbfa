package uk.safeguarding.explorer.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code seed generate --extracts} and {@code seed evaluate} end to end on a small fictional
 * population: the partnership's agencies come first (an agency extract comes from an agency the
 * partnership has added, hostile review 50), and every extract imports without a rejection.
 */
class ExtractsTests {

    @Test
    void generatedExtractsImportAfterThePartnershipsAgenciesAndAreMeasured(@TempDir Path dir) throws Exception {
        var out = dir.resolve("extracts");
        assertThat(SeedCli.run(new String[] {
                    "generate", "--extracts", "--persons", "300", "--seed", "42", "--out", out.toString()
                }))
                .isZero();
        var partnership =
                JsonMapper.shared().readTree(out.resolve("partnership.json").toFile());
        assertThat(partnership
                        .get("agencies")
                        .valueStream()
                        .map(a -> a.get("id").asString()))
                .containsExactlyElementsOf(ExtractGenerator.SOURCES);
        assertThat(partnership.has("resolve")).isFalse();
        var printed = new ByteArrayOutputStream();
        var was = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(SeedCli.run(new String[] {
                        "evaluate",
                        "--extracts",
                        out.toString(),
                        "--store",
                        dir.resolve("store").toString(),
                        "--pagecache",
                        "32m"
                    }))
                    .isZero();
        } finally {
            System.setOut(was);
        }
        var said = printed.toString(StandardCharsets.UTF_8);
        for (var source : ExtractGenerator.SOURCES) {
            assertThat(said).as(source).containsPattern("(?m)^" + source + " .*; 0 rejected$");
        }
        assertThat(said).contains("**pairwise precision**", "**pairwise recall**");
        assertThat(Files.exists(out.resolve("truth.csv"))).isTrue();
    }
}
