package uk.safeguarding.explorer.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The explorer in a child process, started from the built jar, so that a test can kill it with
 * {@code kill -9} and start it again on the same data directory. Its log is read line by line; the
 * test waits on lines it publishes (started, Bolt port, import progress), never on time.
 */
public final class ChildExplorer implements AutoCloseable {

    public static final String BOLT_PASSWORD = "child-explorer-secret";
    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Pattern BOLT = Pattern.compile("Embedded Neo4j ready, Bolt on 127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final int httpPort;
    private final int boltPort;

    private ChildExplorer(Process process) {
        this.process = process;
        var reader = new Thread(
                () -> {
                    try (var in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            synchronized (lines) {
                                lines.add(line);
                                lines.notifyAll();
                            }
                        }
                    } catch (IOException e) {
                        // the process died; waiters see no more lines
                    }
                    synchronized (lines) {
                        lines.add(null);
                        lines.notifyAll();
                    }
                },
                "child-explorer-log");
        reader.setDaemon(true);
        reader.start();
        boltPort = Integer.parseInt(await(BOLT).group(1));
        httpPort = Integer.parseInt(await(STARTED).group(1));
    }

    /** Starts the explorer jar on the data directory, in local mode without demo data, and waits until it serves. */
    public static ChildExplorer start(Path dataDir, String... extraArguments) throws IOException {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-jar",
                Path.of("target", "safeguarding-explorer.jar").toString(),
                "--explorer.data-dir=" + dataDir,
                "--explorer.bolt-port=0",
                "--explorer.bolt-password=" + BOLT_PASSWORD,
                "--server.port=0",
                "--explorer.mode=local",
                "--explorer.demo-data=false",
                "--explorer.pagecache=32m",
                "--explorer.query-timeout=120s"));
        command.addAll(List.of(extraArguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            return new ChildExplorer(process);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /**
     * Waits until the log has a line matching the pattern and returns its match; gives up after ten
     * minutes (a bound for a broken start, far above a start on a busy machine).
     */
    public Matcher await(Pattern pattern) {
        var deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        var seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    var line = lines.get(seen);
                    if (line == null) {
                        throw new IllegalStateException("the explorer ended before logging " + pattern + ":\n"
                                + String.join("\n", lines.subList(Math.max(0, seen - 40), seen)));
                    }
                    var matcher = pattern.matcher(line);
                    if (matcher.find()) {
                        return matcher;
                    }
                }
                var left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the explorer did not log " + pattern + " within ten minutes");
                }
                try {
                    lines.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public Http http() {
        return Http.on(httpPort);
    }

    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    /** kill -9: no shutdown hook, no clean shutdown of the database. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }

    /** A clean stop (SIGTERM), for the end of a test. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
    }
}
