package uk.safeguarding.explorer.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.summary.ProfiledPlan;
import uk.safeguarding.explorer.neo4j.EmbeddedNeo4j;
import uk.safeguarding.explorer.neo4j.EmbeddedProperties;

class TmpWriteProbeIT {

    @Test
    void probe() throws Exception {
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 5000; i++) {
            var fields = new HashMap<String, Object>();
            fields.put("givenName", "Probe");
            fields.put("familyName", "Person" + i);
            fields.put("sig", "x" + i);
            var personFields = new HashMap<String, Object>();
            personFields.put("givenName", "Probe");
            personFields.put("familyName", "Person" + i);
            var row = new HashMap<String, Object>();
            row.put("source", "probe");
            row.put("localId", "X" + i);
            row.put("key", "probe:X" + i);
            row.put("personId", "probe-p-" + i);
            row.put("fields", fields);
            row.put("personFields", personFields);
            row.put("name", "Probe Person" + i);
            row.put("linkedBy", "NEW");
            row.put("evidence", List.of());
            rows.add(row);
        }
        try (var server = EmbeddedNeo4j.start(
                        new EmbeddedProperties(Path.of("/work/eval/s47d"), 0, "2g", "probe-secret"));
                var driver = GraphDatabase.driver(
                        "bolt://127.0.0.1:" + server.boltPort(), AuthTokens.basic("neo4j", "probe-secret"))) {
            try (var session = driver.session()) {
                System.out.println("PROBE pending "
                        + session.run("MATCH (m:MatchCandidate {status: 'PENDING'}) RETURN count(m) AS n")
                                .single()
                                .get("n"));
            }
            for (int round = 0; round < 3; round++) {
                for (var f : new String[] {"/tmp/wpr-old.cypher", "/tmp/wpr-new.cypher"}) {
                    var text = Files.readString(Path.of(f));
                    try (var session = driver.session();
                            var tx = session.beginTransaction()) {
                        var started = System.nanoTime();
                        var summary = tx.run("PROFILE " + text, Map.of("rows", rows, "now", ZonedDateTime.now()))
                                .consume();
                        var ms = (System.nanoTime() - started) / 1_000_000;
                        System.out.println("PROBE " + f + " round " + round + ": " + ms + " ms, db hits "
                                + hits(summary.profile()));
                        tx.rollback();
                    }
                }
            }
        }
    }

    private static long hits(ProfiledPlan plan) {
        long total = plan.dbHits();
        for (var c : plan.children()) {
            total += hits(c);
        }
        return total;
    }
}
