package uk.safeguarding.explorer.cypher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the named Cypher statements kept as {@code .cypher} files on the classpath under
 * {@code /cypher/} (for example {@code import/people} or {@code queries/person}). Every statement
 * the application runs lives in such a file, so that it can be read, reviewed and EXPLAINed on
 * its own, and always takes its input as parameters.
 */
public final class CypherStatements {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private CypherStatements() {}

    /** The text of {@code /cypher/<name>.cypher}. */
    public static String named(String name) {
        return CACHE.computeIfAbsent(name, n -> read("/cypher/" + n + ".cypher"));
    }

    /** Reads a classpath resource as UTF-8 text. */
    public static String read(String resource) {
        try (InputStream in = CypherStatements.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no Cypher file " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Splits a file into statements at semicolons that end a line, dropping blank results, so a
     * migration may hold several statements (comments stay with the statement they precede).
     */
    public static List<String> split(String text) {
        var result = new ArrayList<String>();
        var current = new StringBuilder();
        for (var line : text.split("\\R")) {
            var trimmed = line.stripTrailing();
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1).append('\n');
                add(result, current);
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        add(result, current);
        return result;
    }

    private static void add(List<String> result, StringBuilder statement) {
        var text = statement.toString().strip();
        var meaningful = text.lines().anyMatch(l -> !l.isBlank() && !l.strip().startsWith("//"));
        if (meaningful) {
            result.add(text);
        }
    }
}
