package uk.safeguarding.explorer.backup;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.audit.AuditKey;
import uk.safeguarding.explorer.neo4j.EmbeddedNeo4j;
import uk.safeguarding.explorer.neo4j.EmbeddedProperties;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.Neo4jProperties;
import uk.safeguarding.explorer.neo4j.SchemaMigrations;

/**
 * {@code java -jar safeguarding-explorer.jar restore --from FILE}: restores a backup of
 * {@code POST /api/backup} into an empty {@code EXPLORER_DATA_DIR} (or {@code --explorer.data-dir=}),
 * refusing a directory that holds anything. It checks the whole file first (format, version,
 * complete to its trailer), then starts the embedded database there, applies this version's schema
 * migrations, writes every node and relationship in batches, puts back the data directory's files,
 * checks the counts and shuts the database down cleanly. The explorer then starts on it as usual.
 */
public final class RestoreCommand {

    private static final int BATCH = 5_000;

    private final PrintStream out;
    private final PrintStream err;

    RestoreCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command; returns the process exit code (0 restored, 2 refused, 1 failed). */
    public static int run(String[] args) {
        return new RestoreCommand(System.out, System.err).execute(args);
    }

    int execute(String[] args) {
        String from = null;
        var springArgs = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            if ("--from".equals(args[i]) && i + 1 < args.length) {
                from = args[++i];
            } else if (args[i].startsWith("--from=")) {
                from = args[i].substring("--from=".length());
            } else {
                springArgs.add(args[i]);
            }
        }
        if (from == null) {
            err.println("Usage: java -jar safeguarding-explorer.jar restore --from BACKUP_FILE "
                    + "(into the empty directory EXPLORER_DATA_DIR, default ./data)");
            return 2;
        }
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SimpleCommandLinePropertySource(springArgs.toArray(String[]::new)));
        var binder = Binder.get(environment);
        var neo4j = binder.bindOrCreate("neo4j", Neo4jProperties.class);
        if (neo4j.external()) {
            err.println("NEO4J_URI is set: restore writes into the embedded database only. For an external server "
                    + "use neo4j-admin database load (see the README, \"Backup and restore\").");
            return 2;
        }
        var embedded = binder.bindOrCreate("explorer", EmbeddedProperties.class);
        var dataDir = embedded.dataDir().toAbsolutePath().normalize();
        var file = Path.of(from).toAbsolutePath().normalize();
        try {
            if (!Files.isRegularFile(file)) {
                err.println("No backup file " + file);
                return 2;
            }
            if (Files.exists(dataDir) && (!Files.isDirectory(dataDir) || !empty(dataDir))) {
                err.println("EXPLORER_DATA_DIR " + dataDir + " is not empty: restore only into an empty directory "
                        + "(move the old one aside, or point EXPLORER_DATA_DIR at a new one). Nothing was changed.");
                return 2;
            }
            var checked = check(file);
            var key = AuditKey.forRestore(
                    binder.bind("explorer.audit.key", String.class).orElse(null),
                    checked.audit().keyFile());
            var refusal = keyRefusal(key, checked.audit());
            if (refusal != null) {
                err.println(refusal + " Nothing was changed.");
                return 2;
            }
            restore(file, dataDir, embedded, checked.counts(), key);
            return 0;
        } catch (BadBackupException e) {
            err.println(file + " is not a usable backup: " + e.getMessage() + ". Nothing was changed.");
            return 2;
        } catch (RuntimeException | IOException e) {
            err.println("The restore into " + dataDir + " failed: " + e.getMessage()
                    + ". Delete that directory before trying again.");
            return 1;
        }
    }

    private static boolean empty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** The counts a backup's trailer promises, checked against its lines. */
    record Counts(long nodes, long relationships, long files) {}

    /** What the backup holds of its audit log: its newest signed checkpoint and its audit.key (each or null). */
    private record Audit(Map<String, Object> newestCheckpoint, String keyFile) {}

    /** What a check of the backup found: its counts, and what it holds of its audit log. */
    private record Checked(Counts counts, Audit audit) {}

    private static final class BadBackupException extends Exception {
        BadBackupException(String message) {
            super(message);
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        return new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8));
    }

    /** Reads the whole file once: header, lines, trailer; nothing is written before it passes. */
    private static Checked check(Path file) throws IOException, BadBackupException {
        long nodes = 0;
        long relationships = 0;
        long files = 0;
        JsonNode trailer = null;
        Map<String, Object> checkpoint = null;
        String keyFile = null;
        try (var in = open(file)) {
            var header = parse(in.readLine(), 1);
            if (header == null
                    || !BackupFormat.FORMAT.equals(header.path("format").asString(""))) {
                throw new BadBackupException("it does not start with the header of an explorer backup");
            }
            if (header.path("version").asInt(0) != BackupFormat.VERSION) {
                throw new BadBackupException("it is of format version "
                        + header.path("version").asInt(0) + ", this explorer reads version " + BackupFormat.VERSION);
            }
            String text;
            long number = 1;
            while ((text = in.readLine()) != null) {
                number++;
                if (trailer != null) {
                    throw new BadBackupException("line " + number + " follows the trailer");
                }
                var line = parse(text, number);
                if (line.has("n")) {
                    nodes++;
                    if (BackupFormat.strings(line.get("labels")).contains("AuditCheckpoint")) {
                        var props = BackupFormat.parameters(line.get("props"));
                        if (checkpoint == null || (Long) props.get("seq") > (Long) checkpoint.get("seq")) {
                            checkpoint = props;
                        }
                    }
                } else if (line.has("r")) {
                    relationships++;
                } else if (line.has("file")) {
                    files++;
                    if (AuditKey.FILE.equals(
                            Path.of(line.get("file").asString()).getFileName().toString())) {
                        keyFile = new String(
                                Base64.getDecoder().decode(line.get("base64").asString()), StandardCharsets.UTF_8);
                    }
                } else if (line.has("end")) {
                    trailer = line;
                } else {
                    throw new BadBackupException("line " + number + " is neither a node, a relationship nor a file");
                }
            }
        } catch (EOFException | ZipException e) {
            throw new BadBackupException("it is cut off or damaged (" + e.getMessage() + ")");
        }
        if (trailer == null) {
            throw new BadBackupException("it is cut off (no trailer)");
        }
        var promised = new Counts(
                trailer.path("nodes").asLong(-1),
                trailer.path("relationships").asLong(-1),
                trailer.path("files").asLong(-1));
        if (!promised.equals(new Counts(nodes, relationships, files))) {
            throw new BadBackupException("it holds " + nodes + " nodes, " + relationships + " relationships and "
                    + files + " files but its trailer promises " + promised);
        }
        return new Checked(promised, new Audit(checkpoint, keyFile));
    }

    private static JsonNode parse(String text, long number) throws BadBackupException {
        if (text == null) {
            return null;
        }
        try {
            return JsonMapper.shared().readTree(text);
        } catch (JacksonException e) {
            throw new BadBackupException("line " + number + " is not JSON");
        }
    }

    /**
     * Why the key may not sign the restored log's head, or null: it must be the key that signed the
     * log's newest checkpoint, or the head it signs would vouch for a log its checkpoints do not (and
     * a log restored with a wrong key would seem signed until its next full check).
     */
    private static String keyRefusal(Optional<AuditKey> key, Audit audit) {
        var c = audit.newestCheckpoint();
        if (key.isEmpty() || c == null) {
            return null;
        }
        var seq = (Long) c.get("seq");
        if (key.get()
                .signedCheckpoint(
                        seq, (String) c.get("hash"), (ZonedDateTime) c.get("at"), (String) c.get("kind"), (String)
                                c.get("signature"))) {
            return null;
        }
        return "The audit key does not verify the backup's audit log: its newest checkpoint (at event " + seq
                + ") was not signed with "
                + (audit.keyFile() == null
                        ? "EXPLORER_AUDIT_KEY"
                        : "EXPLORER_AUDIT_KEY " + "(unset it to use the audit.key the backup carries)")
                + ". Restore with the key the log was signed "
                + "with.";
    }

    private void restore(Path file, Path dataDir, EmbeddedProperties settings, Counts expected, Optional<AuditKey> key)
            throws IOException {
        var properties = new EmbeddedProperties(dataDir, 0, settings.pagecache(), null);
        try (var database = EmbeddedNeo4j.start(properties);
                var driver = GraphDatabase.driver(
                        database.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, database.password()))) {
            var graph = new Graph(driver, null);
            new SchemaMigrations(graph).migrate();
            var repository = new BackupRepository(graph);
            repository.prepareRestore();
            var nodes = new ArrayList<Map<String, Object>>();
            var relationships = new ArrayList<Map<String, Object>>();
            try (var in = open(file)) {
                in.readLine();
                String text;
                while ((text = in.readLine()) != null) {
                    var line = JsonMapper.shared().readTree(text);
                    if (line.has("n")) {
                        if (BackupFormat.strings(line.get("labels")).contains("__Neo4jMigration")) {
                            continue; // this version's migrations were applied above
                        }
                        nodes.add(row(
                                "id",
                                line.get("n").asString(),
                                "labels",
                                BackupFormat.strings(line.get("labels")),
                                "props",
                                BackupFormat.parameters(line.get("props"))));
                        flush(nodes, repository::createNodes);
                    } else if (line.has("r")) {
                        flushAll(nodes, repository::createNodes);
                        relationships.add(row(
                                "start",
                                line.get("r").get(0).asString(),
                                "end",
                                line.get("r").get(1).asString(),
                                "type",
                                line.get("type").asString(),
                                "props",
                                BackupFormat.parameters(line.get("props"))));
                        flush(relationships, repository::createRelationships);
                    } else if (line.has("file")) {
                        Files.write(
                                dataDir.resolve(
                                        Path.of(line.get("file").asString()).getFileName()),
                                Base64.getDecoder().decode(line.get("base64").asString()));
                    }
                }
            }
            flushAll(nodes, repository::createNodes);
            flushAll(relationships, repository::createRelationships);
            repository.finishRestore(BATCH);
            var restoredNodes = repository.count("backup/count-nodes");
            var restoredRelationships = repository.count("backup/count-relationships");
            if (restoredNodes != expected.nodes() || restoredRelationships != expected.relationships()) {
                throw new IllegalStateException("restored " + restoredNodes + " nodes and " + restoredRelationships
                        + " relationships of " + expected.nodes() + " and " + expected.relationships());
            }
            var head = repository.rebuildAuditHead();
            var signature = key.map(k -> k.signHead(head.getKey(), head.getValue()));
            signature.ifPresent(repository::signAuditHead);
            out.println("Restored " + restoredNodes + " nodes, " + restoredRelationships + " relationships and "
                    + expected.files() + " data-directory files from " + file + " into " + dataDir + ". Start the "
                    + "explorer on it and check the audit chain as an auditor: { auditIntegrity { valid events } }");
            if (signature.isEmpty() && head.getKey() > 0) {
                out.println("The audit chain's head is not signed: neither EXPLORER_AUDIT_KEY nor an audit.key came "
                        + "with the backup. Start the explorer once with EXPLORER_AUDIT_KEY set to the key the log "
                        + "was signed with and EXPLORER_AUDIT_SIGN_UNSIGNED_HEAD=true.");
            }
        }
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        var row = new HashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static void flush(List<Map<String, Object>> rows, Consumer<List<Map<String, Object>>> write) {
        if (rows.size() >= BATCH) {
            flushAll(rows, write);
        }
    }

    private static void flushAll(List<Map<String, Object>> rows, Consumer<List<Map<String, Object>>> write) {
        if (!rows.isEmpty()) {
            write.accept(List.copyOf(rows));
            rows.clear();
        }
    }
}
