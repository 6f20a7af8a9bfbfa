package uk.safeguarding.explorer.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.support.ExplorerIT;

class PersonQueryIT extends ExplorerIT {

    private static final String SEARCH = """
            query($text: String!, $first: Int) { searchPeople(text: $text, first: $first) { id } }""";

    @BeforeEach
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    private List<String> search(String text) {
        var json = http().graphql("admin", SEARCH, Map.of("text", text));
        var ids = new ArrayList<String>();
        json.get("data").get("searchPeople").forEach(p -> ids.add(p.get("id").asString()));
        return ids;
    }

    @Test
    void aPersonIsReadWithMarkersAgeAndAddressAsOfADay() {
        var json = http().graphql("admin", """
                { person(id: "p-gary") { id givenName familyName aliases dateOfBirth sex pncId
                    age(asOf: "2018-09-26") child(asOf: "2018-09-26")
                    markers(asOf: "2018-09-26") { id type from to mappaCategory mappaLevel }
                    currentAddress(asOf: "2018-09-26") { id line1 kind }
                    before: currentAddress(asOf: "2018-01-01") { id } } }""");
        assertThat(json.get("errors")).isNull();
        assertThat(json.get("data").get("person").toString())
                .isEqualTo("{\"id\":\"p-gary\",\"givenName\":\"Gary\","
                        + "\"familyName\":\"Nolan\",\"aliases\":[\"Gaz Nolan\"],\"dateOfBirth\":\"1970-02-11\",\"sex\":\"MALE\","
                        + "\"pncId\":\"1998/0123456X\",\"age\":48,\"child\":false,\"markers\":["
                        + "{\"id\":\"m-gary-mappa\",\"type\":\"MAPPA\",\"from\":\"2009-01-01\",\"to\":null,\"mappaCategory\":1,"
                        + "\"mappaLevel\":1},"
                        + "{\"id\":\"m-gary-rso\",\"type\":\"REGISTERED_SEX_OFFENDER\",\"from\":\"2009-01-01\",\"to\":null,"
                        + "\"mappaCategory\":null,\"mappaLevel\":null},"
                        // the approved premises' marker, carried by the person living there
                        + "{\"id\":\"m-hostel\",\"type\":\"OTHER\",\"from\":\"2018-06-21\",\"to\":null,"
                        + "\"mappaCategory\":null,\"mappaLevel\":null}],"
                        + "\"currentAddress\":{\"id\":\"a-hostel\",\"line1\":\"Approved Premises, 1 Station Rise\","
                        + "\"kind\":\"APPROVED_PREMISES\"},\"before\":{\"id\":\"a-bell\"}}");
    }

    @Test
    void aMarkerThatStartsAfterTheAsOfDateDoesNotExistYet() {
        var json = http().graphql("admin", """
                { person(id: "p-sara") { early: markers(asOf: "2018-06-30") { id } late: markers(asOf: "2018-09-26") { id } } }""");
        assertThat(json.get("data").get("person").get("early").toString()).isEqualTo("[{\"id\":\"m-sara-victim\"}]");
        assertThat(json.get("data").get("person").get("late").toString())
                .isEqualTo("[{\"id\":\"m-sara-victim\"},{\"id\":\"m-sara-cpp\"}]");
    }

    @Test
    void searchMatchesPrefixesOfNamesWhateverTheCaseOrAccents() {
        assertThat(search("arch")).containsExactlyInAnyOrder("p-kyle", "p-dawn", "p-mark", "p-lily", "p-tom");
        assertThat(search("ARCHER kyle")).containsExactly("p-kyle");
        assertThat(search("Kylé Árcher")).containsExactly("p-kyle");
        assertThat(search("nol")).containsExactlyInAnyOrder("p-gary", "p-joanne", "p-mia");
    }

    @Test
    void searchFindsAliasesAndIdentifiers() {
        assertThat(search("gaz")).containsExactly("p-gary");
        assertThat(search("1998/0123456X")).containsExactly("p-gary");
        assertThat(search("19980123456X")).containsExactly("p-gary");
        assertThat(search("943 476 5919")).containsExactly("p-kyle");
        assertThat(search("4010232137")).containsExactly("p-sara");
    }

    @Test
    void exactNameMatchesRankBeforePrefixMatches() {
        http().post("/api/import", "admin", """
                {"source": "test", "people": [{"id": "p-marks", "givenName": "Marksman", "familyName": "Zed"}]}""");
        assertThat(search("mark")).first().isEqualTo("p-mark");
    }

    @Test
    void searchTextIsNeverLuceneOrCypherSyntax() {
        assertThat(search("arch*) OR (a*")).isEmpty();
        assertThat(search("\" }) MATCH (n) DETACH DELETE n //")).isEmpty();
        assertThat(count("MATCH (p:Person) RETURN count(p)")).isEqualTo(14);
    }

    @Test
    void anUnknownIdIsNotFound() {
        JsonNode json = http().graphql("admin", "{ person(id: \"p-nobody\") { id } }");
        assertThat(json.get("errors")
                        .get(0)
                        .get("extensions")
                        .get("classification")
                        .asString())
                .isEqualTo("NOT_FOUND");
        assertThat(json.get("errors").get(0).get("message").asString()).isEqualTo("No person with id 'p-nobody'");
        assertThat(json.get("data").get("person").isNull()).isTrue();
    }

    @Test
    void badArgumentsAreBadRequestsNamingTheArgument() {
        var tooMany = http().graphql("admin", SEARCH, Map.of("text", "arch", "first", 100000));
        assertThat(tooMany.get("errors")
                        .get(0)
                        .get("extensions")
                        .get("classification")
                        .asString())
                .isEqualTo("BAD_REQUEST");
        assertThat(tooMany.get("errors").get(0).get("message").asString())
                .isEqualTo("Argument 'first' must be from 1 to 100");
        var noWords = http().graphql("admin", SEARCH, Map.of("text", "*** ///"));
        assertThat(noWords.get("errors").get(0).get("message").asString())
                .isEqualTo("Argument 'text' must contain at least one letter or digit");
    }

    @Test
    void aVariableOfTheWrongFormIsABadRequestNamingIt() {
        var json = http().graphql(
                        "admin",
                        "query($d: Date) { person(id: \"p-kyle\") { age(asOf: $d) } }",
                        Map.of("d", "26/09/2018"));
        assertThat(json.get("errors")
                        .get(0)
                        .get("extensions")
                        .get("classification")
                        .asString())
                .isEqualTo("BAD_REQUEST");
        assertThat(json.get("errors").get(0).get("message").asString()).startsWith("Variable 'd'");
    }

    @Test
    void errorsCarryNoInternals() {
        var json = http().graphql("admin", "{ person(id: \"p-kyle\") { markers(asOf: \"2018-02-30\") { id } } }");
        var text = json.toString();
        assertThat(json.get("errors")
                        .get(0)
                        .get("extensions")
                        .get("classification")
                        .asString())
                .isEqualTo("BAD_REQUEST");
        assertThat(json.get("errors").get(0).get("message").asString()).contains("argument 'asOf'");
        assertThat(text).doesNotContain("Exception", "uk.safeguarding", "MATCH", "at org.");
        // nor GraphQL Java's classes of a literal (review 89: "'FloatValue{value=2.5}' ... an AST type of")
        for (var query : List.of(
                "{ network(personId: \"p-kyle\", depth: 2.5) { truncated } }",
                "{ person(id: \"p-kyle\") { markers(asOf: \"2018-13-01\") { id } } }")) {
            var answer = http().graphql("admin", query);
            var message = answer.get("errors").get(0).get("message").asString();
            assertThat(message).as(query).doesNotContain("Value{", "AST type");
            assertThat(answer.get("errors")
                            .get(0)
                            .get("extensions")
                            .get("classification")
                            .asString())
                    .isEqualTo("BAD_REQUEST");
        }
        assertThat(http().graphql("admin", "{ network(personId: \"p-kyle\", depth: 2.5) { truncated } }")
                        .get("errors")
                        .get(0)
                        .get("message")
                        .asString())
                .contains("argument 'depth' with value '2.5'");
    }
}
