package uk.safeguarding.explorer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared fictional scenario, {@code ../shared/scenarios/york-practice-studies.json}. */
public final class Scenario {

    /** As-of date of every expected answer of the scenario (the inspection week). */
    public static final String AS_OF = "2018-09-26";

    private Scenario() {}

    public static Path path() {
        // Tests run in the module directory; shared/ sits beside the repository.
        for (var candidate : new Path[] {
            Path.of("..", "..", "shared", "scenarios", "york-practice-studies.json"),
            Path.of("..", "shared", "scenarios", "york-practice-studies.json")
        }) {
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/scenarios/york-practice-studies.json not found beside the repository");
    }

    public static String text() {
        try {
            return Files.readString(path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
