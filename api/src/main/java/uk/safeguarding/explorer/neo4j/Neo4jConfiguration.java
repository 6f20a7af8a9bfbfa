package uk.safeguarding.explorer.neo4j;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;

/**
 * Chooses the database: an external server, cluster or Aura when {@code NEO4J_URI} is set,
 * otherwise an embedded Neo4j started here. Either way the rest of the application sees one
 * {@link Graph}, and one {@link Driver} for what speaks Bolt (health, the benchmark's raw side).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    Neo4jProperties.class,
    EmbeddedProperties.class,
    QueryTimeouts.class,
    DriverSettings.class
})
class Neo4jConfiguration {

    /** Started only when no external server is configured; closed after the driver. */
    @Bean(destroyMethod = "close")
    EmbeddedHolder embeddedNeo4j(Neo4jProperties neo4j, EmbeddedProperties embedded, QueryTimeouts timeouts) {
        return new EmbeddedHolder(neo4j.external() ? null : EmbeddedNeo4j.start(embedded, timeouts.backstop()));
    }

    /**
     * The driver, tuned to fail fast when the database is gone (see {@link DriverSettings}): a
     * request then fails within about four seconds (one connection attempt, a retry about a second
     * later, another two seconds later at most) instead of the driver's default 30 s.
     */
    @Bean(destroyMethod = "close")
    Driver neo4jDriver(Neo4jProperties neo4j, EmbeddedHolder holder, DriverSettings settings) {
        var config = Config.builder()
                .withMaxConnectionPoolSize(settings.maxPoolSize())
                .withConnectionTimeout(settings.connectionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .withConnectionAcquisitionTimeout(settings.acquisitionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .withMaxTransactionRetryTime(settings.maxRetryTime().toMillis(), TimeUnit.MILLISECONDS)
                .withConnectionLivenessCheckTimeout(settings.livenessCheck().toMillis(), TimeUnit.MILLISECONDS)
                .withUserAgent("safeguarding-explorer")
                .build();
        if (holder.embedded() != null) {
            var embedded = holder.embedded();
            return GraphDatabase.driver(
                    embedded.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, embedded.password()), config);
        }
        var auth = neo4j.username() == null || neo4j.username().isBlank()
                ? AuthTokens.none()
                : AuthTokens.basic(neo4j.username(), neo4j.password() == null ? "" : neo4j.password());
        return GraphDatabase.driver(neo4j.uri(), auth, config);
    }

    @Bean
    DatabaseSelectionProvider databaseSelectionProvider(Neo4jProperties neo4j) {
        var database = neo4j.databaseOrNull();
        return database == null
                ? DatabaseSelectionProvider.getDefaultSelectionProvider()
                : DatabaseSelectionProvider.createStaticDatabaseSelectionProvider(database);
    }

    /**
     * The application's way to the database: for the embedded database, in this process without Bolt
     * unless {@code EXPLORER_EMBEDDED_ACCESS=bolt} (the driver over the local Bolt port, as other
     * Neo4j clients reach it); for an external server, the driver.
     */
    @Bean
    Graph graph(
            Driver driver,
            EmbeddedHolder holder,
            Neo4jProperties neo4j,
            QueryTimeouts timeouts,
            DriverSettings settings,
            @Value("${explorer.embedded-access:in-process}") String access) {
        var barrier = new WriteBarrier();
        if (holder.embedded() == null) {
            return new Graph(driver, neo4j.databaseOrNull(), timeouts, barrier);
        }
        return switch (access.trim().toLowerCase(Locale.ROOT)) {
            case "in-process" -> Graph.inProcess(holder.embedded(), settings.maxRetryTime(), timeouts, barrier);
            case "bolt" -> new Graph(driver, neo4j.databaseOrNull(), timeouts, barrier);
            default ->
                throw new IllegalStateException(
                        "EXPLORER_EMBEDDED_ACCESS must be in-process or bolt, not '" + access + "'");
        };
    }

    /** Holds the embedded database, or nothing when an external server is used. */
    record EmbeddedHolder(EmbeddedNeo4j embedded) implements AutoCloseable {

        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
