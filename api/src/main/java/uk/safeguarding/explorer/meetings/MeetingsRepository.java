package uk.safeguarding.explorer.meetings;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;
import uk.safeguarding.explorer.cypher.CypherStatements;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.Parameters;

/** The named queries of meetings and their snapshots; access is through the services of this package. */
@Repository
class MeetingsRepository {

    private final Graph graph;

    MeetingsRepository(Graph graph) {
        this.graph = graph;
    }

    /** A member of the family over a window, with the birth day need-to-know needs. */
    record Member(String id, LocalDate dateOfBirth) {}

    /**
     * The family over the window (empty for an unknown person), without the people {@code excluded}
     * and the households they would bring in.
     */
    List<Member> familyOverWindow(String personId, LocalDate since, LocalDate asOf, Set<String> excluded) {
        return graph.read(
                "meetings/family-over-window",
                Map.of("id", personId, "since", since, "asOf", asOf, "excluded", List.copyOf(excluded)),
                r -> new Member(
                        r.get("id").asString(),
                        r.get("dateOfBirth").isNull()
                                ? null
                                : r.get("dateOfBirth").asLocalDate()));
    }

    /** One row per fact of the people in the window. */
    List<Record> familyFacts(List<String> ids, LocalDate since, LocalDate asOf) {
        return graph.read("meetings/family-facts", Map.of("ids", ids, "since", since, "asOf", asOf), r -> r);
    }

    Optional<Record> meeting(String meetingId) {
        return graph.read("meetings/meeting", Map.of("id", meetingId), r -> r).stream()
                .findFirst();
    }

    List<Record> meetingsConcerning(String personId, LocalDate asOf) {
        return graph.read("meetings/meetings-concerning", Map.of("id", personId, "asOf", asOf), r -> r);
    }

    List<PersonView> people(List<String> ids) {
        return graph.read("queries/people-by-id", Map.of("ids", ids), r -> PersonView.from(r.get("p")));
    }

    Optional<Record> snapshot(String meetingId) {
        return graph.read("meetings/snapshot", Map.of("meetingId", meetingId), r -> r).stream()
                .findFirst();
    }

    /** Keeps a snapshot; false when the meeting has gone meanwhile. */
    boolean createSnapshot(
            String meetingId,
            ZonedDateTime takenAt,
            LocalDate asOf,
            String takenBy,
            String agency,
            int format,
            String data) {
        var parameters = Parameters.with("meetingId", meetingId)
                .and("takenAt", takenAt)
                .and("asOf", asOf)
                .and("takenBy", takenBy)
                .and("takenByAgency", agency)
                .and("format", format)
                .and("data", data);
        return graph.inWriteTransaction(tx -> tx.run(CypherStatements.named("meetings/snapshot-create"), parameters)
                .hasNext());
    }
}
