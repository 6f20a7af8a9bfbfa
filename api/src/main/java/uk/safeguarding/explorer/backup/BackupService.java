package uk.safeguarding.explorer.backup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.JsonNodeFactory;
import uk.safeguarding.explorer.audit.AuditLog;
import uk.safeguarding.explorer.neo4j.EmbeddedProperties;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.Neo4jProperties;
import uk.safeguarding.explorer.security.NeedToKnow;

/**
 * Online backup of the whole graph, audit log included, while the explorer keeps serving. Every
 * node and relationship is exported generically (all labels, all properties), so labels added
 * later are included without a change here.
 *
 * <p>Consistency: Neo4j's read transactions are read-committed, not snapshots, so the backup holds
 * the application's {@link uk.safeguarding.explorer.neo4j.WriteBarrier} while it reads: data writes
 * (imports, recordings, break-glass grants) wait until it ends, reads go on. The audit log is
 * append-only and must not wait (every read appends before it answers), so the backup reads the
 * chain's head first and keeps exactly the events up to it: the backup is the graph as it was at
 * that moment. With several explorer instances on one external server the barrier holds only in
 * this one: use Neo4j's own backup there (README).
 *
 * <p>With the embedded database, the regular files at the top of {@code EXPLORER_DATA_DIR} (such as
 * a key the audit log's checkpoints are signed with) go into the backup too, so a restore carries
 * everything the data directory needs.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class BackupService {

    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** What a backup wrote: the file, the audit head it kept, and its counts. */
    public record Result(Path file, long auditSeq, long nodes, long relationships, int files) {}

    private final Graph graph;
    private final BackupRepository repository;
    private final AuditLog audit;
    private final NeedToKnow needToKnow;
    private final Path directory;
    private final Path dataDir;
    private final Clock clock;

    BackupService(
            Graph graph,
            AuditLog audit,
            NeedToKnow needToKnow,
            @Value("${explorer.backup-dir:./backups}") Path directory,
            EmbeddedProperties embedded,
            Neo4jProperties neo4j,
            Clock clock) {
        this.graph = graph;
        this.repository = new BackupRepository(graph);
        this.audit = audit;
        this.needToKnow = needToKnow;
        this.directory = directory.toAbsolutePath().normalize();
        this.dataDir =
                neo4j.external() ? null : embedded.dataDir().toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** Writes a backup into {@code EXPLORER_BACKUP_DIR}; audited before it reads anything. */
    public Result backup() {
        return backup(() -> {});
    }

    /** As {@link #backup()}; {@code midway} runs between nodes and relationships, the barrier held (tests). */
    Result backup(Runnable midway) {
        var at = Instant.now(clock);
        var file = directory.resolve("explorer-backup-" + NAME.format(at) + ".jsonl.gz");
        audit.record(needToKnow.actor(), "backup", List.of(), List.of(), "backup to " + file);
        try {
            Files.createDirectories(directory);
            var result = graph.barrier().exclusive(() -> write(file, at, midway));
            LOG.info(
                    "Backup written to {}: {} nodes, {} relationships, audit log up to event {}",
                    file,
                    result.nodes(),
                    result.relationships(),
                    result.auditSeq());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write the backup into " + directory + " (set EXPLORER_BACKUP_DIR to a writable directory)",
                    e);
        }
    }

    private Result write(Path file, Instant at, Runnable midway) {
        var seq = repository.auditHead();
        var nodesPart = file.resolveSibling(file.getFileName() + ".nodes.part");
        var relationshipsPart = file.resolveSibling(file.getFileName() + ".relationships.part");
        var partial = file.resolveSibling(file.getFileName() + ".partial");
        try (var nodes = new PartFile(nodesPart);
                var relationships = new PartFile(relationshipsPart)) {
            repository.stream("backup/nodes", seq, nodes::restart, r -> {
                var line = JsonNodeFactory.instance.objectNode();
                line.put("n", r.get("id").asString());
                var labels = line.putArray("labels");
                r.get("labels").values().forEach(l -> labels.add(l.asString()));
                line.set("props", BackupFormat.props(r.get("props")));
                nodes.write(line.toString());
            });
            midway.run();
            repository.stream("backup/relationships", seq, relationships::restart, r -> {
                var line = JsonNodeFactory.instance.objectNode();
                line.putArray("r")
                        .add(r.get("start").asString())
                        .add(r.get("end").asString());
                line.put("type", r.get("type").asString());
                line.set("props", BackupFormat.props(r.get("props")));
                relationships.write(line.toString());
            });
            nodes.close();
            relationships.close();
            int files;
            try (var out = new BufferedWriter(new OutputStreamWriter(
                    new GZIPOutputStream(Files.newOutputStream(partial)), StandardCharsets.UTF_8))) {
                var header = JsonNodeFactory.instance
                        .objectNode()
                        .put("format", BackupFormat.FORMAT)
                        .put("version", BackupFormat.VERSION)
                        .put("createdAt", at.toString())
                        .put("auditSeq", seq);
                out.write(header.toString());
                out.newLine();
                copy(nodesPart, out);
                copy(relationshipsPart, out);
                files = dataFiles(out);
                var trailer = JsonNodeFactory.instance
                        .objectNode()
                        .put("end", true)
                        .put("nodes", nodes.lines)
                        .put("relationships", relationships.lines)
                        .put("files", files);
                out.write(trailer.toString());
                out.newLine();
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return new Result(file, seq, nodes.lines, relationships.lines, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(nodesPart);
            deleteQuietly(relationshipsPart);
            deleteQuietly(partial);
        }
    }

    private int dataFiles(BufferedWriter out) throws IOException {
        if (dataDir == null || !Files.isDirectory(dataDir)) {
            return 0;
        }
        int count = 0;
        try (var entries = Files.list(dataDir)) {
            for (var path : entries.filter(Files::isRegularFile).sorted().toList()) {
                var line = JsonNodeFactory.instance
                        .objectNode()
                        .put("file", path.getFileName().toString())
                        .put("base64", Base64.getEncoder().encodeToString(Files.readAllBytes(path)));
                out.write(line.toString());
                out.newLine();
                count++;
            }
        }
        return count;
    }

    private static void copy(Path part, BufferedWriter out) throws IOException {
        try (var lines = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
            lines.transferTo(out);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", path);
        }
    }

    /** One phase's lines, started afresh when a read transaction is retried. */
    private static final class PartFile implements AutoCloseable {

        private final Path path;
        private BufferedWriter writer;
        long lines;

        PartFile(Path path) {
            this.path = path;
        }

        void restart() {
            try {
                close();
                writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                lines = 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void write(String line) {
            try {
                writer.write(line);
                writer.newLine();
                lines++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            if (writer != null) {
                writer.close();
                writer = null;
            }
        }
    }
}
