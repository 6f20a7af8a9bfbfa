package uk.safeguarding.explorer.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.Http;

/**
 * An export's audit events say which day's facts the file shows: the page stamps the as-of day on
 * the PNG and the pack, and the log must carry the same day, or a reader of the log cannot tell a
 * picture of 2018 from one of today (recordExport dropped its {@code asOf}).
 */
class ExportAuditIT extends ExplorerIT {

    @BeforeEach
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    private Http.Response export(String user, String kind, List<String> ids, String asOf) {
        var variables = new LinkedHashMap<String, Object>();
        variables.put("ids", ids);
        variables.put("asOf", asOf);
        var body = Map.of(
                "query",
                "mutation($ids: [ID!]!, $asOf: Date) { recordExport(kind: " + kind
                        + ", personIds: $ids, asOf: $asOf) }",
                "variables",
                variables);
        var response = http().post("/graphql", user, JsonMapper.shared().writeValueAsString(body));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().has("errors")).as(response.json().toString()).isFalse();
        return response;
    }

    private List<String> reasons(String requestId, String operation) {
        return graph.inReadTransaction(tx -> tx.run(
                        "MATCH (a:AuditEvent {requestId: $id, operation: $operation}) "
                                + "RETURN a.subjectId + ': ' + a.reason AS line ORDER BY line",
                        Map.of("id", requestId, "operation", operation))
                .list(r -> r.get("line").asString()));
    }

    @Test
    void everyEventOfAnExportSaysTheAsOfDayOfTheFactsItShows() {
        var response = export("social-worker", "PNG", List.of("p-sara", "p-kerry"), "2018-09-26");
        assertThat(response.json().get("data").get("recordExport").asInt()).isEqualTo(2);
        assertThat(reasons(response.headers().get("x-request-id"), "export:PNG"))
                .containsExactly("p-kerry: facts as of 2018-09-26", "p-sara: facts as of 2018-09-26");
    }

    @Test
    void anExportWithoutAnAsOfDayShowsTodaysFactsAndItsEventsSaySo() {
        var response = export("meeting-chair", "PRINT_PACK", List.of("p-kyle"), null);
        var today = LocalDate.now(ZoneId.of("Europe/London"));
        assertThat(reasons(response.headers().get("x-request-id"), "export:PRINT_PACK"))
                .containsExactly("p-kyle: facts as of " + today);
    }
}
