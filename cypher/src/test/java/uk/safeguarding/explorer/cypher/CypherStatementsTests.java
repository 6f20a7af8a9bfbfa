package uk.safeguarding.explorer.cypher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CypherStatementsTests {

    private static final Path STATEMENTS = Path.of("src", "main", "resources", "cypher");

    @Test
    void aFileSplitsAtSemicolonsThatEndALineAndKeepsEachCommentWithTheStatementBelowIt() {
        var text = """
                // the first
                CREATE CONSTRAINT a IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE;
                // the second, over two lines
                CREATE INDEX b IF NOT EXISTS
                FOR (p:Person) ON (p.nhsNumber);
                """;
        assertThat(CypherStatements.split(text))
                .containsExactly(
                        "// the first\nCREATE CONSTRAINT a IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE",
                        "// the second, over two lines\nCREATE INDEX b IF NOT EXISTS\nFOR (p:Person) ON (p.nhsNumber)");
    }

    @Test
    void aSemicolonInsideALineDoesNotSplitAndTheLastStatementNeedsNone() {
        assertThat(CypherStatements.split("MATCH (p) WHERE p.note = 'a;b'\r\nRETURN p"))
                .containsExactly("MATCH (p) WHERE p.note = 'a;b'\nRETURN p");
    }

    @Test
    void commentsAndBlankLinesAloneAreNoStatement() {
        assertThat(CypherStatements.split("// nothing to run\n\n   \n;\n// still nothing"))
                .isEmpty();
        assertThat(CypherStatements.split("")).isEmpty();
    }

    @Test
    void aNamedStatementIsItsFileAndAMissingOneIsNamedInTheError() {
        assertThat(CypherStatements.named("queries/person")).contains("$id");
        assertThat(CypherStatements.named("queries/person")).isSameAs(CypherStatements.named("queries/person"));
        assertThatThrownBy(() -> CypherStatements.named("queries/no-such-statement"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no Cypher file /cypher/queries/no-such-statement.cypher on the classpath");
    }

    /** House style: one commented statement per file, taking its input as parameters. */
    @Test
    void everyStatementFileHoldsOneStatementThatBeginsWithAComment() throws IOException {
        List<Path> files;
        try (var walk = Files.walk(STATEMENTS)) {
            files = walk.filter(p -> p.toString().endsWith(".cypher")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        for (var file : files) {
            var text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(CypherStatements.split(text)).as(file.toString()).hasSize(1);
            assertThat(text.stripLeading())
                    .as(file + " begins with a comment saying what it does")
                    .startsWith("//");
        }
    }
}
