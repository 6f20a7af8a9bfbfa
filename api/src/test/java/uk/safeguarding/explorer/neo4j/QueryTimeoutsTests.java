package uk.safeguarding.explorer.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.errors.QueryTimeoutException;

/** The timeouts' rules: the backstop, and the words a timed-out user reads. */
class QueryTimeoutsTests {

    @Test
    void theBackstopIsTwiceTheAreaTimeoutAndNeverUnderTwoMinutes() {
        assertThat(QueryTimeouts.DEFAULTS.backstop()).isEqualTo(Duration.ofMinutes(2));
        assertThat(new QueryTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)).backstop())
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(new QueryTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(5)).backstop())
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aTimeoutThatIsNotPositiveStopsTheStart() {
        assertThatThrownBy(() -> new QueryTimeouts(Duration.ZERO, Duration.ofSeconds(60)))
                .hasMessageContaining("EXPLORER_QUERY_TIMEOUT");
    }

    @Test
    void theSentenceSaysHowLongTheQuestionWasAllowed() {
        assertThat(QueryTimeoutException.words(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(QueryTimeoutException.words(Duration.ofMillis(1_500))).isEqualTo("1.5 s");
        assertThat(QueryTimeoutException.words(Duration.ofMillis(300))).isEqualTo("300 ms");
        assertThat(new QueryTimeoutException(Duration.ofSeconds(60), null).getMessage())
                .isEqualTo("The question took longer than the 60 s allowed and was stopped; nothing was changed. Ask a "
                        + "narrower question (one person, fewer hops, a shorter period) or try again later");
        assertThat(new QueryTimeoutException(null, null).getMessage())
                .startsWith("The question took longer than the database allows and was stopped");
    }
}
