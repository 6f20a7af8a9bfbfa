package uk.safeguarding.explorer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.explorer.neo4j.EmbeddedNeo4j;
import uk.safeguarding.explorer.neo4j.EmbeddedProperties;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.SchemaMigrations;

/**
 * The store's person records held in memory for an extract's resolution find what the store's own
 * look-up finds (hostile review 69 wrote this test: a re-imported record moved to the end of its
 * keys' lists in memory and fell out of "the first 200" there, not in the store).
 */
class StoredRecordsIT {

    /**
     * 201 fictional stored records share the key bkNames=JN:SM (a common name in a large store). A
     * re-import of the oldest one (unchanged: same signature, same keys) is applied to the memory as
     * Resolution does after deciding it. The store still returns it among "the first 200" (index
     * order is node id order, which a re-import does not change), and so must the memory.
     */
    @Test
    void aReimportedRecordIsFoundInMemoryAsInTheStore(@TempDir Path dir) {
        try (var embedded = EmbeddedNeo4j.start(new EmbeddedProperties(dir, 0, "32m", "review-secret"))) {
            var graph = Graph.inProcess(embedded);
            new SchemaMigrations(graph).migrate();
            var rows = new ArrayList<Map<String, Object>>();
            for (int i = 0; i <= 200; i++) {
                rows.add(Map.of(
                        "localId", "r" + i,
                        "person", "p" + i,
                        "sig",
                                "John|Smith||"
                                        + java.time.LocalDate.of(1930, 1, 1).plusDays(97L * i) + "|MALE|||"));
            }
            // one after another, so that node ids rise with i
            for (var row : rows) {
                graph.inWriteTransaction(tx -> tx.run(
                                "CREATE (r:SourceRecord {source: 't', localId: $row.localId, key: 't:' + $row.localId,"
                                        + " sig: $row.sig, bkNames: 'JN:SM'})-[:RECORD_OF]->(:Person {id: $row.person})",
                                Map.of("row", row))
                        .consume());
            }
            var memory = StoredRecords.load(graph);
            assertThat(memory.size()).isEqualTo(201);
            // the extract's first batch re-imports t:r0 unchanged (Resolution.resolvePeople: memory.apply)
            memory.apply(
                    "t:r0", (String) rows.get(0).get("sig"), List.of("bkNames=JN:SM"), "p0", false, null, null, null);

            // its batch has landed: the next batch is the one in flight
            memory.nextFlight();
            var inMemory = memory.found(List.of("bkNames=JN:SM")).stream()
                    .map(Resolution.Found::key)
                    .toList();

            var query = new HashMap<String, Object>();
            query.put("source", "q");
            query.put("localId", "q1");
            query.put("newId", "q:q1");
            query.put("addressIds", List.of());
            for (var key : List.of("nhsNumber", "pncKey", "upn", "bkDob", "bkFamilyYear", "bkGivenDay")) {
                query.put(key, null);
            }
            query.put("bkNames", "JN:SM");
            var inStore = new ArrayList<String>();
            graph.read(
                            "identity/person-candidates-in-store",
                            Map.of("rows", List.of(query), "inFlight", Map.of()),
                            r -> r.get("found").asList(f -> f.get(0).asString()))
                    .forEach(inStore::addAll);

            assertThat(inStore).hasSize(200).contains("t:r0");
            assertThat(inMemory).hasSize(200);
            assertThat(inMemory).containsExactlyInAnyOrderElementsOf(inStore);
        }
    }
}
