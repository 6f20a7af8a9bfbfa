package uk.safeguarding.explorer.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * The start-up warm-up runs every statement of opening a person on the real schema without an
 * error (a parameter missing or of the wrong type would fail its step), asking about ids of nobody,
 * and writes nothing: no audit event, no node.
 */
class StartupWarmUpIT extends ExplorerIT {

    @Autowired
    StartupWarmUp warmUp;

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
}
