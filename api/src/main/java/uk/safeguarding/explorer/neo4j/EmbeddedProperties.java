package uk.safeguarding.explorer.neo4j;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded Neo4j used when no {@code NEO4J_URI} is set: store directory
 * ({@code EXPLORER_DATA_DIR}, default {@code ./data}), Bolt port on 127.0.0.1
 * ({@code EXPLORER_BOLT_PORT}, default 7687; 0 picks a free port), page cache size
 * ({@code EXPLORER_PAGECACHE}, e.g. {@code 512m}) and an optional fixed Bolt password
 * ({@code EXPLORER_BOLT_PASSWORD}); without one, a random password is set at every start so that
 * only this process can use the embedded Bolt port.
 */
@ConfigurationProperties("explorer")
public record EmbeddedProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("7687") int boltPort,
        @DefaultValue("512m") String pagecache,
        String boltPassword) {}
