package uk.safeguarding.explorer.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * A small main that runs a Neo4j of the current line with Bolt on 127.0.0.1, without
 * authentication, in its own process (the current line needs Java 21+, the build runs on Java 17).
 * Compiled against the embedded 5.26 API, and only with the calls that the current line keeps
 * unchanged; configured through a neo4j.conf it writes, so no setting constant is needed. Prints
 * {@code READY <version>} once the database answers, and shuts down cleanly when its input closes.
 * Arguments: the home directory and the Bolt port.
 */
public final class NewerNeo4jServer {

    private NewerNeo4jServer() {}

    public static void main(String[] args) throws Exception {
        var home = Path.of(args[0]);
        Files.createDirectories(home);
        var conf = home.resolve("neo4j.conf");
        Files.writeString(
                conf,
                String.join(
                        "\n",
                        "server.bolt.enabled=true",
                        "server.bolt.listen_address=127.0.0.1:" + args[1],
                        "dbms.security.auth_enabled=false",
                        "server.memory.pagecache.size=64m",
                        ""));
        var service = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(conf)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown));
        var version = service.database("neo4j")
                .executeTransactionally(
                        "CALL dbms.components() YIELD versions RETURN versions[0] AS version",
                        Map.of(),
                        result -> result.next().get("version"));
        System.out.println("READY " + version);
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the test's input closes
        }
        System.exit(0);
    }
}
