package uk.safeguarding.explorer.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Plan;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import uk.safeguarding.explorer.cypher.CypherStatements;
import uk.safeguarding.explorer.support.ExplorerIT;

/** Every named query's plan starts from an index seek: no label scans, no all-nodes scans. */
class QueryPlansIT extends ExplorerIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Operators a plan may start from: index seeks, rows from a parameter list, or a row handed into a subquery. */
    private static final Set<String> SEEKS = Set.of(
            "NodeUniqueIndexSeek",
            "NodeIndexSeek",
            "MultiNodeIndexSeek",
            "NodeUniqueIndexSeekByRange",
            "NodeIndexSeekByRange",
            "Argument",
            "Unwind",
            "ProcedureCall");

    /** Realistic parameters of the risk statements (others ignore what they do not use). */
    private static final Map<String, Object> RISK_PARAMETERS = Map.of(
            "asOf",
            LocalDate.of(2019, 4, 30),
            "ids",
            List.of("p-one", "p-two"),
            "windowStart",
            ZonedDateTime.of(2018, 5, 1, 0, 0, 0, 0, LONDON),
            "windowEnd",
            ZonedDateTime.of(2019, 5, 1, 0, 0, 0, 0, LONDON),
            "dayEnd",
            ZonedDateTime.of(2019, 5, 1, 0, 0, 0, 0, LONDON),
            "id",
            "p-one");

    /** Schema commands (a restore's temporary index), which have no plan. */
    private static final Set<String> SCHEMA_COMMANDS = Set.of("backup/restore-index", "backup/restore-drop-index");

    private static final Set<String> NOT_ROUTE_QUERIES = Set.of("count-people", "agencies");

    /**
     * Plans depend on the store's statistics and on plans cached by earlier tests of the shared
     * context: always planned afresh on an empty store, whatever ran before. (A store of a dozen people
     * is no guide: there the planner rightly finds scanning a small index cheaper than seeking it, as
     * it never does at a local authority's scale.)
     */
    @BeforeEach
    void plannedAfreshOnAnEmptyStore() {
        cleanDatabase();
        graph.inWriteTransaction(tx -> {
            tx.run("CALL db.clearQueryCaches()").consume();
            return null;
        });
    }

    @Test
    void everyNamedQueryStartsFromAnIndexSeek() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        var checked = new ArrayList<String>();
        for (var resource : resolver.getResources("classpath*:cypher/queries/*.cypher")) {
            var name = resource.getFilename().replace(".cypher", "");
            if (NOT_ROUTE_QUERIES.contains(name)) {
                continue;
            }
            var text = resource.getContentAsString(StandardCharsets.UTF_8);
            var plan = graph.inReadTransaction(
                    tx -> tx.run("EXPLAIN " + text).consume().plan());
            var leaves = new ArrayList<String>();
            leaves(plan, leaves);
            assertThat(leaves)
                    .as("leaf operators of %s", name)
                    .isNotEmpty()
                    .allSatisfy(leaf -> assertThat(SEEKS)
                            .as("%s starts from %s", name, leaf)
                            .contains(leaf));
            assertThat(leaves)
                    .as("%s has an index seek", name)
                    .anyMatch(l -> l.contains("IndexSeek") || l.equals("ProcedureCall"));
            checked.add(name);
        }
        assertThat(checked)
                .contains(
                        "siblings-at-risk",
                        "shared-addresses",
                        "involvement-context",
                        "network-hop",
                        "connection",
                        "chronology",
                        "search-people",
                        "person");
    }

    @Test
    void everyStatementIsPlannedAndTheScopedRulesStartFromThePeopleAskedAbout() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        var scoped = new ArrayList<String>();
        var planned = new ArrayList<String>();
        for (var directory :
                List.of("risk", "audit", "breakglass", "identity", "import", "information", "meetings", "backup")) {
            for (var resource : resolver.getResources("classpath*:cypher/" + directory + "/*.cypher")) {
                var name = directory + "/" + resource.getFilename().replace(".cypher", "");
                if (SCHEMA_COMMANDS.contains(name)) {
                    continue;
                }
                var text = resource.getContentAsString(StandardCharsets.UTF_8);
                // EXPLAIN plans without running; a write transaction so that write statements plan too
                var started = System.nanoTime();
                var plan = graph.inWriteTransaction(tx ->
                        tx.run("EXPLAIN " + text, RISK_PARAMETERS).consume().plan());
                System.out.printf(
                        "QueryPlansIT: planned %s in %d ms%n", name, (System.nanoTime() - started) / 1_000_000);
                assertThat(plan).as("plan of %s", name).isNotNull();
                // a statement that starts from a record or person it has found reaches their match
                // candidates from them: seeking the whole store's candidates by status for each row
                // (under an Apply) cost an import a look at every pending candidate for every record
                var perRow = new ArrayList<String>();
                if (!WHOLE_QUEUE.contains(name)) {
                    candidateSeeksPerRow(plan, false, perRow);
                }
                assertThat(perRow)
                        .as("%s seeks match candidates by status for each row", name)
                        .isEmpty();
                planned.add(name);
                if (name.startsWith("risk/") && name.endsWith("-people")) {
                    var leaves = new ArrayList<String>();
                    leaves(plan, leaves);
                    assertThat(leaves)
                            .as("leaf operators of %s", name)
                            .isNotEmpty()
                            .allSatisfy(leaf -> assertThat(SEEKS)
                                    .as("%s starts from %s", name, leaf)
                                    .contains(leaf))
                            .noneMatch(leaf -> leaf.contains("LabelScan") || leaf.contains("AllNodesScan"));
                    assertThat(leaves)
                            .as("%s seeks the people asked about by id", name)
                            .anyMatch(l -> l.contains("IndexSeek"));
                    scoped.add(name);
                }
            }
        }
        assertThat(planned)
                .contains(
                        "risk/rule-01",
                        "risk/triage",
                        "audit/append",
                        "breakglass/grants",
                        "identity/decide-same",
                        "import/addresses",
                        "meetings/snapshot",
                        "backup/nodes");
        assertThat(scoped)
                .containsExactlyInAnyOrder(
                        "risk/rule-01-people",
                        "risk/rule-02-people",
                        "risk/rule-03-people",
                        "risk/rule-04-people",
                        "risk/rule-05-people",
                        "risk/referrals-in-window-people",
                        "risk/rule-07-people",
                        "risk/overdue-actions-people",
                        "risk/rule-09-people",
                        "risk/rule-10-people",
                        "risk/rule-12-people");
    }

    @Test
    void identityResolutionFindsEveryCandidateByIndexSeek() {
        var row = new HashMap<String, Object>();
        for (var key : List.of(
                "source",
                "localId",
                "uprn",
                "matchKey",
                "newId",
                "nhsNumber",
                "pncKey",
                "upn",
                "bkDob",
                "bkFamilyYear",
                "bkNames",
                "bkGivenDay")) {
            row.put(key, "x");
        }
        row.put("addressIds", List.of("a-one"));
        var parameters = Map.<String, Object>of(
                "rows",
                List.of(row),
                "ids",
                List.of("p-one"),
                "people",
                List.of("r-one"),
                "addresses",
                List.of("r-two"),
                "source",
                "police");
        var checked = new ArrayList<String>();
        for (var name : List.of(
                "identity/address-candidates",
                "identity/person-candidates",
                "identity/record-owners",
                "identity/candidate-persons")) {
            var text = CypherStatements.named(name);
            var plan = graph.inReadTransaction(
                    tx -> tx.run("EXPLAIN " + text, parameters).consume().plan());
            var leaves = new ArrayList<String>();
            leaves(plan, leaves);
            assertThat(leaves)
                    .as("leaf operators of %s", name)
                    .isNotEmpty()
                    .allSatisfy(leaf -> assertThat(SEEKS)
                            .as("%s starts from %s", name, leaf)
                            .contains(leaf));
            checked.add(name);
        }
        assertThat(checked).hasSize(4);
    }

    /**
     * The seeks by status and scans of MatchCandidate found on the right-hand side of an Apply, a subquery or a
     * Foreach (run once for each row of the left), with {@code perRow} whether this plan is such a side.
     */
    /** Statements that read the whole queue: once, after the one row of the page's cursor. */
    private static final Set<String> WHOLE_QUEUE = Set.of("identity/match-candidates");

    private static void candidateSeeksPerRow(Plan plan, boolean perRow, List<String> into) {
        var operator = plan.operatorType().replaceAll("@.*", "");
        var details = String.valueOf(plan.arguments().get("Details"));
        // a seek by id (UNWIND the ids asked about) is what a per-row seek should be
        var many = operator.contains("AllNodesScan")
                || (operator.contains("Scan") && details.contains("MatchCandidate"))
                || (operator.contains("IndexSeek") && details.contains("MatchCandidate(status"));
        if (perRow && many) {
            into.add(operator + " " + details);
        }
        var repeats = operator.contains("Apply")
                || operator.contains("Subquery")
                || operator.equals("Foreach")
                || operator.contains("Optional");
        for (int i = 0; i < plan.children().size(); i++) {
            candidateSeeksPerRow(plan.children().get(i), perRow || (repeats && i == 1), into);
        }
    }

    private static void leaves(Plan plan, List<String> into) {
        if (plan.children().isEmpty()) {
            into.add(plan.operatorType().replaceAll("@.*", ""));
        }
        plan.children().forEach(child -> leaves(child, into));
    }
}
