package uk.safeguarding.explorer.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Neo4j 5.26 with Bolt bound to 127.0.0.1, used when no external server is
 * configured. The application runs its transactions in process ({@link #database()}, through
 * {@link InProcessTransactions}, which hands services the driver's types), or through the Java
 * driver over Bolt with {@code EXPLORER_EMBEDDED_ACCESS=bolt}; Bolt stays on for Neo4j clients
 * and the benchmark. Authentication is on: the
 * {@code neo4j} user's password is set at every start, from {@code EXPLORER_BOLT_PASSWORD} or at
 * random, so other local processes cannot read the data through the port.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    public static final String USER = "neo4j";

    private final DatabaseManagementService service;
    private final String password;
    private final int boltPort;
    private final Path home;

    private EmbeddedNeo4j(DatabaseManagementService service, String password, int boltPort, Path home) {
        this.service = service;
        this.password = password;
        this.boltPort = boltPort;
        this.home = home;
    }

    /** Starts with the default backstop for transactions without a timeout (twice the default area timeout). */
    public static EmbeddedNeo4j start(EmbeddedProperties properties) {
        return start(properties, QueryTimeouts.DEFAULTS.backstop());
    }

    /**
     * Starts the database; {@code backstop} is {@code db.transaction.timeout}, the longest any
     * transaction without a timeout of its own may run.
     */
    public static EmbeddedNeo4j start(EmbeddedProperties properties, Duration backstop) {
        var home = properties.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(home);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Cannot create the data directory " + home + " (set EXPLORER_DATA_DIR to a writable directory)", e);
        }
        LOG.info("Starting embedded Neo4j in {} with Bolt on 127.0.0.1:{}", home, properties.boltPort());
        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", properties.boltPort()))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, parseSize(properties.pagecache()))
                    .setConfig(GraphDatabaseSettings.transaction_timeout, backstop)
                    .build();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot start the embedded Neo4j in " + home + ": " + rootMessage(e)
                            + " (is another explorer using this data directory or Bolt port "
                            + properties.boltPort() + "? Set EXPLORER_DATA_DIR / EXPLORER_BOLT_PORT)",
                    e);
        }
        var password =
                properties.boltPassword() == null || properties.boltPassword().isBlank()
                        ? randomPassword()
                        : properties.boltPassword();
        try {
            setPassword(service, password);
            var db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            var port = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT)
                    .getPort();
            LOG.info("Embedded Neo4j ready, Bolt on 127.0.0.1:{}", port);
            return new EmbeddedNeo4j(service, password, port, home);
        } catch (RuntimeException e) {
            service.shutdown();
            throw e;
        }
    }

    private static void setPassword(DatabaseManagementService service, String password) {
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                            Map.of("password", password));
        } catch (QueryExecutionException e) {
            // A fixed EXPLORER_BOLT_PASSWORD is already set from an earlier start: nothing to change.
            if (e.getMessage() == null
                    || !e.getMessage().contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    /** The database itself, for transactions run in this process without Bolt. */
    GraphDatabaseAPI database() {
        return (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    public String password() {
        return password;
    }

    public int boltPort() {
        return boltPort;
    }

    /** Shuts the database down cleanly, so that the store needs no recovery at the next start. */
    @Override
    public void close() {
        LOG.info("Shutting down embedded Neo4j in {}", home);
        service.shutdown();
    }

    static long parseSize(String text) {
        var t = text.trim().toLowerCase();
        long factor = 1;
        if (t.endsWith("k")) {
            factor = ByteUnit.kibiBytes(1);
        } else if (t.endsWith("m")) {
            factor = ByteUnit.mebiBytes(1);
        } else if (t.endsWith("g")) {
            factor = ByteUnit.gibiBytes(1);
        }
        var digits = factor == 1 ? t : t.substring(0, t.length() - 1);
        try {
            return Long.parseLong(digits.trim()) * factor;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("EXPLORER_PAGECACHE must be a size such as 512m or 2g, not " + text);
        }
    }

    private static String randomPassword() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String rootMessage(Throwable e) {
        var cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
