package uk.safeguarding.explorer.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ResultConsumedException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.types.TypeSystem;
import org.neo4j.graphdb.TransactionTerminatedException;
import org.neo4j.kernel.api.exceptions.Status;
import uk.safeguarding.explorer.errors.QueryTimeoutException;

/**
 * The application reaches its embedded database in process, without Bolt: on one database, every
 * kind of value a statement can return, every failure and every timeout comes back exactly as the
 * Java driver delivers it over Bolt, so that no service can tell the two ways apart.
 */
class InProcessTransactionsIT {

    private static final String PASSWORD = "in-process-secret";
    private static final QueryTimeouts TIMEOUTS = new QueryTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));

    @TempDir
    static Path store;

    private static EmbeddedNeo4j embedded;
    private static Driver driver;
    private static Graph bolt;
    private static Graph inProcess;

    @BeforeAll
    static void start() {
        embedded = EmbeddedNeo4j.start(new EmbeddedProperties(store, 0, "32m", PASSWORD));
        driver = GraphDatabase.driver(embedded.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, PASSWORD));
        bolt = new Graph(driver, null, TIMEOUTS, new WriteBarrier());
        inProcess = Graph.inProcess(embedded, Duration.ofSeconds(2), TIMEOUTS, new WriteBarrier());
        bolt.inWriteTransaction(tx -> {
            tx.run("CREATE CONSTRAINT fictional_id IF NOT EXISTS FOR (n:Fictional) REQUIRE n.id IS UNIQUE")
                    .consume();
            return null;
        });
        bolt.inWriteTransaction(tx -> tx.run("""
                        CREATE (a:Fictional:Person {id: 'a', names: ['Ann', 'Annie'], born: date('2012-03-04'),
                                at: datetime('2026-11-01T09:30:00Z'), seen: [date('2020-01-01'), date('2021-02-02')],
                                weight: 31.5, flags: [true, false], ages: [1, 2, 3], place: point({x: 1.5, y: 2.5})})
                        CREATE (b:Fictional {id: 'b', gap: duration('P1Y2M3DT4H5M6.7S')})
                        CREATE (a)-[:KNOWS {since: date('2019-05-06'), weight: 2}]->(b)
                        """).consume());
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    /** A value as plain Java, entities with their labels, type, properties and ends, so that two can be compared. */
    private static Object plain(Value value) {
        var type = TypeSystem.getDefault();
        if (value.hasType(type.NODE())) {
            var node = value.asNode();
            var labels = new ArrayList<String>();
            node.labels().forEach(labels::add);
            return Map.of("labels", labels, "properties", plain(node.asMap(v -> v)), "element", node.elementId());
        }
        if (value.hasType(type.RELATIONSHIP())) {
            var r = value.asRelationship();
            return Map.of(
                    "type", r.type(),
                    "properties", plain(r.asMap(v -> v)),
                    "start", r.startNodeElementId(),
                    "end", r.endNodeElementId());
        }
        if (value.hasType(type.PATH())) {
            var path = value.asPath();
            var parts = new ArrayList<Object>();
            path.nodes().forEach(n -> parts.add(plain(Values.value(n))));
            path.relationships().forEach(r -> parts.add(plain(Values.value(r))));
            return parts;
        }
        if (value.hasType(type.LIST())) {
            return value.asList(InProcessTransactionsIT::plain);
        }
        if (value.hasType(type.MAP())) {
            return plain(value.asMap(v -> v));
        }
        return value.isNull() ? "null" : value.asObject();
    }

    private static Map<String, Object> plain(Map<String, Value> values) {
        var map = new TreeMap<String, Object>();
        values.forEach((k, v) -> map.put(k, plain(v)));
        return map;
    }

    private static List<Object> rows(Graph graph, String query, Map<String, Object> parameters) {
        return graph.inReadTransaction(tx -> tx.run(query, parameters).list(InProcessTransactionsIT::row));
    }

    private static Object row(Record record) {
        var row = new LinkedHashMap<String, Object>();
        record.keys().forEach(k -> row.put(k, plain(record.get(k))));
        return row;
    }

    @Test
    void everyKindOfValueComesBackAsOverBolt() {
        var query = """
                MATCH p = (a:Fictional {id: 'a'})-[r:KNOWS]->(b:Fictional)
                RETURN a, r, b, p, a.names AS names, a.born AS born, a.at AS at, a.seen AS seen, a.weight AS weight,
                       a.flags AS flags, a.ages AS ages, a.place AS place, b.gap AS gap, a.missing AS missing,
                       {id: a.id, n: size(a.names), nested: [a.born, {x: 1}]} AS map, [a, b] AS nodes,
                       localtime('12:34:56') AS lt, localdatetime('2026-11-01T10:00') AS ldt, time('10:00+01:00') AS t
                """;
        var overBolt = rows(bolt, query, Map.of());
        assertThat(overBolt).hasSize(1);
        assertThat(rows(inProcess, query, Map.of())).isEqualTo(overBolt);
        assertThat(overBolt.toString()).contains("Annie", "2012-03-04", "P14M3DT14706.7", "KNOWS");
    }

    @Test
    void parametersOfEveryKindArriveAsOverBolt() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("text", "Ann");
        parameters.put("int", 7);
        parameters.put("long", 7L);
        parameters.put("double", 1.25);
        parameters.put("bool", true);
        parameters.put("none", null);
        parameters.put("day", LocalDate.of(2018, 9, 26));
        parameters.put("instant", ZonedDateTime.of(2018, 9, 26, 9, 0, 0, 0, ZoneOffset.UTC));
        parameters.put("list", List.of("a", "b"));
        parameters.put("rows", List.of(Map.of("id", "x", "n", 1), Map.of("id", "y", "n", 2)));
        parameters.put("value", Values.value(List.of(1, 2)));
        parameters.put("duration", Values.isoDuration(1, 2, 3, 4).asIsoDuration());
        parameters.put("point", Values.point(7203, 1, 2).asPoint());
        parameters.put("array", new String[] {"p", "q"});
        var query = """
                RETURN $text AS text, $int + 1 AS int, $long AS long, $double * 2 AS double, NOT $bool AS bool,
                       $none IS NULL AS none, $day.year AS year, $instant + duration('P1D') AS instant,
                       size($list) AS size, [r IN $rows | r.id + r.n] AS rows, $value AS value,
                       $duration AS duration, $point.x AS x, $array AS array
                """;
        var overBolt = rows(bolt, query, parameters);
        assertThat(rows(inProcess, query, parameters)).isEqualTo(overBolt);
        assertThat(overBolt.toString()).contains("int=8", "year=2018", "rows=[x1, y2]");
    }

    @Test
    void aWriteCountsWhatItChangedAsOverBolt() {
        for (var graph : List.of(bolt, inProcess)) {
            var counters = graph.inWriteTransaction(
                    tx -> tx.run("MATCH (n:Fictional {id: 'b'}) SET n.touched = coalesce(n.touched, 0) + 1")
                            .consume()
                            .counters());
            assertThat(counters.containsUpdates()).isTrue();
            assertThat(counters.propertiesSet()).isEqualTo(1);
            var none = graph.inWriteTransaction(tx -> tx.run("MATCH (n:Fictional {id: 'nobody'}) SET n.touched = 1")
                    .consume()
                    .counters());
            assertThat(none.containsUpdates()).isFalse();
        }
    }

    @Test
    void anExplainedStatementsPlanIsTheOneOverBolt() {
        var query = "EXPLAIN MATCH (n:Fictional {id: $id})-[:KNOWS]->(m) RETURN m.id";
        var overBolt = operators(bolt.inReadTransaction(
                tx -> tx.run(query, Map.of("id", "a")).consume().plan()));
        assertThat(overBolt).contains("NodeUniqueIndexSeek");
        assertThat(operators(inProcess.inReadTransaction(
                        tx -> tx.run(query, Map.of("id", "a")).consume().plan())))
                .isEqualTo(overBolt);
    }

    @Test
    void aProfiledStatementBehindAnOptionOrACommentGivesItsPlanAndCostsAsOverBolt() {
        var query =
                "// the cost of a lookup\nCYPHER runtime=slotted PROFILE MATCH (n:Fictional {id: $id})-[:KNOWS]->(m) "
                        + "RETURN m.id";
        var overBolt =
                bolt.inReadTransaction(tx -> tx.run(query, Map.of("id", "a")).consume());
        var here = inProcess.inReadTransaction(
                tx -> tx.run(query, Map.of("id", "a")).consume());
        assertThat(overBolt.hasProfile()).isTrue();
        assertThat(here.hasPlan()).isTrue();
        assertThat(here.hasProfile()).isTrue();
        assertThat(operators(here.profile())).isEqualTo(operators(overBolt.profile()));
        assertThat(here.profile().records()).isEqualTo(overBolt.profile().records());
        assertThat(dbHits(here.profile())).isPositive().isEqualTo(dbHits(overBolt.profile()));
        // a statement that asks for no plan has none
        var plain =
                inProcess.inReadTransaction(tx -> tx.run("MATCH (n:Fictional {id: $id}) RETURN n.id", Map.of("id", "a"))
                        .consume());
        assertThat(plain.hasPlan()).isFalse();
        assertThat(plain.hasProfile()).isFalse();
    }

    private static long dbHits(ProfiledPlan plan) {
        return plan.dbHits()
                + plan.children().stream()
                        .mapToLong(InProcessTransactionsIT::dbHits)
                        .sum();
    }

    private static List<String> operators(Plan plan) {
        var names = new ArrayList<String>();
        names.add(plan.operatorType().replaceAll("@.*", ""));
        plan.children().forEach(child -> names.addAll(operators(child)));
        return names;
    }

    @Test
    void rowsCannotBeReadAfterTheTransactionAsOverBolt() {
        for (var graph : List.of(bolt, inProcess)) {
            var kept = new AtomicReference<Result>();
            graph.inReadTransaction(tx -> {
                kept.set(tx.run("UNWIND [1, 2, 3] AS i RETURN i"));
                return null;
            });
            assertThatThrownBy(() -> kept.get().list())
                    .as("%s", graph == bolt ? "bolt" : "in process")
                    .isInstanceOf(ResultConsumedException.class);
        }
    }

    @Test
    void rowsNobodyReadAreStillWrittenAndAnEarlierStatementsRowsStayReadable() {
        for (var graph : List.of(bolt, inProcess)) {
            var name = graph == bolt ? "bolt" : "in-process";
            var answer = graph.inWriteTransaction(tx -> {
                var created = tx.run(
                        "UNWIND range(1, 3) AS i CREATE (n:Fictional {id: $name + '-' + i}) RETURN n.id AS id",
                        Map.of("name", name));
                // a second statement before the first's rows are read sees what the first wrote
                var seen = tx.run(
                                "MATCH (n:Fictional) WHERE n.id STARTS WITH $name RETURN count(n) AS n",
                                Map.of("name", name))
                        .single()
                        .get("n")
                        .asLong();
                return seen + ":" + created.list(r -> r.get("id").asString());
            });
            assertThat(answer).isEqualTo("3:[" + name + "-1, " + name + "-2, " + name + "-3]");
            // a write whose rows nobody reads is done whole
            graph.inWriteTransaction(tx -> {
                tx.run(
                        "UNWIND range(4, 6) AS i CREATE (n:Fictional {id: $name + '-' + i}) RETURN n",
                        Map.of("name", name));
                return null;
            });
            assertThat(rows(
                            graph,
                            "MATCH (n:Fictional) WHERE n.id STARTS WITH $name RETURN count(n) AS n",
                            Map.of("name", name)))
                    .isEqualTo(List.of(Map.of("n", 6L)));
        }
    }

    @Test
    void aDatabaseShuttingDownIsUnavailableNotATransientErrorToRetry() {
        var translated = InProcessTransactions.translated(
                new TransactionTerminatedException(Status.General.DatabaseUnavailable));
        assertThat(translated).isInstanceOf(ServiceUnavailableException.class);
        var deadlock = InProcessTransactions.translated(
                new TransactionTerminatedException(Status.Transaction.DeadlockDetected));
        assertThat(deadlock).isInstanceOf(TransientException.class);
        assertThat(deadlock.getSuppressed()).hasAtLeastOneElementOfType(TransactionTerminatedException.class);
    }

    @Test
    void aFailureCarriesTheSameStatusCodeAsOverBolt() {
        for (var statement : List.of(
                "CREATE (:Fictional {id: 'a'})", // a constraint violated
                "RETURN nonsense(1)", // an unknown function
                "MATCH (n RETURN n")) { // a syntax error
            var overBolt = failure(bolt, statement);
            var inProc = failure(inProcess, statement);
            assertThat(inProc).isInstanceOf(overBolt.getClass());
            assertThat(inProc.code()).isEqualTo(overBolt.code()).startsWith("Neo.ClientError.");
        }
        // nothing of a failed transaction stays
        assertThat(rows(inProcess, "MATCH (n:Fictional {id: 'rolled-back'}) RETURN count(n) AS n", Map.of()))
                .isEqualTo(List.of(Map.of("n", 0L)));
    }

    private static Neo4jException failure(Graph graph, String statement) {
        try {
            graph.inWriteTransaction(tx -> {
                tx.run("CREATE (:Fictional {id: 'rolled-back'})").consume();
                return tx.run(statement).list();
            });
        } catch (Neo4jException e) {
            return e;
        }
        throw new AssertionError("did not fail: " + statement);
    }

    @Test
    void theApplicationsOwnExceptionLeavesUnchangedAndRollsTheTransactionBack() {
        class Refused extends RuntimeException {}
        assertThatThrownBy(() -> inProcess.inWriteTransaction(tx -> {
                    tx.run("CREATE (:Fictional {id: 'refused'})").consume();
                    throw new Refused();
                }))
                .isInstanceOf(Refused.class);
        assertThat(rows(inProcess, "MATCH (n:Fictional {id: 'refused'}) RETURN n", Map.of()))
                .isEmpty();
    }

    @Test
    void aReadThatRunsOutOfTimeIsStoppedAsOverBolt() {
        var endless = "UNWIND range(1, 1000000000) AS i WITH i WHERE i < 0 RETURN count(*)";
        assertThatThrownBy(() -> bolt.inReadTransaction(tx -> tx.run(endless).list()))
                .isInstanceOf(QueryTimeoutException.class);
        assertThatThrownBy(
                        () -> inProcess.inReadTransaction(tx -> tx.run(endless).list()))
                .isInstanceOf(QueryTimeoutException.class);
    }

    @Test
    void aDeadlockIsRetriedUntilBothWritersHaveWritten() throws Exception {
        var firstLocked = new CountDownLatch(1);
        var secondLocked = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> inProcess.inWriteTransaction(tx -> {
                tx.run("MATCH (n:Fictional {id: 'a'}) SET n.by = 'first'").consume();
                firstLocked.countDown();
                await(secondLocked);
                return tx.run("MATCH (n:Fictional {id: 'b'}) SET n.by = 'first' RETURN n.by AS by")
                        .single()
                        .get("by")
                        .asString();
            }));
            var second = pool.submit(() -> inProcess.inWriteTransaction(tx -> {
                await(firstLocked);
                tx.run("MATCH (n:Fictional {id: 'b'}) SET n.other = 'second'").consume();
                secondLocked.countDown();
                return tx.run("MATCH (n:Fictional {id: 'a'}) SET n.other = 'second' RETURN n.other AS other")
                        .single()
                        .get("other")
                        .asString();
            }));
            // one of the two is chosen as the deadlock's victim, fails with a transient error and is run again
            assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo("second");
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows(
                        inProcess,
                        "MATCH (n:Fictional) WHERE n.id IN ['a', 'b'] RETURN n.by AS by, n.other AS other",
                        Map.of()))
                .containsExactly(Map.of("by", "first", "other", "second"), Map.of("by", "first", "other", "second"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
