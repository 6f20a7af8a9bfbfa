package uk.safeguarding.explorer.backup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.neo4j.driver.Record;
import uk.safeguarding.explorer.cypher.CypherStatements;
import uk.safeguarding.explorer.neo4j.Graph;

/** The Cypher of backups and restores ({@code cypher/backup/*.cypher}), over {@link Graph}. */
class BackupRepository {

    /** A backup reads the whole graph in one go; restores write large batches. */
    static final Duration LONG = Duration.ofHours(6);

    private final Graph graph;

    BackupRepository(Graph graph) {
        this.graph = graph;
    }

    long auditHead() {
        return graph.inReadTransaction(tx -> Graph.read(
                        tx, "backup/audit-head", Map.of(), r -> r.get("seq").asLong())
                .get(0));
    }

    /**
     * Streams every node (then, with {@code relationships}, every relationship) to the sink in one
     * read transaction. {@code restart} runs first at every attempt, so a retried transaction does
     * not write a record twice.
     */
    void stream(String name, long auditSeq, Runnable restart, Consumer<Record> sink) {
        var query = CypherStatements.named(name);
        graph.inReadTransaction(LONG, tx -> {
            restart.run();
            var result = tx.run(query, Map.of("seq", auditSeq));
            while (result.hasNext()) {
                sink.accept(result.next());
            }
            return null;
        });
    }

    void prepareRestore() {
        graph.inWriteTransaction(
                LONG,
                tx -> tx.run(CypherStatements.named("backup/restore-index")).consume());
        graph.inWriteTransaction(
                LONG,
                tx -> tx.run(CypherStatements.named("backup/restore-await-index"))
                        .consume());
    }

    void createNodes(List<Map<String, Object>> rows) {
        graph.inWriteTransaction(
                LONG,
                tx -> tx.run(CypherStatements.named("backup/restore-nodes"), Map.of("rows", rows))
                        .consume());
    }

    void createRelationships(List<Map<String, Object>> rows) {
        graph.inWriteTransaction(
                LONG,
                tx -> tx.run(CypherStatements.named("backup/restore-relationships"), Map.of("rows", rows))
                        .consume());
    }

    void finishRestore(int batch) {
        long done;
        do {
            done = graph.inWriteTransaction(
                    LONG,
                    tx -> tx.run(CypherStatements.named("backup/restore-finish"), Map.of("batch", batch))
                            .single()
                            .get("done")
                            .asLong());
        } while (done > 0);
        graph.inWriteTransaction(
                LONG,
                tx -> tx.run(CypherStatements.named("backup/restore-drop-index"))
                        .consume());
    }

    /** {@code backup/count-nodes} or {@code backup/count-relationships}. */
    long count(String name) {
        return graph.inReadTransaction(
                LONG,
                tx -> Graph.read(tx, name, Map.of(), r -> r.get("c").asLong()).get(0));
    }

    /**
     * Rebuilds the audit chain's head from the last event restored (a backup leaves the head out),
     * unsigned; returns its place and hash.
     */
    Map.Entry<Long, String> rebuildAuditHead() {
        return graph.inWriteTransaction(
                LONG,
                tx -> Graph.read(
                                tx,
                                "backup/restore-audit-head",
                                Map.of(),
                                r -> Map.entry(
                                        r.get("seq").asLong(), r.get("hash").asString()))
                        .get(0));
    }

    /** Signs the rebuilt head. */
    void signAuditHead(String signature) {
        graph.inWriteTransaction(
                LONG,
                tx -> tx.run(CypherStatements.named("audit/sign-head"), Map.of("signature", signature))
                        .consume());
    }
}
