package uk.safeguarding.explorer.neo4j;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connection to an external Neo4j server, cluster or Aura ({@code NEO4J_URI}, {@code NEO4J_USERNAME},
 * {@code NEO4J_PASSWORD}, {@code NEO4J_DATABASE}). With no URI the application embeds Neo4j.
 */
@ConfigurationProperties("neo4j")
public record Neo4jProperties(String uri, String username, String password, String database) {

    public boolean external() {
        return uri != null && !uri.isBlank();
    }

    /** The database to use, or {@code null} for the server's default database. */
    public String databaseOrNull() {
        return database == null || database.isBlank() ? null : database;
    }
}
