package uk.safeguarding.explorer.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import uk.safeguarding.explorer.support.ExplorerIT;
import uk.safeguarding.explorer.support.SchemaText;

/**
 * The published, versioned schema: {@code docs/schema.graphqls} is the running schema (regenerated
 * with {@code -Dexplorer.schema.write=true}); no breaking change against the last released schema
 * ({@code docs/schema-released.graphqls}) unless listed in {@code docs/schema-breaking-allowed.txt};
 * every deprecation says why and since when.
 */
class PublishedSchemaIT extends ExplorerIT {

    private static final String REGENERATE = "./mvnw -o -q -pl api -am verify -Dit.test=PublishedSchemaIT -Dtest=none "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dexplorer.skipNewerNeo4j=true -Dexplorer.schema.write=true";
    private static final Pattern DEPRECATION = Pattern.compile(".+ since \\d{4}-\\d{2}-\\d{2}\\.?");

    @Autowired
    GraphQlSource graphQlSource;

    /** A file of the repository's docs/ (the tests run in the api module's directory). */
    private static Path docs(String name) {
        return Files.exists(Path.of("api")) ? Path.of("docs", name) : Path.of("..", "docs", name);
    }

    @Test
    void thePublishedSchemaIsTheRunningSchema() throws IOException {
        var served = SchemaText.print(graphQlSource.schema());
        var published = docs("schema.graphqls");
        if (Boolean.getBoolean("explorer.schema.write") || "true".equals(System.getenv("EXPLORER_SCHEMA_WRITE"))) {
            Files.writeString(published, served);
        }
        assertThat(Files.exists(published) ? Files.readString(published) : "")
                .as("docs/schema.graphqls differs from the running schema. Regenerate it with\n  " + REGENERATE
                        + "\nand say what changed in CHANGELOG.md")
                .isEqualTo(served);
    }

    @Test
    void noBreakingChangeAgainstTheReleasedSchemaUnlessAllowed() throws IOException {
        var released = Files.readString(docs("schema-released.graphqls"));
        var allowed = Files.readAllLines(docs("schema-breaking-allowed.txt")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.split(":", 2)[0].strip())
                .toList();
        var reporter = new CapturingReporter();
        new SchemaDiff()
                .diffSchema(SchemaDiffSet.diffSetFromSdl(released, SchemaText.print(graphQlSource.schema())), reporter);
        var refused = new ArrayList<String>();
        for (var breakage : reporter.getBreakages()) {
            var where = breakage.getTypeName() + (breakage.getFieldName() == null ? "" : "." + breakage.getFieldName());
            if (!allowed.contains(where) && !allowed.contains(breakage.getTypeName())) {
                refused.add(where + ": " + breakage.getReasonMsg());
            }
        }
        assertThat(refused)
                .as(
                        "breaking changes against docs/schema-released.graphqls; keep the old field "
                                + "(@deprecated(reason: \"... since YYYY-MM-DD\")) or list it in docs/schema-breaking-allowed.txt")
                .isEmpty();
    }

    @Test
    void everyDeprecationSaysWhyAndSinceWhen() {
        var reasons = new ArrayList<String>();
        for (var type : graphQlSource.schema().getAllTypesAsList()) {
            if (type.getName().startsWith("__")) {
                continue;
            }
            if (type instanceof GraphQLFieldsContainer fields) {
                fields.getFieldDefinitions().forEach(f -> {
                    if (f.isDeprecated()) {
                        reasons.add(type.getName() + "." + f.getName() + ": " + f.getDeprecationReason());
                    }
                    f.getArguments().stream()
                            .filter(a -> a.isDeprecated())
                            .forEach(a -> reasons.add(type.getName() + "." + f.getName() + "(" + a.getName() + "): "
                                    + a.getDeprecationReason()));
                });
            }
            if (type instanceof GraphQLEnumType enumType) {
                enumType.getValues().stream()
                        .filter(v -> v.isDeprecated())
                        .forEach(
                                v -> reasons.add(type.getName() + "." + v.getName() + ": " + v.getDeprecationReason()));
            }
            if (type instanceof GraphQLInputObjectType input) {
                input.getFieldDefinitions().stream()
                        .filter(f -> f.isDeprecated())
                        .forEach(
                                f -> reasons.add(type.getName() + "." + f.getName() + ": " + f.getDeprecationReason()));
            }
        }
        List<String> undated = reasons.stream()
                .filter(r ->
                        !DEPRECATION.matcher(r.substring(r.indexOf(": ") + 2)).matches())
                .toList();
        assertThat(undated)
                .as("@deprecated(reason: \"<why and what to use instead> since YYYY-MM-DD\")")
                .isEmpty();
    }
}
