package uk.safeguarding.explorer.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Status;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.QueryTimeouts;
import uk.safeguarding.explorer.risk.rules.RiskRules;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * The start-up warm-up runs every statement of opening a person on the real schema without an
 * error (a parameter missing or of the wrong type would fail its step), asking about ids of nobody,
 * and writes nothing: no audit event, no node.
 */
class StartupWarmUpIT extends ExplorerIT {

    @Autowired
    StartupWarmUp warmUp;

    @Autowired
    Graph graph;

    @Autowired
    NeedToKnow needToKnow;

    @Autowired
    RiskRules riskRules;

    @Autowired
    Clock clock;

    @Autowired
    HealthEndpointGroups healthGroups;

    @Autowired
    Driver driver;

    @Autowired
    QueryTimeouts timeouts;

    @Test
    void everyStepRunsAndNothingIsWrittenOrAudited() {
        cleanDatabase();
        importScenario();
        var events = count("MATCH (a:AuditEvent) RETURN count(a)");
        var nodes = count("MATCH (n) RETURN count(n)");
        var relationships = count("MATCH ()-[r]->() RETURN count(r)");
        var report = warmUp.run();
        assertThat(report.failed()).isEmpty();
        assertThat(report.done())
                .containsExactly("need-to-know", "risk rules", "network", "siblings", "people", "person");
        assertThat(count("MATCH (a:AuditEvent) RETURN count(a)")).isEqualTo(events);
        assertThat(count("MATCH (n) RETURN count(n)")).isEqualTo(nodes);
        assertThat(count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships);
    }

    @Test
    void anEmptyStoreIsWarmedAlike() {
        cleanDatabase();
        var report = warmUp.run();
        assertThat(report.failed()).isEmpty();
        assertThat(report.done()).hasSize(6);
    }

    @Test
    void itsHealthIsWarmingUpUntilItHasRunThenUp() {
        cleanDatabase();
        var ownWarmUp = new StartupWarmUp(graph, needToKnow, riskRules, clock, true);
        var health = new PlanWarmUpHealthIndicator(ownWarmUp);
        assertThat(ownWarmUp.state()).isEqualTo(StartupWarmUp.State.PENDING);
        assertThat(health.health().getStatus()).isEqualTo(PlanWarmUpHealthIndicator.WARMING_UP);
        ownWarmUp.start();
        await().atMost(Duration.ofMinutes(5)).until(() -> ownWarmUp.state() == StartupWarmUp.State.DONE);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("state", "DONE");
    }

    /**
     * A question asked while the warm-up plans is planned beside it, slowly, and was stopped at the
     * ordinary timeout on a busy machine just after the start (the README's first request). While it
     * runs every read gets the area-wide timeout, and the ordinary one again once it has finished. An
     * uncommitted schema change on Person holds the warm-up in its first step (its reads wait for the
     * label's lock), so that it is seen running whatever the machine's speed.
     */
    @Test
    void whileItPlansEveryReadGetsTheAreaTimeoutAndTheOrdinaryOneAfter() {
        cleanDatabase();
        assertThat(graph.readTimeout()).isEqualTo(timeouts.queryTimeout());
        assertThat(timeouts.areaQueryTimeout()).isGreaterThan(timeouts.queryTimeout());
        var ownWarmUp = new StartupWarmUp(graph, needToKnow, riskRules, clock, true);
        try (var session = driver.session();
                var lock = session.beginTransaction(TransactionConfig.builder()
                        .withTimeout(Duration.ofMinutes(5))
                        .build())) {
            lock.run("CREATE INDEX warm_up_lock_person IF NOT EXISTS FOR (n:Person) ON (n.warmUpLock)")
                    .consume();
            ownWarmUp.start();
            assertThat(ownWarmUp.state()).isEqualTo(StartupWarmUp.State.RUNNING);
            assertThat(graph.readTimeout()).isEqualTo(timeouts.areaQueryTimeout());
            lock.rollback();
        }
        await().atMost(Duration.ofMinutes(5)).until(() -> ownWarmUp.state() == StartupWarmUp.State.DONE);
        assertThat(graph.readTimeout()).isEqualTo(timeouts.queryTimeout());
    }

    @Test
    void theWarmUpGroupAnswers503WhileWarmingAndTheOverallHealthIgnoresIt() {
        var group = healthGroups.get("warm-up");
        assertThat(group.isMember("planWarmUp")).isTrue();
        assertThat(group.getStatusAggregator().getAggregateStatus(Set.of(PlanWarmUpHealthIndicator.WARMING_UP)))
                .isEqualTo(PlanWarmUpHealthIndicator.WARMING_UP);
        assertThat(group.getHttpCodeStatusMapper().getStatusCode(PlanWarmUpHealthIndicator.WARMING_UP))
                .isEqualTo(503);
        // answered anonymously: the status alone, no sentence about what the instance is doing
        assertThat(PlanWarmUpHealthIndicator.WARMING_UP.getDescription()).isEmpty();
        // the explorer answers while it warms up: neither the overall health nor readiness wait for it
        for (var other : List.of(healthGroups.getPrimary(), healthGroups.get("readiness"))) {
            assertThat(other.getStatusAggregator()
                            .getAggregateStatus(Set.of(Status.UP, PlanWarmUpHealthIndicator.WARMING_UP)))
                    .isEqualTo(Status.UP);
        }
        assertThat(healthGroups.get("readiness").isMember("planWarmUp")).isFalse();
    }

    @Test
    void theWarmUpGroupAnswersAnonymouslyWithStatusOnly() {
        // the tests turn the warm-up off: nothing to wait for
        assertThat(warmUp.state()).isEqualTo(StartupWarmUp.State.OFF);
        var answer = http().get("/actuator/health/warm-up", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(http().get("/actuator/health", null).status()).isEqualTo(200);
    }
}
