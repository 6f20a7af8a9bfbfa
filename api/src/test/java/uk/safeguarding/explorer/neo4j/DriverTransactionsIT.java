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
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.ClientException;

/**
 * Through the Java driver (an external server or cluster), reads and data writes are chained by
 * their bookmarks: a write leaves its bookmark and what follows starts from it, so that on a cluster
 * it sees what this instance committed before (an import's next batch sees the batch before; a
 * practitioner sees what they recorded). Audit appends stay out of the chain, and a bookmark the
 * database refuses is forgotten rather than failing every read until a restart.
 */
class DriverTransactionsIT {

    private static final String PASSWORD = "bookmark-secret";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Bookmark UNKNOWN = Bookmark.from("fictional-unknown-bookmark");

    @Test
    void readsAndWritesAreChainedByTheirBookmarksAndARefusedBookmarkIsForgotten(@TempDir Path store) {
        try (var embedded = EmbeddedNeo4j.start(new EmbeddedProperties(store, 0, "32m", PASSWORD));
                var driver = GraphDatabase.driver(embedded.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, PASSWORD))) {
            var transactions = new DriverTransactions(driver, null);
            var chain = transactions.chain();
            assertThat(chain.bookmarks()).isEmpty();

            transactions.write(
                    TIMEOUT,
                    tx -> tx.run("CREATE (:FictionalProbe {id: 'one'})").consume());
            var afterWrite = chain.bookmarks();
            assertThat(afterWrite).as("the write's bookmark").isNotEmpty();
            assertThat(probes(transactions)).isEqualTo(1);

            // an audit append neither starts from the chain nor joins it
            var beforeAppend = chain.bookmarks();
            transactions.appendWrite(
                    TIMEOUT, tx -> tx.run("CREATE (:FictionalAppend)").consume());
            assertThat(transactions.answersRow("CREATE (a:FictionalAppend) RETURN a", java.util.Map.of()))
                    .isTrue();
            assertThat(chain.bookmarks()).isEqualTo(beforeAppend);
            // a read of the audit log goes to the leader outside the chain too, and sees the appends
            long appends = transactions.leaderRead(
                    TIMEOUT,
                    tx -> tx.run("MATCH (a:FictionalAppend) RETURN count(a) AS n")
                            .single()
                            .get("n")
                            .asLong());
            assertThat(appends).isEqualTo(2);
            assertThat(chain.bookmarks()).isEqualTo(beforeAppend);

            // a bookmark the database refuses (as one it can no longer reach after a restore to an
            // earlier point): the read that started from it forgets it and runs once more
            chain.add(Set.of(UNKNOWN));
            assertThat(probes(transactions)).isEqualTo(1);
            assertThat(chain.forgotten())
                    .as("the read sent the bookmark, was refused for it (before its work ran) and ran once more")
                    .isEqualTo(1);
            assertThat(chain.bookmarks())
                    .as("the refused bookmark forgotten by the read that started from it")
                    .isNotEmpty()
                    .doesNotContain(UNKNOWN);
            // a write after it is chained again: it ends with a bookmark of its own
            var beforeSecondWrite = chain.bookmarks();
            transactions.write(
                    TIMEOUT,
                    tx -> tx.run("CREATE (:FictionalProbe {id: 'two'})").consume());
            assertThat(chain.bookmarks()).isNotEmpty().isNotEqualTo(beforeSecondWrite);
            assertThat(probes(transactions)).isEqualTo(2);
            // and the database does refuse such a bookmark: a session that starts from it fails
            try (var session = driver.session(
                    SessionConfig.builder().withBookmarks(UNKNOWN).build())) {
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
