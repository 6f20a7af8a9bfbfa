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
            long seen = probes(transactions);
            assertThat(seen).isEqualTo(1);

            // a bookmark the database cannot reach (as after it was restored to an earlier point): a
            // read that starts from the manager's bookmarks is refused for it, forgets it and runs
            // once more, so that the application goes on reading instead of failing until a restart
            transactions.bookmarks().updateBookmarks(Set.of(), Set.of(Bookmark.from("fictional-unknown-bookmark")));
            long again = probes(transactions);
            assertThat(again).isEqualTo(1);
            assertThat(transactions.bookmarks().getBookmarks())
                    .as("the unreachable bookmark forgotten by the read that started from it")
                    .noneMatch(b -> b.value().equals("fictional-unknown-bookmark"));
            // a write after it is chained again
            transactions.write(
                    TIMEOUT,
                    tx -> tx.run("CREATE (:FictionalProbe {id: 'two'})").consume());
            assertThat(transactions.bookmarks().getBookmarks()).isNotEmpty();
            // the database does refuse such a bookmark: a session that starts from it fails
            try (var session = driver.session(org.neo4j.driver.SessionConfig.builder()
                    .withBookmarks(Bookmark.from("fictional-unknown-bookmark"))
                    .build())) {
                assertThatThrownBy(() -> session.run("RETURN 1").consume())
                        .isInstanceOf(ClientException.class)
                        .satisfies(e -> assertThat(((ClientException) e).code()).contains("Bookmark"));
            }
        }
    }

    /** How many probes a read through the transactions counts. */
    private static long probes(DriverTransactions transactions) {
        return transactions.read(
                TIMEOUT,
                tx -> tx.run("MATCH (p:FictionalProbe) RETURN count(p) AS n")
                        .single()
                        .get("n")
                        .asLong());
    }
}
