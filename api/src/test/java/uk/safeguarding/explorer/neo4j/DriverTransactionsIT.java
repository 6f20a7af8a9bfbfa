package uk.safeguarding.explorer.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.ClientException;

/**
 * Through the Java driver (an external server or cluster), every session of the application is
 * chained by one bookmark manager: a write leaves its bookmark, and every read that follows starts
 * from the bookmarks the manager holds, so that on a cluster it sees what this instance committed
 * before it (an import's next batch sees the batch before; a practitioner sees what they recorded).
 */
class DriverTransactionsIT {

    private static final String PASSWORD = "bookmark-secret";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void everySessionIsChainedByTheBookmarksOfTheWritesBeforeIt(@TempDir Path store) {
        try (var embedded = EmbeddedNeo4j.start(new EmbeddedProperties(store, 0, "32m", PASSWORD));
                var driver = GraphDatabase.driver(embedded.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, PASSWORD))) {
            var transactions = new DriverTransactions(driver, null);
            assertThat(transactions.bookmarks().getBookmarks()).isEmpty();

            transactions.write(
                    TIMEOUT,
                    tx -> tx.run("CREATE (:FictionalProbe {id: 'one'})").consume());
            var afterWrite = transactions.bookmarks().getBookmarks();
            assertThat(afterWrite).as("the write's bookmark").isNotEmpty();
            long seen = transactions.read(
                    TIMEOUT,
                    tx -> tx.run("MATCH (p:FictionalProbe) RETURN count(p) AS n")
                            .single()
                            .get("n")
                            .asLong());
            assertThat(seen).isEqualTo(1);

            // a bookmark the server has never given: a read that starts from the manager's bookmarks
            // is refused for it, which a read outside the chain would not be
            transactions.bookmarks().updateBookmarks(Set.of(), Set.of(Bookmark.from("fictional-unknown-bookmark")));
            assertThatThrownBy(() ->
                            transactions.read(TIMEOUT, tx -> tx.run("RETURN 1").consume()))
                    .isInstanceOf(ClientException.class)
                    .satisfies(e -> assertThat(((ClientException) e).code()).contains("Bookmark"));
            try (var outside = driver.session()) {
                assertThat(outside.run("RETURN 1 AS one").single().get("one").asInt())
                        .isEqualTo(1);
            }
        }
    }
}
