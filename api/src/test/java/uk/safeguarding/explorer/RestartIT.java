package uk.safeguarding.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.support.LocalExplorer;

/** The embedded default: demo data on first start, data kept across a clean restart. */
class RestartIT {

    private static ConfigurableApplicationContext start(String dataDir) {
        // a fixed Bolt password must survive a restart too
        return LocalExplorer.start(dataDir, "--explorer.bolt-password=fixed-for-restart");
    }

    @Test
    void demoDataIsLoadedOnceAndEverythingSurvivesARestart() throws Exception {
        var dir = Files.createTempDirectory("explorer-restart").toString();
        try (var first = start(dir)) {
            assertThat(LocalExplorer.people(first))
                    .as("the demo families' fourteen and the school's two records' persons")
                    .isEqualTo(16);
            first.getBean(Graph.class)
                    .inWriteTransaction(tx -> tx.run("CREATE (:Person {id: 'p-added-before-restart', source: 'test'})")
                            .consume());
        }
        try (var second = start(dir)) {
            assertThat(LocalExplorer.people(second)).isEqualTo(17);
            long migrations = second.getBean(Graph.class)
                    .inReadTransaction(tx -> tx.run("MATCH (m:__Neo4jMigration) RETURN count(m)")
                            .single()
                            .get(0)
                            .asLong());
            assertThat(migrations).isPositive();
        }
    }
}
