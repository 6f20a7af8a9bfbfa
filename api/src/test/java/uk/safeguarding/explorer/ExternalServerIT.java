package uk.safeguarding.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import uk.safeguarding.explorer.neo4j.EmbeddedNeo4j;
import uk.safeguarding.explorer.neo4j.EmbeddedProperties;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * With NEO4J_URI the application starts no database of its own and works against the server it
 * is given, here a separate Neo4j 5.26 reached through neo4j:// routing and a password.
 */
class ExternalServerIT {

    @Test
    void theApplicationUsesTheServerNamedByNeo4jUri() throws Exception {
        var dir = Files.createTempDirectory("explorer-external");
        try (var server = EmbeddedNeo4j.start(new EmbeddedProperties(dir, 0, "32m", "it-secret"))) {
            var uri = "neo4j://127.0.0.1:" + server.boltPort();
            try (var app = new SpringApplicationBuilder(ExplorerApplication.class)
                    .run(
                            "--neo4j.uri=" + uri,
                            "--neo4j.username=neo4j",
                            "--neo4j.password=it-secret",
                            "--explorer.mode=local",
                            "--server.port=0",
                            "--explorer.data-dir=" + dir.resolve("must-not-be-used"))) {
                // demo data went into the external server, through the application's driver: the families'
                // fourteen people and the two new persons of the school's records waiting for review
                long people = app.getBean(Graph.class)
                        .inReadTransaction(tx -> tx.run("MATCH (p:Person) RETURN count(p)")
                                .single()
                                .get(0)
                                .asLong());
                assertThat(people).isEqualTo(16);
            }
            assertThat(dir.resolve("must-not-be-used")).doesNotExist();
            try (var driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", "it-secret"))) {
                long people = driver.session()
                        .executeRead(tx -> tx.run("MATCH (p:Person) RETURN count(p)")
                                .single()
                                .get(0)
                                .asLong());
                assertThat(people).isEqualTo(16);
            }
        }
    }
}
