package uk.safeguarding.explorer.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BundleValidatorTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2018-09-26T12:00:00Z"), ZoneOffset.UTC);
    private final BundleValidator validator = new BundleValidator(CLOCK);

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text.replace('\'', '"'));
    }

    private ValidatedBundle validate(String text) {
        return validator.validate(json(text), ExistingIds.NONE);
    }

    @Test
    void theSharedScenarioIsValidThroughout() throws Exception {
        var scenario = JsonMapper.shared()
                .readTree(Files.readString(Path.of("..", "..", "shared", "scenarios", "york-practice-studies.json")));
        var result = validator.validate(scenario, ExistingIds.NONE);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.accepted())
                .containsEntry("people", 14)
                .containsEntry("relationships", 35)
                .containsEntry("meetings", 3)
                .containsEntry("markers", 7);
        assertThat(result.rows().get("markers-on-address")).hasSize(1);
        assertThat(result.rows().get("lives-at")).hasSize(16);
    }

    @Test
    void aBadRecordIsRejectedAloneWithArrayIndexIdFieldAndReason() {
        var result = validate("{'source':'csc','people':[{'id':'p-1','nhsNumber':'9434765918'},{'id':'p-2'}]}");
        assertThat(result.rejected())
                .containsExactly(new Rejection("people", 0, "p-1", "nhsNumber", "fails the NHS number check digit"));
        assertThat(result.rows().get("people")).extracting(r -> r.get("id")).containsExactly("p-2");
        assertThat(result.accepted()).containsEntry("people", 1);
    }

    @Test
    void anIdWithBracesIsRejectedNamingTheField() {
        var result = validate("{'source':'csc','people':[{'id':'p-{,}1'},{'id':'p-2}'},{'id':'p-3'}]}");
        assertThat(result.rejected())
                .extracting(Rejection::index, Rejection::field, Rejection::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "id", "must not contain '{' or '}'"),
                        org.assertj.core.groups.Tuple.tuple(1, "id", "must not contain '{' or '}'"));
        assertThat(result.rows().get("people")).extracting(r -> r.get("id")).containsExactly("p-3");
    }

    /**
     * An id that could pass for another on screen is refused, naming why (reviews 59 and 60): letters
     * or digits of another script in a Latin id, characters that do not show or unusual spaces, forms
     * not in normal form KC, marks left on a Latin letter, digits of two number systems, symbols
     * beyond printable ASCII (a curly apostrophe, with a hint), Latin letters that look like others.
     * Ids in one script or in scripts written together, ASCII punctuation, accented letters written
     * the usual way and the Latin letters of European names are kept. An id wholly in another script is
     * refused when all of it looks like ASCII (a Cyrillic "КА-1"), kept when a letter shows otherwise.
     */
    @Test
    void anIdThatCouldLookLikeAnotherIsRejectedNamingWhy() {
        var disguised = Map.ofEntries(
                Map.entry("p-k\u0443le", "mixes letters or digits of the scripts [LATIN, CYRILLIC]"),
                Map.entry("p-kyle-\u0966", "mixes letters or digits of the scripts [LATIN, DEVANAGARI]"),
                Map.entry("SA-\u0661\u0662", "mixes letters or digits of the scripts [LATIN, ARABIC]"),
                Map.entry("O\u2019Neill-2", "write the apostrophe as '"),
                Map.entry("p-ky\u200Ble", "U+200B"),
                Map.entry("p-\u202Eelyk", "U+202E"),
                Map.entry("p-ky\u00A0le", "U+00A0"),
                Map.entry("p-ky\u034Fle", "U+034F"),
                Map.entry("p-kyle\uFE0F", "U+FE0F"),
                Map.entry("p-kyle\u115F", "U+115F"),
                Map.entry("p-\u2800kyle", "U+2800"),
                Map.entry("\uFF50-kyle", "normal form KC"),
                Map.entry("p-zoe\u0308", "normal form KC"),
                Map.entry("\uFF71-1", "normal form KC"),
                Map.entry("p-li\u0307ly", "combining mark (U+0307)"),
                Map.entry("p-zo\u00EB\u0308", "combining mark (U+0308)"),
                Map.entry("SA-229\u0661", "two number systems (U+0661)"),
                Map.entry("p\u2010kyle", "U+2010"),
                Map.entry("police\uA789m-1", "U+A789"),
                Map.entry("p-ky\u01C0e", "U+01C0"),
                Map.entry("p-d\u0251wn", "U+0251"),
                Map.entry("\u041A\u0410-1", "written in Cyrillic letters that all look like Latin ones"),
                Map.entry("\u0405\u0410-2291", "written in Cyrillic letters that all look like Latin ones"),
                Map.entry("\u0391\u0392\u0395-12", "written in Greek letters that all look like Latin ones"),
                Map.entry("\u13AA-1", "written in Cherokee letters that all look like Latin ones"));
        var kept = List.of(
                "p-kyle",
                "p-zo\u00EB",
                "p-\u00C6thelred",
                "\u0440-\u043A\u0443",
                "\u0414\u043E\u043C-5",
                "p-y\u0131ld\u0131z",
                "p-\u5C71\u7530\u3055\u3093",
                "\u0915\u093F-1",
                "\u0661\u0662-\u0628",
                "O'Neill-2",
                "p-\u0259li-\u0167",
                "CSC/2018/0042_b",
                "p-1 2");
        var people = new ArrayList<Map<String, Object>>();
        disguised.keySet().forEach(id -> people.add(Map.of("id", id)));
        kept.forEach(id -> people.add(Map.of("id", id)));
        var result = validator.validate(
                JsonMapper.shared().valueToTree(Map.of("source", "csc", "people", people)), ExistingIds.NONE);
        var reasons = new HashMap<String, String>();
        result.rejected()
                .forEach(r -> reasons.put((String) people.get(r.index()).get("id"), r.field() + ": " + r.reason()));
        assertThat(reasons.keySet()).containsExactlyInAnyOrderElementsOf(disguised.keySet());
        disguised.forEach((id, why) ->
                assertThat(reasons.get(id)).as(id).startsWith("id: ").contains(why));
        assertThat(result.rows().get("people")).extracting(r -> r.get("id")).containsExactlyInAnyOrderElementsOf(kept);
        var ownSource = validate("{'source':'csc','people':[{'id':'p-1','source':'p\u043Elice'},{'id':'p-2'}]}");
        assertThat(ownSource.rejected())
                .extracting(Rejection::index, Rejection::field)
                .containsExactly(tuple(0, "source"));
        assertThat(ownSource.rejected().get(0).reason())
                .contains("mixes letters or digits of the scripts [LATIN, CYRILLIC]");
        assertThatThrownBy(() -> validate("{'source':'p\u043Elice','people':[{'id':'p-1'}]}"))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("\"source\" mixes letters or digits of the scripts [LATIN, CYRILLIC]");
    }

    /**
     * Review 59: a name is kept as sent, but a word that could pass for another is said in a warning
     * (a Cyrillic "Вера" reads "Bepa"); a Cyrillic name a letter of which shows its script, and a
     * Turkish dotless "ı", are not.
     */
    @Test
    void aNameThatCouldLookLikeAnotherIsKeptWithAWarning() {
        var result = validate(
                "{'source':'police','people':["
                        + "{'id':'p-1','givenName':'Ruby','familyName':'H\u0430le'},"
                        + "{'id':'p-2','givenName':'Zo\u00EB','familyName':'O\u2019Brien-Smith','aliases':['Ruby Ha\u200Ble']},"
                        + "{'id':'p-3','givenName':'\u5C71\u7530','familyName':'Nolan'},"
                        + "{'id':'p-4','givenName':'\u0412\u0435\u0440\u0430','familyName':'Nolan'},"
                        + "{'id':'p-5','givenName':'\u0414\u043C\u0438\u0442\u0440\u0438\u0439','familyName':'Y\u0131ld\u0131z'}]}");
        assertThat(result.rejected()).isEmpty();
        assertThat(result.rows().get("people"))
                .extracting(r -> r.get("id"))
                .containsExactly("p-1", "p-2", "p-3", "p-4", "p-5");
        assertThat(result.warnings())
                .extracting(Rejection::index, Rejection::field)
                .containsExactly(tuple(0, "familyName"), tuple(1, "aliases[0]"), tuple(3, "givenName"));
        assertThat(result.warnings().get(0).reason())
                .contains("the word \"H\u0430le\" mixes letters of the scripts [LATIN, CYRILLIC]");
        assertThat(result.warnings().get(1).reason()).contains("U+200B");
        assertThat(result.warnings().get(2).reason())
                .contains("the word \"\u0412\u0435\u0440\u0430\" is written in Cyrillic letters that all look like "
                        + "Latin ones");
    }

    @Test
    void anImportMayNotClaimTheExplorersOwnSourceButTheExplorerMay() {
        assertThatThrownBy(() -> validate("{'source':'explorer-admin','people':[{'id':'p-1'}]}"))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("\"source\" must not begin with 'explorer-'");
        var result = validate(
                "{'source':'csc','people':[{'id':'p-1','source':'Explorer-chair'},{'id':'p-2','source':'explorers'}]}");
        assertThat(result.rejected())
                .extracting(Rejection::index, Rejection::id, Rejection::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "p-1", "source"));
        assertThat(result.rejected().get(0).reason()).startsWith("must not begin with 'explorer-'");
        assertThat(result.rows().get("people")).extracting(r -> r.get("id")).containsExactly("p-2");
        var agency = validate("{'source':'csc','agencies':[{'id':'explorer-admin','name':'Not us','type':'EDUCATION'},"
                + "{'id':'ag-school','name':'School','type':'EDUCATION'}]}");
        assertThat(agency.rejected())
                .extracting(Rejection::index, Rejection::id, Rejection::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "explorer-admin", "id"));
        assertThat(agency.rows().get("agencies")).extracting(r -> r.get("id")).containsExactly("ag-school");
        var recorded = validator.validateRecorded(
                json("{'source':'explorer-admin','people':[{'id':'p-1'}]}"), ExistingIds.NONE);
        assertThat(recorded.rejected()).isEmpty();
        assertThat(recorded.rows().get("people"))
                .extracting(r -> r.get("source"))
                .containsExactly("explorer-admin");
    }

    /** A database as the validator asks it: the agencies it holds and the records users recorded. */
    private static ExistingIds database(Map<String, String> agencyTypes, Map<String, Set<String>> recorded) {
        return new ExistingIds() {
            @Override
            public Map<String, Set<String>> existing(Map<String, Set<String>> idsByLabel) {
                return Map.of("Agency", agencyTypes.keySet(), "Person", Set.of("P1", "p-sara"));
            }

            @Override
            public Map<String, String> agencyTypes(Set<String> agencyIds) {
                var types = new HashMap<>(agencyTypes);
                types.keySet().retainAll(agencyIds);
                return types;
            }

            @Override
            public Map<String, String> agencyNames(Set<String> agencyIds) {
                return agencyIds.contains("school-a") ? Map.of("school-a", "Riverside Primary School") : Map.of();
            }

            @Override
            public Map<String, String> professionalAgencies(Set<String> professionalIds) {
                return professionalIds.contains("om-1") ? Map.of("om-1", "probation") : Map.of();
            }

            @Override
            public Map<String, Set<String>> recordedIds(Map<String, Set<String>> idsByArray) {
                var found = new HashMap<String, Set<String>>();
                idsByArray.forEach((array, ids) -> {
                    var both = new HashSet<>(ids);
                    both.retainAll(recorded.getOrDefault(array, Set.of()));
                    found.put(array, both);
                });
                return found;
            }
        };
    }

    /** Review 47: a school's extract made its agency POLICE, and its teachers saw offender detail. */
    @Test
    void anAgencyExtractDescribesItsOwnAgencyOnlyAndNeverChangesAType() {
        var agencies = Map.of("school-a", "EDUCATION", "police", "POLICE", "health", "HEALTH");
        var db = database(agencies, Map.of());
        var extract = validator.validate(
                json("{'source':'school-a','resolve':true,'agencies':["
                        + "{'id':'school-a','name':'Riverside Primary School','type':'POLICE'},"
                        + "{'id':'health','name':'Health','type':'EDUCATION'}]}"),
                db);
        assertThat(extract.rejected())
                .extracting(Rejection::index, Rejection::field)
                .containsExactly(tuple(0, "type"), tuple(1, "id"), tuple(1, "type"));
        assertThat(extract.rejected().get(0).reason())
                .startsWith("changes the type of agency school-a from EDUCATION to POLICE: an agency extract never");
        assertThat(extract.rejected().get(1).reason()).startsWith("must be the extract's source \"school-a\"");
        // its own agency with its own type (a new name) passes
        var own = validator.validate(
                json(
                        "{'source':'school-a','resolve':true,'agencies':[{'id':'school-a','name':'Riverside Primary School',"
                                + "'type':'EDUCATION'}]}"),
                db);
        assertThat(own.rejected()).isEmpty();
        assertThat(own.rows().get("agencies"))
                .extracting(r -> r.get("name"))
                .containsExactly("Riverside Primary School");
        // review 49: nor a new name, which every user reads as who holds information
        var renamed = validator.validate(
                json("{'source':'school-a','resolve':true,'agencies':[{'id':'school-a',"
                        + "'name':'Police public protection unit','type':'EDUCATION'}]}"),
                db);
        assertThat(renamed.rejected()).extracting(Rejection::field).containsExactly("name");
        assertThat(renamed.rejected().get(0).reason())
                .startsWith("renames agency school-a from \"Riverside Primary School\" to \"Police public protection "
                        + "unit\": an agency extract never renames an agency");
        // nor does an extract add an agency the partnership has not (its type would decide what its users see)
        var added = validator.validate(
                json("{'source':'school-a','resolve':true,'agencies':[{'id':'school-c','name':'New school',"
                        + "'type':'POLICE'}]}"),
                db);
        assertThat(added.rejected()).extracting(Rejection::field).containsExactly("id");
        assertThat(added.rejected().get(0).reason()).startsWith("must be the extract's source \"school-a\"");
        // and an extract comes from an agency of the partnership (hostile review 50: an extract of source
        // "demo", a bundle's source but no agency, reached every person that bundle brought)
        for (var source : List.of("school-c", "demo")) {
            assertThatThrownBy(() -> validator.validate(
                            json("{'source':'" + source + "','resolve':true,'agencies':[{'id':'" + source
                                    + "','name':'New school','type':'POLICE'}]}"),
                            db))
                    .isInstanceOf(BundleFormatException.class)
                    .hasMessage("\"source\" \"" + source + "\" names no agency of the partnership: an agency extract "
                            + "comes from an agency the partnership has added (with a bundle without resolve); nothing "
                            + "was imported");
        }
        // a bundle without resolve (the partnership's own) may change a type, and says so
        var plain = validator.validate(
                json("{'source':'partnership','agencies':[{'id':'school-a','name':'Riverside','type':'POLICE'}]}"), db);
        assertThat(plain.rejected()).isEmpty();
        assertThat(plain.rows().get("agencies")).hasSize(1);
        assertThat(plain.warnings())
                .extracting(Rejection::array, Rejection::index, Rejection::id, Rejection::field, Rejection::reason)
                .containsExactly(
                        tuple(
                                "agencies",
                                0,
                                "school-a",
                                "name",
                                "renames agency school-a from \"Riverside Primary School\" to \"Riverside\": every user "
                                        + "reads the new name"),
                        tuple(
                                "agencies",
                                0,
                                "school-a",
                                "type",
                                "changes the type of agency school-a from EDUCATION to POLICE: what its users see "
                                        + "changes with it"));
    }

    /** Review 47: a police extract gave a school teacher an involvement, and health an invitation. */
    @Test
    void anAgencyExtractGivesNoOtherAgencyAProfessionalOrAnAttendance() {
        var db = database(Map.of("school-a", "EDUCATION", "police", "POLICE", "health", "HEALTH"), Map.of());
        var result = validator.validate(
                json("{'source':'police','resolve':true,"
                        + "'professionals':[{'id':'PX1','name':'Ms Proxy','agency':'school-a'},"
                        + "{'id':'PX2','name':'DC Own','agency':'police'}],"
                        + "'people':[{'id':'P2','givenName':'Gary','familyName':'Nolan'}],"
                        + "'meetings':[{'id':'M1','kind':'STRATEGY','heldOn':'2018-09-20','concerns':['P2'],"
                        + "'attendance':[{'agency':'police','attended':true},{'agency':'health','invited':true}]},"
                        + "{'id':'M2','kind':'STRATEGY','heldOn':'2018-09-21','concerns':['P2'],"
                        + "'attendance':[{'agency':'police','attended':true}]}]}"),
                db);
        assertThat(result.rejected())
                .extracting(Rejection::array, Rejection::index, Rejection::field)
                .containsExactly(tuple("professionals", 0, "agency"), tuple("meetings", 0, "attendance[1].agency"));
        assertThat(result.rows().get("professionals"))
                .extracting(r -> r.get("id"))
                .containsExactly("PX2");
        assertThat(result.rows().get("meetings")).extracting(r -> r.get("id")).containsExactly("M2");
        // nor a referral from, or an assessment by, another agency
        var others = validator.validate(
                json(
                        "{'source':'police','resolve':true,'people':[{'id':'P2','givenName':'Gary'}],"
                                + "'referrals':[{'id':'R1','about':'P2','from':'school-a','receivedAt':'2018-09-01T10:00:00Z',"
                                + "'concern':'NEGLECT'},{'id':'R2','about':'P2','from':'police','receivedAt':'2018-09-01T10:00:00Z',"
                                + "'concern':'NEGLECT'}],"
                                + "'assessments':[{'id':'A1','of':'P2','type':'SOCIAL_WORK','startedOn':'2018-09-02','by':'health'}]}"),
                db);
        assertThat(others.rejected())
                .extracting(Rejection::array, Rejection::field)
                .containsExactly(tuple("referrals", "from"), tuple("assessments", "by"));
        assertThat(others.rows().get("referrals")).extracting(r -> r.get("id")).containsExactly("R2");
        // the partnership's own bundle may move a professional to another agency, and says so
        var moved = validator.validate(
                json("{'source':'demo','professionals':[{'id':'om-1','name':'Offender manager','agency':'school-a'}]}"),
                db);
        assertThat(moved.rejected()).isEmpty();
        assertThat(moved.warnings())
                .extracting(Rejection::field, Rejection::reason)
                .containsExactly(tuple(
                        "agency",
                        "moves professional om-1 from probation to school-a: who sees the people they are involved "
                                + "with changes with it"));
        // the partnership's own bundle records every agency's attendance, as the chair does
        var plain = validator.validate(
                json("{'source':'csc','professionals':[{'id':'PX1','name':'Ms Teacher','agency':'school-a'}]}"), db);
        assertThat(plain.rejected()).isEmpty();
    }

    /** Review 47: a social worker recorded referral 'police:R77', which a police extract then took over. */
    @Test
    void aRecordingTakesNoExtractsIdAndAnImportTakesOverNoRecording() {
        var db = database(
                Map.of("csc", "CHILDRENS_SOCIAL_CARE", "police", "POLICE"),
                Map.of("referrals", Set.of("R77", "police:R78"), "actions", Set.of("A1")));
        var recording = validator.validateRecorded(
                json("{'source':'csc','referrals':[{'id':'police:R77','about':'p-sara','from':'csc',"
                        + "'receivedAt':'2018-09-01T10:00:00Z','concern':'NEGLECT'}]}"),
                db);
        assertThat(recording.rejected())
                .extracting(Rejection::field, Rejection::reason)
                .containsExactly(
                        tuple(
                                "id",
                                "must not contain ':': ids of that form are those of agency extracts' records (source:localId)"));
        var plain = validator.validate(
                json("{'source':'csc','referrals':["
                        + "{'id':'R77','about':'p-sara','from':'csc','receivedAt':'2018-09-01T10:00:00Z','concern':'NEGLECT'},"
                        + "{'id':'R79','about':'p-sara','from':'csc','receivedAt':'2018-09-01T10:00:00Z','concern':'NEGLECT'}],"
                        + "'meetings':[{'id':'M1','kind':'STRATEGY','heldOn':'2018-09-20','concerns':['p-sara'],"
                        + "'actions':[{'id':'A1','description':'Visit'}]}]}"),
                db);
        assertThat(plain.rejected())
                .extracting(Rejection::array, Rejection::id, Rejection::field)
                .containsExactly(tuple("referrals", "R77", "id"), tuple("meetings", "M1", "actions[0].id"));
        assertThat(plain.rejected().get(0).reason())
                .startsWith("is the id of a record a user recorded in the explorer; an import never changes");
        assertThat(plain.rows().get("referrals")).extracting(r -> r.get("id")).containsExactly("R79");
        // nor does a bundle without resolve give a record the form of an extract's (police:M1)
        var squat = validator.validate(
                json("{'source':'school-a','markers':[{'id':'police:M1','type':'OTHER','on':'p-sara'}],"
                        + "'professionals':[{'id':'police:PC1','name':'PC Proxy','agency':'csc'}]}"),
                db);
        assertThat(squat.rejected())
                .extracting(Rejection::array, Rejection::field)
                .containsExactly(tuple("professionals", "id"), tuple("markers", "id"));
    }

    /**
     * Reviews 48 and 49: the explorer gives what users record ids of its own form (explorer-<kind>-<uuid>),
     * which no bundle may use, in any case of letters; an extract's ids carry its source, so its
     * local ids may begin so.
     */
    @Test
    void noImportGivesARecordAnIdOfTheFormTheExplorerGivesRecordings() {
        var db = database(Map.of("csc", "CHILDRENS_SOCIAL_CARE", "police", "POLICE"), Map.of());
        var plain = validator.validate(
                json("{'source':'csc','people':[{'id':'explorer-person-1'},{'id':'p-1'}],"
                        + "'markers':[{'id':'EXPLORER-marker-0b9e','type':'OTHER','on':'p-1'}]}"),
                db);
        assertThat(plain.rejected())
                .extracting(Rejection::array, Rejection::id, Rejection::field, Rejection::reason)
                .containsExactly(
                        tuple(
                                "people",
                                "explorer-person-1",
                                "id",
                                "must not begin with 'explorer-': ids of that form are given by the explorer to "
                                        + "what users record in it"),
                        tuple(
                                "markers",
                                "EXPLORER-marker-0b9e",
                                "id",
                                "must not begin with 'explorer-': ids of that form are given by the explorer to "
                                        + "what users record in it"));
        assertThat(plain.rows().get("people")).extracting(r -> r.get("id")).containsExactly("p-1");
        var extract = validator.validate(
                json("{'source':'police','resolve':true,'people':[{'id':'explorer-7','givenName':'Ann',"
                        + "'familyName':'Ray','dateOfBirth':'2010-01-01'}]}"),
                db);
        assertThat(extract.rejected()).isEmpty();
        var recording = validator.validateRecorded(
                json("{'source':'csc','referrals':[{'id':'explorer-referral-1','about':'p-sara','from':'csc',"
                        + "'receivedAt':'2018-09-01T10:00:00Z','concern':'NEGLECT'}]}"),
                db);
        assertThat(recording.rejected()).isEmpty();
    }

    @Test
    void everyKindOfBadFieldIsNamed() {
        var result = validate("""
                {'source':'csc','people':[
                  {'givenName':'No id'},
                  {'id':'p-2','dateOfBirth':'2018-02-30'},
                  {'id':'p-3','dateOfBirth':'2019-01-01'},
                  {'id':'p-4','sex':'M'},
                  {'id':'p-5','pncId':'12/34'},
                  {'id':'p-6','aliases':'Gaz'}
                ]}""");
        assertThat(result.rejected())
                .extracting(Rejection::index, Rejection::field)
                .containsExactly(
                        Tuple.tuple(0, "id"), Tuple.tuple(1, "dateOfBirth"),
                        Tuple.tuple(2, "dateOfBirth"), Tuple.tuple(3, "sex"),
                        Tuple.tuple(4, "pncId"), Tuple.tuple(5, "aliases"));
        assertThat(result.rejected().get(1).reason()).contains("not an ISO date that exists");
        assertThat(result.rejected().get(2).reason()).isEqualTo("is in the future (2019-01-01)");
        assertThat(result.rejected().get(3).reason()).startsWith("must be one of MALE, FEMALE, OTHER, UNKNOWN");
        assertThat(result.rows().get("people")).isEmpty();
    }

    /** Review 91: aliases were unbounded; each is compared as a family name wherever the person is met. */
    @Test
    void aPersonHoldsAtMostFiftyAliasesOfAtMostTwoHundredCharacters() {
        var fifty = new ArrayList<String>();
        for (int i = 0; i < BundleValidator.MAX_ALIASES; i++) {
            fifty.add("'Alias" + (char) ('a' + i % 26) + (char) ('a' + i / 26) + "'");
        }
        var result = validate("{'source':'police','people':[{'id':'p-1','aliases':[" + String.join(",", fifty)
                + "]},{'id':'p-2','aliases':[" + String.join(",", fifty) + ",'One more']},{'id':'p-3','aliases':['"
                + "x".repeat(201) + "']}]}");
        assertThat(result.rejected())
                .extracting(Rejection::index, Rejection::field, Rejection::reason)
                .containsExactly(
                        tuple(1, "aliases", "holds 51 strings; at most 50 are accepted"),
                        tuple(2, "aliases[0]", "is longer than 200 characters"));
        assertThat(result.rows().get("people")).hasSize(1);
    }

    @Test
    void relationshipsMustPointAtGoodRecordsAndEndOnOrAfterTheyStart() {
        var result = validate("""
                {'source':'csc',
                 'people':[{'id':'a'},{'id':'b','nhsNumber':'1'}],
                 'addresses':[{'id':'h','postcode':'YO1 0AA'}],
                 'relationships':[
                   {'type':'LIVES_AT','from':'a','to':'h','start':'2018-01-02','end':'2018-01-01'},
                   {'type':'PARENT_OF','from':'a','to':'b','kind':'BIRTH'},
                   {'type':'PARENT_OF','from':'a','to':'a','kind':'BIRTH'},
                   {'type':'MARRIED_TO','from':'a','to':'a'},
                   {'type':'LIVES_AT','from':'a','to':'h','start':'2018-01-01','end':'2018-01-01'}
                 ]}""");
        assertThat(result.rejected())
                .extracting(Rejection::array, Rejection::index, Rejection::field)
                .containsExactly(
                        Tuple.tuple("people", 1, "nhsNumber"),
                        Tuple.tuple("relationships", 0, "end"),
                        Tuple.tuple("relationships", 1, "to"),
                        Tuple.tuple("relationships", 2, "to"),
                        Tuple.tuple("relationships", 3, "type"),
                        Tuple.tuple("relationships", 3, "to"));
        assertThat(result.rows().get("lives-at"))
                .singleElement()
                .satisfies(row -> assertThat(row.get("key")).isEqualTo("LIVES_AT|a|h|2018-01-01"));
    }

    @Test
    void referencesMayResolveToRecordsAlreadyInTheDatabase() {
        var bundle = json("{'source':'csc','relationships':[{'type':'LIVES_AT','from':'p-old','to':'a-old'}]}");
        var result = validator.validate(bundle, refs -> {
            assertThat(refs).containsEntry("Person", Set.of("p-old")).containsEntry("Address", Set.of("a-old"));
            return Map.of("Person", Set.of("p-old"), "Address", Set.of("a-old"));
        });
        assertThat(result.rejected()).isEmpty();
        assertThat(result.rows().get("lives-at")).hasSize(1);
    }

    @Test
    void unknownFieldsAreWarningsThatDoNotReject() {
        var result = validate(
                "{'source':'csc','extra':1,'agencies':[{'id':'x','name':'X','type':'POLICE','colour':'blue'}]}");
        assertThat(result.rejected()).isEmpty();
        assertThat(result.rows().get("agencies")).hasSize(1);
        assertThat(result.warnings()).extracting(Rejection::field).containsExactly("extra", "colour");
    }

    @Test
    void aRecordWithoutAnySourceIsRejected() {
        var result = validate("{'agencies':[{'id':'x','name':'X','type':'POLICE'},"
                + "{'id':'y','name':'Y','type':'POLICE','source':'police'}]}");
        assertThat(result.rejected())
                .extracting(Rejection::id, Rejection::field)
                .containsExactly(Tuple.tuple("x", "source"));
        assertThat(result.rows().get("agencies"))
                .extracting(r -> r.get("source"))
                .containsExactly("police");
    }

    @Test
    void aDuplicateIdInOneBundleIsRejected() {
        var result = validate("{'source':'csc','people':[{'id':'p'},{'id':'p'}]}");
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(1);
            assertThat(r.reason()).isEqualTo("duplicates record 0 of this bundle (same id)");
        });
    }

    @Test
    void aLargeArrayReadInParallelIsFoldedInRecordOrderAsIfReadOneByOne() {
        var people = new StringBuilder();
        var relationships = new StringBuilder();
        var count = BundleValidator.PARALLEL_FROM * 3;
        for (int i = 0; i < count; i++) {
            // every 7th record has a bad date, every 11th repeats the id of the record before it,
            // every 13th carries an unknown field
            var id = i % 11 == 10 ? "p-" + (i - 1) : "p-" + i;
            people.append(i == 0 ? "" : ",")
                    .append("{'id':'")
                    .append(id)
                    .append("'")
                    .append(i % 7 == 3 ? ",'dateOfBirth':'2018-02-30'" : ",'dateOfBirth':'2010-01-01'")
                    .append(i % 13 == 5 ? ",'shoeSize':42" : "")
                    .append('}');
            relationships
                    .append(i == 0 ? "" : ",")
                    .append("{'type':'PARENT_OF','from':'p-")
                    .append(i)
                    .append("','to':'p-0','start':'2010-01-01','kind':'BIRTH'}");
        }
        var result = validate("{'source':'csc','people':[" + people + "],'relationships':[" + relationships + "]}");
        var expectedRejected = new ArrayList<String>();
        var expectedWarnings = new ArrayList<String>();
        var goodIds = new ArrayList<String>();
        var firstIndex = new HashMap<String, Integer>();
        for (int i = 0; i < count; i++) {
            var id = i % 11 == 10 ? "p-" + (i - 1) : "p-" + i;
            if (i % 7 == 3) {
                expectedRejected.add("people " + i + " dateOfBirth");
            } else if (firstIndex.containsKey(id)) {
                expectedRejected.add("people " + i + " id duplicates record " + firstIndex.get(id));
            } else {
                firstIndex.put(id, i);
                goodIds.add(id);
            }
            if (i % 13 == 5) {
                expectedWarnings.add("people " + i + " shoeSize");
            }
        }
        assertThat(result.rejected().stream()
                        .filter(r -> r.array().equals("people"))
                        .map(r -> r.array() + " " + r.index() + " " + r.field()
                                + (r.reason().startsWith("duplicates")
                                        ? " " + r.reason().replace(" of this bundle (same id)", "")
                                        : ""))
                        .toList())
                .containsExactlyElementsOf(expectedRejected);
        assertThat(result.warnings().stream()
                        .map(w -> w.array() + " " + w.index() + " " + w.field())
                        .toList())
                .containsExactlyElementsOf(expectedWarnings);
        assertThat(result.rows().get("people").stream()
                        .map(r -> (String) r.get("id"))
                        .toList())
                .containsExactlyElementsOf(goodIds);
        // relationships from people rejected above point nowhere, p-0 to itself is refused; the others are
        // kept, in order
        var rejectedPeople = new HashSet<String>();
        for (int i = 0; i < count; i++) {
            if (!goodIds.contains("p-" + i)) {
                rejectedPeople.add("p-" + i);
            }
        }
        assertThat(result.rows().get("parent-of").stream()
                        .map(r -> (String) r.get("fromId"))
                        .toList())
                .containsExactlyElementsOf(IntStream.range(0, count)
                        .mapToObj(i -> "p-" + i)
                        .filter(id -> !rejectedPeople.contains(id) && !id.equals("p-0"))
                        .toList());
    }

    @Test
    void aMeetingWithABadActionIsRejectedWholeNamingTheNestedField() {
        var result = validate("""
                {'source':'csc','agencies':[{'id':'csc','name':'CSC','type':'CHILDRENS_SOCIAL_CARE'}],
                 'people':[{'id':'c'}],
                 'meetings':[{'id':'m','kind':'STRATEGY','heldOn':'2018-03-05','concerns':['c'],
                   'attendance':[{'agency':'csc','invited':true,'attended':true},{'agency':'health'}],
                   'actions':[{'id':'a1','description':'Assess','owner':'csc','for':['c'],'dueOn':'2018-13-01'}]}]}""");
        assertThat(result.rejected())
                .extracting(Rejection::field)
                .containsExactly("attendance[1].agency", "actions[0].dueOn");
        assertThat(result.rows().get("meetings")).isEmpty();
    }

    @Test
    void aMeetingsDecisionNeedsItsReasonAndTheNextMeetingComesAfterIt() {
        var result = validate("""
                {'source':'csc','agencies':[{'id':'csc','name':'CSC','type':'CHILDRENS_SOCIAL_CARE'}],
                 'people':[{'id':'c'}],
                 'meetings':[{'id':'m1','kind':'STRATEGY','heldOn':'2018-09-20','concerns':['c'],'chair':'A. Chair',
                   'decision':'SECTION_47_ENQUIRY','decisionReason':'Disclosure to a teacher','nextMeetingOn':'2018-10-04'},
                  {'id':'m2','kind':'STRATEGY','heldOn':'2018-09-20','concerns':['c'],'decision':'CHILD_IN_NEED'},
                  {'id':'m3','kind':'STRATEGY','heldOn':'2018-09-20','concerns':['c'],'decision':'MAYBE',
                   'decisionReason':'Unsure'},
                  {'id':'m4','kind':'STRATEGY','heldOn':'2018-09-20','concerns':['c'],'nextMeetingOn':'2018-09-20'}]}""");
        assertThat(result.rejected())
                .extracting(Rejection::id, Rejection::field)
                .containsExactly(tuple("m2", "decisionReason"), tuple("m3", "decision"), tuple("m4", "nextMeetingOn"));
        var row = result.rows().get("meetings").get(0);
        assertThat(row)
                .containsEntry("decision", "SECTION_47_ENQUIRY")
                .containsEntry("chair", "A. Chair")
                .containsEntry("decisionReason", "Disclosure to a teacher")
                .containsEntry("nextMeetingOn", LocalDate.parse("2018-10-04"));
    }

    @Test
    void anActionIsNeitherDueNorDoneBeforeTheStrategyMeetingThatAgreedIt() {
        // hostile review 89: due 2018-08-01 and done 2018-07-01 at a meeting of 2018-09-01 was taken, and read
        // as 39 working days overdue the day it was agreed
        var result = validate("""
                {'source':'csc','agencies':[{'id':'csc','name':'CSC','type':'CHILDRENS_SOCIAL_CARE'}],
                 'people':[{'id':'c'}],
                 'meetings':[{'id':'m1','kind':'STRATEGY','heldOn':'2018-09-01','concerns':['c'],
                   'actions':[{'id':'a1','description':'Visit','for':['c'],'dueOn':'2018-08-01'}]},
                  {'id':'m2','kind':'STRATEGY','heldOn':'2018-09-01','concerns':['c'],
                   'actions':[{'id':'a2','description':'Visit','for':['c'],'dueOn':'2018-09-10','completedOn':'2018-07-01'}]},
                  {'id':'m3','kind':'STRATEGY','heldOn':'2018-09-01','concerns':['c'],
                   'actions':[{'id':'a3','description':'Visit','for':['c'],'dueOn':'2018-09-01','completedOn':'2018-09-01'}]},
                  {'id':'m4','kind':'CORE_GROUP','heldOn':'2018-10-01','concerns':['c'],
                   'actions':[{'id':'a4','description':'Visit','for':['c'],'dueOn':'2018-09-20','completedOn':'2018-09-25'}]}]}""");
        assertThat(result.rejected())
                .extracting(Rejection::id, Rejection::field, Rejection::reason)
                .containsExactly(
                        tuple("m1", "actions[0].dueOn", "is before the meeting that agreed the action (2018-09-01)"),
                        tuple(
                                "m2",
                                "actions[0].completedOn",
                                "is before the meeting that agreed the action (2018-09-01)"));
        // a core group's minutes carry forward the actions of earlier meetings (review 90)
        assertThat(result.rows().get("meetings")).extracting(r -> r.get("id")).containsExactly("m3", "m4");
    }

    @Test
    void markersGoOnPeopleOrAddresses() {
        var result = validate("""
                {'source':'police','people':[{'id':'p'}],'addresses':[{'id':'a'}],
                 'markers':[{'id':'m1','type':'REGISTERED_SEX_OFFENDER','on':'p','start':'2016-02-01'},
                            {'id':'m2','type':'OTHER','on':'a'},
                            {'id':'m3','type':'MAPPA','on':'p','mappaCategory':5},
                            {'id':'m4','type':'OTHER','on':'nowhere'}]}""");
        assertThat(result.rows().get("markers-on-person"))
                .extracting(r -> r.get("id"))
                .containsExactly("m1");
        assertThat(result.rows().get("markers-on-address"))
                .extracting(r -> r.get("id"))
                .containsExactly("m2");
        assertThat(result.rejected())
                .extracting(Rejection::id, Rejection::field)
                .containsExactly(Tuple.tuple("m3", "mappaCategory"), Tuple.tuple("m4", "on"));
        assertThat(result.rows().get("markers-on-person").get(0).get("start")).isEqualTo(LocalDate.parse("2016-02-01"));
    }

    @Test
    void referralsNeedConsistentInstants() {
        var result = validate("""
                {'source':'police','people':[{'id':'p'}],
                 'referrals':[{'id':'r1','about':'p','concern':'HSB','incidentAt':'2018-08-01T10:00:00Z','receivedAt':'2018-07-01T10:00:00Z'},
                              {'id':'r2','about':'p','concern':'HSB','receivedAt':'2018-08-01 10:00'},
                              {'id':'r3','about':'p','concern':'HSB','receivedAt':'2018-08-01T10:00:00+01:00','sourceCode':'6'},
                              {'id':'r4','about':'p','concern':'HSB','receivedAt':'2018-08-01T10:00:00Z','sourceCode':'11'}]}""");
        assertThat(result.rejected())
                .extracting(Rejection::id, Rejection::field)
                .containsExactly(
                        Tuple.tuple("r1", "incidentAt"),
                        Tuple.tuple("r2", "receivedAt"),
                        Tuple.tuple("r4", "sourceCode"));
        assertThat(result.rows().get("referrals").get(0).get("receivedAt").toString())
                .isEqualTo("2018-08-01T09:00Z");
    }

    @Test
    void datesAndInstantsOutsideTheYears1900To2100AreRejectedNamingArrayIndexAndField() {
        var result = validate("""
                {'source':'csc','people':[{'id':'p-1','dateOfBirth':'1899-12-31'},{'id':'p-2','dateOfBirth':'1900-01-01'}],
                 'relationships':[{'type':'LIVES_AT','from':'p-2','to':'a-1','start':'2010-01-01','end':'+999999-12-31'},
                                  {'type':'LIVES_AT','from':'p-2','to':'a-1','start':'2011-01-01','end':'2100-12-31'}],
                 'addresses':[{'id':'a-1'}],
                 'referrals':[{'id':'r1','about':'p-2','concern':'HSB','receivedAt':'2101-01-01T00:00:00Z'},
                              {'id':'r2','about':'p-2','concern':'HSB','incidentAt':'1900-01-01T00:00:00Z','receivedAt':'2018-08-01T10:00:00Z'}]}""");
        assertThat(result.rejected())
                .containsExactly(
                        new Rejection(
                                "people",
                                0,
                                "p-1",
                                "dateOfBirth",
                                "must be from 1900-01-01 to 2100-12-31, not \"1899-12-31\""),
                        new Rejection(
                                "relationships",
                                0,
                                null,
                                "end",
                                "must be from 1900-01-01 to 2100-12-31, not \"+999999-12-31\""),
                        new Rejection(
                                "referrals",
                                0,
                                "r1",
                                "receivedAt",
                                "must be from 1900-01-01 to 2100-12-31, not \"2101-01-01T00:00:00Z\""));
        assertThat(result.rows().get("people")).extracting(r -> r.get("id")).containsExactly("p-2");
        assertThat(result.rows().get("lives-at")).hasSize(1);
        assertThat(result.rows().get("referrals")).extracting(r -> r.get("id")).containsExactly("r2");
    }

    @Test
    void aBundleThatIsNotAnObjectOrHasANonArrayIsRefusedAsAWhole() {
        assertThatThrownBy(() -> validate("[1,2]")).isInstanceOf(BundleFormatException.class);
        assertThatThrownBy(() -> validate("{'people':{'id':'x'}}"))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("\"people\" must be an array");
    }

    /** Walk 71: a generator's noise.json, posted by mistake, was answered 200 with nothing imported. */
    @Test
    void aFileWithNoArrayOfRecordsAndOtherFieldsIsRefusedAsNoBundleButAnEmptyBundleIsOne() {
        assertThatThrownBy(() -> validate("{'health: nickname': 12, 'police: typo': 3}"))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageContaining(
                        "holds none of the arrays of records a bundle holds (agencies, professionals, " + "people,")
                .hasMessageContaining("and fields a bundle does not have: it is not a bundle; nothing was imported");
        assertThat(validate("{'source':'csc','people':[]}").rejected()).isEmpty();
        // an agency's empty nightly extract: no arrays, but only a bundle's own fields (review 92)
        assertThat(validate("{'source':'csc'}").rejected()).isEmpty();
    }
}
