package uk.safeguarding.explorer.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import uk.safeguarding.explorer.cypher.CypherStatements;

/**
 * Applies the schema migrations {@code neo4j/migrations/V####__*.cypher} in version order, once
 * each, recording every applied version as a {@code :__Neo4jMigration} node with its checksum.
 * The statements are idempotent ({@code IF NOT EXISTS}; a data migration changes only what is still
 * in the old form), so a half-applied migration is simply applied again. A migration whose file changed after it was applied stops the start-up.
 */
public class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final Pattern NAME = Pattern.compile("V(\\d{4})__(.+)\\.cypher");

    /** One migration file. */
    public record Migration(int version, String description, String text, String checksum) {}

    private final Graph graph;

    public SchemaMigrations(Graph graph) {
        this.graph = graph;
    }

    public static List<Migration> discover() {
        try {
            var resolver = new PathMatchingResourcePatternResolver(SchemaMigrations.class.getClassLoader());
            var result = new ArrayList<Migration>();
            var seen = new HashSet<Integer>();
            for (Resource resource : resolver.getResources("classpath*:neo4j/migrations/V*.cypher")) {
                var matcher = NAME.matcher(resource.getFilename());
                if (!matcher.matches()) {
                    throw new IllegalStateException("Badly named migration " + resource.getFilename());
                }
                var version = Integer.parseInt(matcher.group(1));
                if (!seen.add(version)) {
                    throw new IllegalStateException("Two migrations have version " + version);
                }
                var text = resource.getContentAsString(StandardCharsets.UTF_8);
                result.add(new Migration(version, matcher.group(2).replace('_', ' '), text, sha256(text)));
            }
            result.sort(Comparator.comparingInt(Migration::version));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies every migration not applied yet; returns how many were applied. */
    public int migrate() {
        var applied = graph
                .inReadTransaction(tx -> tx.run(
                                "MATCH (m:__Neo4jMigration) RETURN m.version AS version, m.checksum AS checksum")
                        .list(r -> Map.entry(
                                r.get("version").asInt(), r.get("checksum").asString())))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        int count = 0;
        for (var migration : discover()) {
            var checksum = applied.get(migration.version());
            if (checksum != null) {
                if (!checksum.equals(migration.checksum())) {
                    throw new IllegalStateException("Migration V" + migration.version() + " (" + migration.description()
                            + ") was changed after it was applied; add a new migration instead");
                }
                continue;
            }
            // Schema statements cannot share a transaction with data writes: one transaction each.
            for (var statement : CypherStatements.split(migration.text())) {
                graph.inWriteTransaction(tx -> tx.run(statement).consume());
            }
            graph.inWriteTransaction(tx -> tx.run(
                            """
                    MERGE (m:__Neo4jMigration {version: $version})
                    SET m.description = $description, m.checksum = $checksum, m.appliedAt = $at""",
                            Map.of(
                                    "version",
                                    migration.version(),
                                    "description",
                                    migration.description(),
                                    "checksum",
                                    migration.checksum(),
                                    "at",
                                    ZonedDateTime.now(ZoneOffset.UTC)))
                    .consume());
            LOG.info("Applied migration V{} {}", migration.version(), migration.description());
            count++;
        }
        // may outlast the server's backstop for transactions without a timeout on a large store
        graph.inWriteTransaction(
                Duration.ofSeconds(330),
                tx -> tx.run("CALL db.awaitIndexes(300)").consume());
        return count;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
