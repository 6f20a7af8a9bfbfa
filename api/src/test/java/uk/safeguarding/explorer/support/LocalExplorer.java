package uk.safeguarding.explorer.support;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import uk.safeguarding.explorer.ExplorerApplication;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * The explorer started in this JVM as the run command starts it: local mode, its embedded database
 * in {@code dataDir} (Bolt and HTTP on free ports, a small page cache), with any further arguments.
 */
public final class LocalExplorer {

    private LocalExplorer() {}

    public static ConfigurableApplicationContext start(String dataDir, String... more) {
        return start(dataDir, List.of(), more);
    }

    /** Started with listeners of its events from the first on (its web server's start, for one). */
    public static ConfigurableApplicationContext start(
            String dataDir, List<ApplicationListener<?>> listeners, String... more) {
        var arguments = new ArrayList<>(List.of(
                "--explorer.data-dir=" + dataDir,
                "--explorer.bolt-port=0",
                "--server.port=0",
                "--explorer.pagecache=32m",
                "--explorer.mode=local"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(ExplorerApplication.class)
                .listeners(listeners.toArray(ApplicationListener<?>[]::new))
                .run(arguments.toArray(String[]::new));
    }

    /** HTTP to the started explorer. */
    public static Http http(ConfigurableApplicationContext app) {
        return Http.on(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    /** How many people its database holds. */
    public static long people(ConfigurableApplicationContext app) {
        return app.getBean(Graph.class)
                .inReadTransaction(tx -> tx.run("MATCH (p:Person) RETURN count(p)")
                        .single()
                        .get(0)
                        .asLong());
    }
}
