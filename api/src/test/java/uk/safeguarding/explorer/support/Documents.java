package uk.safeguarding.explorer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** GraphQL test documents kept in {@code src/test/resources/graphql-test/<name>.graphql}. */
public final class Documents {

    private Documents() {}

    public static String named(String name) {
        try (var in = Documents.class.getResourceAsStream("/graphql-test/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("no test document " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
