package uk.safeguarding.explorer.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.support.ExplorerIT;

/**
 * With {@code EXPLORER_SERVER_TIMING} on (as in this suite and the benchmark), every answer says where
 * its time went: need-to-know, the answer's reads, the audit append and commit, and the application's
 * whole time, which holds the three.
 */
class ServerTimingIT extends ExplorerIT {

    private static final Pattern ENTRY = Pattern.compile("(\\w+);desc=\"[^\"]*\";dur=([0-9.]+)");

    @BeforeEach
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    private static Map<String, Double> phases(String header) {
        assertThat(header).as("Server-Timing header").isNotNull();
        var phases = new LinkedHashMap<String, Double>();
        var m = ENTRY.matcher(header);
        while (m.find()) {
            phases.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return phases;
    }

    @Test
    void aGraphQlAnswerSaysHowLongNeedToKnowTheReadsAndTheAuditTook() {
        var body = JsonMapper.shared()
                .writeValueAsString(Map.of(
                        "query", "{ siblingsAtRisk(personId: \"p-mia\", asOf: \"2018-09-26\") { child { id } } }"));
        var response = http().post("/graphql", "social-worker", body);
        assertThat(response.status()).isEqualTo(200);
        var phases = phases(response.headers().get("server-timing"));
        assertThat(phases.keySet()).containsExactly("ntk", "db", "audit", "app");
        assertThat(phases.get("ntk")).as("need-to-know ran").isPositive();
        assertThat(phases.get("db")).as("the answer was read").isPositive();
        assertThat(phases.get("audit")).as("the answer's events were appended").isPositive();
        assertThat(phases.get("app"))
                .as("the whole holds its parts, which never overlap")
                .isGreaterThanOrEqualTo(phases.get("ntk") + phases.get("db") + phases.get("audit"));
    }

    @Test
    void aQueryThatTouchesNobodyHasNoAuditTime() {
        var body = JsonMapper.shared().writeValueAsString(Map.of("query", "{ __typename }"));
        var response = http().post("/graphql", "social-worker", body);
        assertThat(response.status()).isEqualTo(200);
        var phases = phases(response.headers().get("server-timing"));
        assertThat(phases.get("audit")).isZero();
        assertThat(phases.get("ntk")).isZero();
        assertThat(phases.get("app")).isPositive();
    }
}
