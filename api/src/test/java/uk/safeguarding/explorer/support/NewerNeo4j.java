package uk.safeguarding.explorer.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The current Neo4j line (2025.x/2026.x, what Aura runs) for the scenario tests, chosen by the
 * system property {@code explorer.test.neo4j} of a failsafe run: {@code newer-process} starts it in a
 * separate process with Java 21+ ({@code EXPLORER_NEWER_JAVA_HOME}, default the Temurin 25 JDK of
 * these machines) from the jars the {@code newer-neo4j} module resolved; {@code newer-container}
 * starts the official image with Testcontainers where a Docker engine exists. Absent either, the
 * tests are skipped with a message saying what is missing. Started once per test JVM, stopped when
 * it ends; {@link ExplorerIT} points {@code neo4j.uri} at it.
 */
public final class NewerNeo4j {

    private static final String MODE = System.getProperty("explorer.test.neo4j", "embedded");
    private static final Path LIB =
            Path.of(System.getProperty("explorer.test.newer-neo4j.lib", "../newer-neo4j/target/lib"));
    private static final Pattern JAR = Pattern.compile("neo4j-(\\d{4}\\.\\d{2}\\.\\d+)\\.jar");
    private static String uri;

    private NewerNeo4j() {}

    /** Whether this test run is one against the current Neo4j line. */
    public static boolean requested() {
        return MODE.startsWith("newer-");
    }

    /** Why the current line cannot be had here, if it cannot. */
    public static Optional<String> unavailable() {
        if (!requested()) {
            return Optional.empty();
        }
        if (version().isEmpty()) {
            return Optional.of("no Neo4j of the current line in "
                    + LIB.toAbsolutePath().normalize() + " (the newer-neo4j module copies it there during the build)");
        }
        if ("newer-container".equals(MODE)) {
            return DockerClientFactory.instance().isDockerAvailable()
                    ? Optional.empty()
                    : Optional.of("no Docker engine here: the Testcontainers run of the scenario against neo4j:"
                            + version().get()
                            + " is skipped (the newer-process run covers the same server without Docker)");
        }
        var java = javaHome().resolve("bin").resolve("java");
        return Files.isExecutable(java)
                ? Optional.empty()
                : Optional.of(
                        "no Java 21+ at " + javaHome() + " (set EXPLORER_NEWER_JAVA_HOME): the run of the scenario "
                                + "against Neo4j " + version().get() + " is skipped");
    }

    private static Path javaHome() {
        var home = System.getenv("EXPLORER_NEWER_JAVA_HOME");
        return Path.of(home == null || home.isBlank() ? "/usr/lib/jvm/temurin-25-jdk-amd64" : home);
    }

    /** The version of the Neo4j jar the newer-neo4j module resolved. */
    static Optional<String> version() {
        if (!Files.isDirectory(LIB)) {
            return Optional.empty();
        }
        try (var files = Files.list(LIB)) {
            return files.map(p -> JAR.matcher(p.getFileName().toString()))
                    .filter(m -> m.matches())
                    .map(m -> m.group(1))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Bolt URI of the server, started on first use. */
    public static synchronized String uri() {
        if (uri == null) {
            uri = "newer-container".equals(MODE) ? container() : process();
        }
        return uri;
    }

    @SuppressWarnings("resource") // stopped by Testcontainers when the JVM ends
    private static String container() {
        var container = new Neo4jContainer("neo4j:" + version().orElseThrow()).withoutAuthentication();
        container.start();
        return container.getBoltUrl();
    }

    private static String process() {
        try {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var home = Files.createTempDirectory("newer-neo4j");
            var classpath = LIB.toAbsolutePath().normalize() + "/*" + File.pathSeparator
                    + Path.of(NewerNeo4jServer.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI());
            var process = new ProcessBuilder(
                            javaHome().resolve("bin").resolve("java").toString(),
                            "-Xmx1g",
                            "--enable-native-access=ALL-UNNAMED",
                            "-cp",
                            classpath,
                            NewerNeo4jServer.class.getName(),
                            home.toString(),
                            String.valueOf(port))
                    .redirectErrorStream(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    process.getOutputStream().close();
                    process.waitFor();
                } catch (IOException | InterruptedException e) {
                    process.destroyForcibly();
                }
            }));
            var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            var log = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null) {
                log.append(line).append('\n');
                if (line.startsWith("READY ")) {
                    System.out.println(
                            "Neo4j " + line.substring(6) + " (current line) serves Bolt on 127.0.0.1:" + port);
                    var drain = new Thread(() -> out.lines().forEach(l -> {}), "newer-neo4j-log");
                    drain.setDaemon(true);
                    drain.start();
                    return "bolt://127.0.0.1:" + port;
                }
            }
            throw new IllegalStateException("Neo4j of the current line ended before it was ready:\n" + log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
