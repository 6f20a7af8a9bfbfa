package uk.safeguarding.explorer.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.faults.FairUse.Cost;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * One user runs at most two expensive questions at once; a third is refused at once with
 * TOO_MANY_REQUESTS and a retry hint, while other users and ordinary questions go on. The two
 * running questions are held by the test on a latch, so nothing depends on timing.
 */
class FairUseIT extends ExplorerIT {

    private static final String USER = "social-worker";
    private static final String MESSAGE = "You already have 2 large questions running (area-wide risk flags, "
            + "three-hop networks or six-hop connections); wait for one to finish and try again in 5 seconds";

    @Autowired
    private FairUse fairUse;

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final List<Future<Object>> held = new ArrayList<>();

    @BeforeEach
    void twoExpensiveQuestionsOfTheSocialWorkerRun() {
        cleanDatabase();
        importScenario();
        for (int i = 0; i < 2; i++) {
            held.add(pool.submit(() -> {
                SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(USER, null, List.of()));
                return fairUse.run(Cost.EXPENSIVE, () -> {
                    try {
                        return release.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                });
            }));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> fairUse.running(USER) == 2);
    }

    @AfterEach
    void release() throws Exception {
        release.countDown();
        for (var question : held) {
            question.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    private JsonNode ask(String user, String document) {
        return http().graphql(user, document);
    }

    private static String classification(JsonNode answer) {
        return answer.get("errors") == null
                ? "none"
                : answer.get("errors")
                        .get(0)
                        .get("extensions")
                        .get("classification")
                        .asString();
    }

    @Test
    void aThirdExpensiveQuestionOfTheSameUserIsRefusedWithARetryHint() {
        for (var document : List.of(
                "{ network(personId: \"p-sara\", depth: 3, asOf: \"2018-09-26\") { truncated } }",
                "{ connection(fromId: \"p-jack\", toId: \"p-sara\", maxHops: 6, asOf: \"2018-09-26\") { length } }",
                "{ riskFlags(asOf: \"2018-09-26\") { rule } }")) {
            var answer = ask(USER, document);
            assertThat(classification(answer)).as(document).isEqualTo("TOO_MANY_REQUESTS");
            var error = answer.get("errors").get(0);
            assertThat(error.get("message").asString()).isEqualTo(MESSAGE);
            assertThat(error.get("extensions").get("retryAfterSeconds").asInt()).isEqualTo(5);
        }
        assertThat(fairUse.running(USER)).isEqualTo(2);
    }

    @Test
    void otherUsersAndOrdinaryQuestionsGoOnWhileOneUserIsAtTheLimit() {
        assertThat(classification(ask(
                        "admin", "{ network(personId: \"p-sara\", depth: 3, asOf: \"2018-09-26\") { truncated } }")))
                .isEqualTo("none");
        assertThat(classification(ask("admin", "{ riskFlags(asOf: \"2018-09-26\") { rule } }")))
                .isEqualTo("none");
        assertThat(classification(
                        ask(USER, "{ network(personId: \"p-sara\", depth: 2, asOf: \"2018-09-26\") { truncated } }")))
                .isEqualTo("none");
        assertThat(
                        classification(
                                ask(
                                        USER,
                                        "{ connection(fromId: \"p-jack\", toId: \"p-sara\", maxHops: 5, asOf: \"2018-09-26\") { length } }")))
                .isEqualTo("none");
    }

    @Test
    void whenOneOfTheRunningQuestionsEndsTheUserMayAskAgain() throws Exception {
        release.countDown();
        for (var question : held) {
            question.get(1, TimeUnit.MINUTES);
        }
        assertThat(fairUse.running(USER)).isZero();
        assertThat(classification(
                        ask(USER, "{ network(personId: \"p-sara\", depth: 3, asOf: \"2018-09-26\") { truncated } }")))
                .isEqualTo("none");
    }
}
