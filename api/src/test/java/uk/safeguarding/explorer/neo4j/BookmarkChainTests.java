package uk.safeguarding.explorer.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.TransientException;
import uk.safeguarding.explorer.neo4j.DriverTransactions.Chain;

/**
 * What the bookmark chain does when the database refuses the bookmarks a unit of work started from
 * (the attempts are scripted here; DriverTransactionsIT runs the chain against a real database).
 */
class BookmarkChainTests {

    private static final Bookmark OLD = Bookmark.from("old");
    private static final Bookmark OTHER = Bookmark.from("other");
    private static final Bookmark NEW = Bookmark.from("new");
    private static final String TIMED_OUT = "Neo.TransientError.Transaction.BookmarkTimeout";

    /** One attempt as the work saw it: the bookmarks it started from, and whether on the leader. */
    private record Tried(Set<Bookmark> from, boolean onLeader) {}

    /** Attempts that fail with the given errors in turn (null: succeed, ending with NEW). */
    private static class Script implements Chain.Attempt<String> {

        final List<Tried> tried = new ArrayList<>();
        private final List<Neo4jException> failures;

        Script(Neo4jException... failures) {
            this.failures = new ArrayList<>(java.util.Arrays.asList(failures));
        }

        @Override
        public Chain.Done<String> run(Set<Bookmark> from, boolean onLeader) {
            tried.add(new Tried(from, onLeader));
            var failure = failures.isEmpty() ? null : failures.remove(0);
            if (failure != null) {
                throw failure;
            }
            return new Chain.Done<>("answer", Set.of(NEW));
        }
    }

    private static Chain chainHolding(Bookmark... bookmarks) {
        var chain = new Chain();
        chain.add(Set.of(bookmarks));
        return chain;
    }

    @Test
    void aUnitOfWorkStartsFromTheChainAndReplacesWhatItStartedFromWithWhatItEndedWith() {
        var chain = chainHolding(OLD);
        var script = new Script();
        assertThat(chain.run(true, script)).isEqualTo("answer");
        assertThat(script.tried).containsExactly(new Tried(Set.of(OLD), false));
        assertThat(chain.bookmarks()).containsExactly(NEW);
    }

    @Test
    void aReadABehindMemberRefusesInTimeRunsOnceMoreOnTheLeaderFromTheSameBookmarks() {
        var chain = chainHolding(OLD);
        var script = new Script(new TransientException(TIMED_OUT, "not caught up"));
        assertThat(chain.run(true, script)).isEqualTo("answer");
        assertThat(script.tried).containsExactly(new Tried(Set.of(OLD), false), new Tried(Set.of(OLD), true));
        assertThat(chain.bookmarks()).containsExactly(NEW);
        assertThat(chain.forgotten()).isZero();
    }

    @Test
    void bookmarksEvenTheLeaderCannotReachAreForgottenAndTheWorkRunsFromTheRest() {
        var chain = chainHolding(OLD);
        // another unit of work ends meanwhile, with a bookmark of its own
        var script = new Script(new TransientException(TIMED_OUT, "not caught up"), null) {
            @Override
            public Chain.Done<String> run(Set<Bookmark> from, boolean onLeader) {
                if (onLeader) {
                    chain.add(Set.of(OTHER));
                    tried.add(new Tried(from, true));
                    throw new TransientException(TIMED_OUT, "restored to an earlier point");
                }
                return super.run(from, onLeader);
            }
        };
        assertThat(chain.run(true, script)).isEqualTo("answer");
        assertThat(script.tried)
                .containsExactly(
                        new Tried(Set.of(OLD), false), new Tried(Set.of(OLD), true), new Tried(Set.of(OTHER), false));
        assertThat(chain.bookmarks()).containsExactly(NEW);
        assertThat(chain.forgotten()).isEqualTo(1);
    }

    @Test
    void anInvalidBookmarkIsForgottenAndAWriteRefusedInTimeRunsOnceMoreWithoutIt() {
        var chain = chainHolding(OLD);
        var invalid = new Script(new ClientException("Neo.ClientError.Transaction.InvalidBookmark", "cannot read"));
        assertThat(chain.run(true, invalid)).isEqualTo("answer");
        assertThat(invalid.tried).containsExactly(new Tried(Set.of(OLD), false), new Tried(Set.of(), false));

        var write = chainHolding(OLD);
        var timedOut = new Script(new TransientException(TIMED_OUT, "restored"));
        assertThat(write.run(false, timedOut)).isEqualTo("answer");
        // a write already runs on the leader: it is not tried there again
        assertThat(timedOut.tried).containsExactly(new Tried(Set.of(OLD), false), new Tried(Set.of(), false));
        assertThat(write.bookmarks()).containsExactly(NEW);
    }

    @Test
    void anyOtherFailureIsThrownAsItCameAndTheChainKeptAsItWas() {
        var chain = chainHolding(OLD);
        var failure = new ClientException("Neo.ClientError.Statement.SyntaxError", "fictional");
        var script = new Script(failure);
        assertThatThrownBy(() -> chain.run(true, script)).isSameAs(failure);
        assertThat(script.tried).hasSize(1);
        assertThat(chain.bookmarks()).containsExactly(OLD);
        // and a read the leader refuses for another reason is not run a third time
        var leaderFails = new Script(
                new TransientException(TIMED_OUT, "not caught up"),
                new TransientException("Neo.TransientError.General.DatabaseUnavailable", "fictional"));
        assertThatThrownBy(() -> chain.run(true, leaderFails)).isInstanceOf(TransientException.class);
        assertThat(leaderFails.tried).hasSize(2);
        assertThat(chain.bookmarks()).containsExactly(OLD);
    }
}
