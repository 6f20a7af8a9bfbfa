package uk.safeguarding.explorer.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * Observations per security filter and per GraphQL field are off (they cost time on every answer
 * and nothing reads them); one per request stays for whoever adds a metrics registry.
 */
class ObservationsIT extends ExplorerIT {

    @Autowired
    private ObservationRegistry registry;

    private boolean observed(String name) {
        var observation = Observation.start(name, registry);
        try {
            return !observation.isNoop();
        } finally {
            observation.stop();
        }
    }

    @Test
    void perFilterAndPerFieldObservationsAreOffPerRequestOnesStay() {
        assertThat(observed("spring.security.filterchains")).isFalse();
        assertThat(observed("spring.security.authorizations")).isFalse();
        assertThat(observed("graphql.datafetcher")).isFalse();
        assertThat(observed("http.server.requests")).isTrue();
        assertThat(observed("graphql.request")).isTrue();
    }
}
