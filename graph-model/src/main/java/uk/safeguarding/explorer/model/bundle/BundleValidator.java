package uk.safeguarding.explorer.model.bundle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.model.AddressKind;
import uk.safeguarding.explorer.model.AgencyType;
import uk.safeguarding.explorer.model.AssessmentType;
import uk.safeguarding.explorer.model.Concern;
import uk.safeguarding.explorer.model.EventKind;
import uk.safeguarding.explorer.model.MarkerType;
import uk.safeguarding.explorer.model.MeetingDecision;
import uk.safeguarding.explorer.model.MeetingKind;
import uk.safeguarding.explorer.model.NhsNumber;
import uk.safeguarding.explorer.model.ParentKind;
import uk.safeguarding.explorer.model.PncId;
import uk.safeguarding.explorer.model.Sex;
import uk.safeguarding.explorer.model.SiblingKind;
import uk.safeguarding.explorer.model.Urgency;

/**
 * Validates an import bundle (DESIGN §4) record by record. A bad record is rejected alone,
 * with its array, index, id, field and reason; every good record becomes a parameter row for
 * its write statement. References must resolve to a good record of the same bundle or to a
 * record already in the database, so nothing is written that points nowhere.
 */
public final class BundleValidator {

    /** The arrays of a bundle, in the order they are validated and written. */
    public static final List<String> ARRAYS = List.of(
            "agencies",
            "professionals",
            "people",
            "addresses",
            "relationships",
            "involvements",
            "markers",
            "referrals",
            "assessments",
            "meetings",
            "events");

    /** The write statements, in write order; each names a file {@code cypher/import/<name>.cypher}. */
    public static final List<String> WRITE_GROUPS = List.of(
            "agencies",
            "professionals",
            "people",
            "addresses",
            "parent-of",
            "partner-of",
            "sibling-of",
            "lives-at",
            "has-contact-with",
            "involvements",
            "markers-on-person",
            "markers-on-address",
            "referrals",
            "assessments",
            "meetings",
            "events");

    /** Referral source codes of the CIN census (DOMAIN.md). */
    public static final Set<String> REFERRAL_SOURCES = Set.of(
            "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6",
            "7", "8", "9", "10");

    private static final Set<String> ROOT_FIELDS = Set.of("source", "resolve");
    private static final String PERSON = "Person";
    private static final String ADDRESS = "Address";
    private static final String AGENCY = "Agency";
    private static final String PROFESSIONAL = "Professional";

    /**
     * A person's aliases at most: a police record rarely holds more than a dozen; each is compared as a
     * family name, so thousands would cost every record that meets the person (review 91).
     */
    public static final int MAX_ALIASES = 50;

    /** Arrays of at least this many records are read in parallel (below it, threads cost more than they save). */
    static final int PARALLEL_FROM = 2_000;

    /**
     * Sources beginning with this are what the explorer records itself (a meeting, an action, a
     * marker recorded through the API by a user of no agency: {@code explorer-admin}); the page says
     * such a record was "recorded in the explorer". A bundle from outside may not claim it.
     */
    public static final String EXPLORER_SOURCE_PREFIX = "explorer-";

    private final Clock clock;

    public BundleValidator(Clock clock) {
        this.clock = clock;
    }

    /** Validates a bundle from outside (an import): its sources may not begin with {@link #EXPLORER_SOURCE_PREFIX}. */
    public ValidatedBundle validate(JsonNode root, ExistingIds existingIds) {
        return validate(root, existingIds, false);
    }

    /** Validates what the explorer records itself, whose source may be one of its own. */
    public ValidatedBundle validateRecorded(JsonNode root, ExistingIds existingIds) {
        return validate(root, existingIds, true);
    }

    private ValidatedBundle validate(JsonNode root, ExistingIds existingIds, boolean recorded) {
        if (root == null || !root.isObject()) {
            throw new BundleFormatException("the bundle must be a JSON object with arrays such as \"people\"");
        }
        var run = new Run(root, recorded);
        run.lookUpReferences(existingIds);
        run.validateAll();
        return run.result();
    }

    /** What separates the words of a name: spaces, hyphens, apostrophes. */
    private static final Pattern BETWEEN_WORDS = Pattern.compile("[\\s\\-']+");

    /**
     * Why a name (a given or family name, an alias) could be read as another on screen, or null: its
     * first word with a character that does not show, letters of scripts not written together (a
     * Cyrillic "а" in "Hale"), or letters of another script that all look like Latin ones (a Cyrillic
     * "Вера" reads "Bepa"), as "the word "…" …". Accents, marks and punctuation are the name's own.
     * Said in an import's warnings and beside a record in the data steward's queue.
     */
    public static String lookalikeName(String name) {
        if (name == null) {
            return null;
        }
        for (var word : BETWEEN_WORDS.split(name)) {
            var why = word.isEmpty() ? null : RecordReader.lookalikeWord(word);
            if (why != null) {
                return "the word \"" + word + "\" " + why;
            }
        }
        return null;
    }

    /** The state of validating one bundle. */
    private final class Run {

        private final JsonNode root;
        private final boolean recorded;
        private final String bundleSource;
        private final boolean resolve;
        private final LocalDate today = LocalDate.now(clock);
        private final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        private final Map<String, Integer> accepted = new LinkedHashMap<>();
        private final List<Rejection> rejected = new ArrayList<>();
        private final List<Rejection> warnings = new ArrayList<>();
        private final Map<String, Set<String>> valid = new HashMap<>();
        private Map<String, Set<String>> inDatabase = Map.of();
        /** The stored type of each agency the bundle's agencies array names that exists already. */
        private Map<String, String> storedTypes = Map.of();
        /** The stored name of each agency the bundle's agencies array names that exists already. */
        private Map<String, String> storedNames = Map.of();
        /** The agency each professional of a bundle without resolve works for, where it exists already. */
        private Map<String, String> storedEmployers = Map.of();
        /** Per array, the ids of this bundle's records that are records a user recorded in the explorer. */
        private Map<String, Set<String>> recordedInDatabase = Map.of();

        Run(JsonNode root, boolean recorded) {
            this.root = root;
            this.recorded = recorded;
            var source = root.get("source");
            if (source != null
                    && !source.isNull()
                    && (!source.isString() || source.stringValue().isBlank())) {
                throw new BundleFormatException("\"source\" must be a non-blank string (the supplying agency's id)");
            }
            this.bundleSource = source == null || source.isNull()
                    ? null
                    : source.stringValue().strip();
            var resolveFlag = root.get("resolve");
            if (resolveFlag != null && !resolveFlag.isNull() && !resolveFlag.isBoolean()) {
                throw new BundleFormatException("\"resolve\" must be true (an agency extract) or false");
            }
            this.resolve = resolveFlag != null && resolveFlag.isBoolean() && resolveFlag.booleanValue();
            if (resolve && bundleSource == null) {
                throw new BundleFormatException("an agency extract (\"resolve\": true) needs a \"source\": "
                        + "the id of the supplying agency");
            }
            var lookalike = bundleSource == null ? null : RecordReader.lookalike(bundleSource);
            if (lookalike != null) {
                throw new BundleFormatException("\"source\" " + lookalike);
            }
            if (bundleSource != null && bundleSource.contains(":")) {
                throw new BundleFormatException(
                        "\"source\" must not contain ':' (it prefixes the ids of agency " + "extracts)");
            }
            if (bundleSource != null && ownSource(bundleSource)) {
                throw new BundleFormatException("\"source\" must not begin with '" + EXPLORER_SOURCE_PREFIX
                        + "': it names what is recorded in the explorer itself; give the supplying agency's id");
            }
            var names = root.propertyNames();
            if (names.stream().noneMatch(ARRAYS::contains)
                    && names.stream().anyMatch(name -> !ROOT_FIELDS.contains(name))) {
                // walk 71: a generator's noise.json, posted by mistake, was answered 200 with nothing
                // imported and a warning for each of its fields. A bundle of no arrays but a bundle's own
                // fields (an agency's empty nightly extract) is still a bundle: it may hold any subset.
                throw new BundleFormatException("holds none of the arrays of records a bundle holds ("
                        + String.join(", ", ARRAYS) + ") and fields a bundle does not have: it is not a bundle; "
                        + "nothing was imported");
            }
            for (var name : root.propertyNames()) {
                if (!ARRAYS.contains(name) && !ROOT_FIELDS.contains(name)) {
                    warnings.add(new Rejection(name, -1, null, name, "unknown top-level field, ignored"));
                }
                var value = root.get(name);
                if (ARRAYS.contains(name) && !value.isNull() && !value.isArray()) {
                    throw new BundleFormatException("\"" + name + "\" must be an array of records");
                }
            }
            WRITE_GROUPS.forEach(group -> rows.put(group, new ArrayList<>()));
            List.of(PERSON, ADDRESS, AGENCY, PROFESSIONAL).forEach(label -> valid.put(label, new HashSet<>()));
        }

        ValidatedBundle result() {
            return new ValidatedBundle(rows, accepted, rejected, warnings, resolve, bundleSource);
        }

        void lookUpReferences(ExistingIds existingIds) {
            var refs = new HashMap<String, Set<String>>();
            Consumer<String[]> add = pair -> {
                if (pair[1] != null) {
                    refs.computeIfAbsent(pair[0], k -> new TreeSet<>()).add(pair[1]);
                }
            };
            records("professionals").forEach(r -> add.accept(new String[] {AGENCY, text(r, "agency")}));
            records("relationships").forEach(r -> {
                add.accept(new String[] {PERSON, text(r, "from")});
                add.accept(new String[] {"LIVES_AT".equals(text(r, "type")) ? ADDRESS : PERSON, text(r, "to")});
            });
            records("involvements").forEach(r -> {
                add.accept(new String[] {PROFESSIONAL, text(r, "professional")});
                add.accept(new String[] {PERSON, text(r, "person")});
            });
            records("markers").forEach(r -> {
                add.accept(new String[] {PERSON, text(r, "on")});
                add.accept(new String[] {ADDRESS, text(r, "on")});
            });
            records("referrals").forEach(r -> {
                add.accept(new String[] {PERSON, text(r, "about")});
                add.accept(new String[] {AGENCY, text(r, "from")});
            });
            records("assessments").forEach(r -> {
                add.accept(new String[] {PERSON, text(r, "of")});
                add.accept(new String[] {AGENCY, text(r, "by")});
            });
            records("meetings").forEach(r -> {
                texts(r, "concerns").forEach(id -> add.accept(new String[] {PERSON, id}));
                children(r, "attendance").forEach(a -> add.accept(new String[] {AGENCY, text(a, "agency")}));
                children(r, "actions").forEach(a -> {
                    add.accept(new String[] {AGENCY, text(a, "owner")});
                    texts(a, "for").forEach(id -> add.accept(new String[] {PERSON, id}));
                });
            });
            records("events").forEach(r -> texts(r, "involves").forEach(id -> add.accept(new String[] {PERSON, id})));
            inDatabase = refs.isEmpty() ? Map.of() : existingIds.existing(refs);
            var agencyIds = new TreeSet<String>();
            records("agencies").forEach(r -> {
                if (text(r, "id") != null) {
                    agencyIds.add(text(r, "id"));
                }
            });
            if (resolve) {
                agencyIds.add(bundleSource);
            }
            storedTypes = agencyIds.isEmpty() ? Map.of() : existingIds.agencyTypes(agencyIds);
            if (resolve && !storedTypes.containsKey(bundleSource)) {
                // hostile review 50: an extract of source "demo", the source of a bundle without resolve,
                // reached every person that bundle brought and gave Sian a stepson
                throw new BundleFormatException("\"source\" \"" + bundleSource + "\" names no agency of the "
                        + "partnership: an agency extract comes from an agency the partnership has added (with a "
                        + "bundle without resolve); nothing was imported");
            }
            storedNames = agencyIds.isEmpty() ? Map.of() : existingIds.agencyNames(agencyIds);
            var professionalIds = new TreeSet<String>();
            records("professionals").forEach(r -> {
                if (text(r, "id") != null) {
                    professionalIds.add(text(r, "id"));
                }
            });
            storedEmployers =
                    resolve || professionalIds.isEmpty() ? Map.of() : existingIds.professionalAgencies(professionalIds);
            if (!recorded) {
                var ids = new HashMap<String, Set<String>>();
                Consumer<String[]> own = pair -> {
                    if (pair[1] != null) {
                        ids.computeIfAbsent(pair[0], k -> new TreeSet<>()).add(pair[1]);
                    }
                };
                for (var array : List.of("referrals", "meetings", "assessments", "markers")) {
                    records(array).forEach(r -> own.accept(new String[] {array, text(r, "id")}));
                }
                records("meetings")
                        .forEach(r -> children(r, "actions")
                                .forEach(a -> own.accept(new String[] {"actions", text(a, "id")})));
                recordedInDatabase = ids.isEmpty() ? Map.of() : existingIds.recordedIds(ids);
            }
        }

        void validateAll() {
            each("agencies", this::agency);
            each("professionals", this::professional);
            each("people", this::person);
            each("addresses", this::address);
            each("relationships", this::relationship);
            each("involvements", this::involvement);
            each("markers", this::marker);
            each("referrals", this::referral);
            each("assessments", this::assessment);
            each("meetings", this::meeting);
            each("events", this::event);
        }

        /** Reads one record; returns the write group and row when it is good, or null. */
        private interface RecordRule {
            Map.Entry<String, Map<String, Object>> read(RecordReader reader);
        }

        /** One record as read on its own, before the checks across records of its array. */
        private record Read(
                RecordReader reader,
                List<Rejection> problems,
                Map.Entry<String, Map<String, Object>> entry,
                boolean object) {}

        /**
         * Reads every record of an array, then folds them in order: duplicates, valid ids, rows,
         * rejections and warnings as if read one by one. Reading a record depends only on the record,
         * the bundle and the arrays before it (no array refers to its own records), so a large array
         * is read in parallel; meetings, which note the warnings of their parts as they read them,
         * are read in order.
         */
        private void each(String array, RecordRule rule) {
            var nodes = records(array);
            var reads = new Read[nodes.size()];
            var indexes = IntStream.range(0, nodes.size());
            if (nodes.size() >= PARALLEL_FROM && !"meetings".equals(array)) {
                indexes = indexes.parallel();
            }
            indexes.forEach(i -> reads[i] = read(array, i, nodes.get(i), rule));
            var seen = new HashMap<String, Integer>();
            int good = 0;
            for (int index = 0; index < reads.length; index++) {
                var read = reads[index];
                var reader = read.reader();
                var problems = read.problems();
                if (!read.object()) {
                    rejected.addAll(problems);
                    continue;
                }
                var entry = read.entry();
                if (entry != null && problems.isEmpty()) {
                    var identity = (String)
                            entry.getValue().getOrDefault("id", entry.getValue().get("key"));
                    var first = seen.putIfAbsent(identity, index);
                    if (first != null) {
                        reader.reject(
                                entry.getValue().containsKey("id") ? "id" : "",
                                "duplicates record " + first + " of this bundle (same "
                                        + (entry.getValue().containsKey("id") ? "id" : "endpoints, type and start")
                                        + ")");
                    }
                }
                if (entry == null || !problems.isEmpty()) {
                    rejected.addAll(problems);
                } else {
                    rows.get(entry.getKey()).add(entry.getValue());
                    var label = labelOf(array);
                    if (label != null) {
                        valid.get(label).add((String) entry.getValue().get("id"));
                    }
                    good++;
                }
                reader.reportUnknownFields(warnings);
            }
            if (root.has(array)) {
                accepted.put(array, good);
            }
        }

        private Read read(String array, int index, JsonNode node, RecordRule rule) {
            var problems = new ArrayList<Rejection>();
            var reader = new RecordReader(array, index, node, "", problems);
            if (!node.isObject()) {
                reader.reject("", "must be a JSON object");
                return new Read(reader, problems, null, false);
            }
            return new Read(reader, problems, rule.read(reader), true);
        }

        /** Whether an import claims a source of the explorer's own (case aside). */
        private boolean ownSource(String source) {
            return !recorded && source.toLowerCase(Locale.ROOT).startsWith(EXPLORER_SOURCE_PREFIX);
        }

        /**
         * In an agency extract, the agency a referral came from or an assessment was made by is the
         * supplying agency: an extract speaks for its own agency only (hostile review 48: a police extract
         * recorded a referral from the school and an assessment by health). The agency, or null.
         */
        private String ownAgency(RecordReader r, String field, String agency) {
            if (resolve && agency != null && !agency.equals(bundleSource)) {
                r.reject(
                        field,
                        "must be the extract's source \"" + bundleSource + "\": an agency extract records "
                                + "its own agency's " + ("from".equals(field) ? "referrals" : "assessments") + " only");
            }
            return agency;
        }

        /**
         * What the explorer records, the partnership's bundles and agency extracts never take each
         * other's ids: only an extract makes ids of the form of its records ({@code source:localId}),
         * so neither a recording nor a bundle without resolve may give a record such an id (hostile
         * review 48: a plain bundle under the school's source took over a police extract's marker); no
         * bundle may give a record an id of the form the explorer gives what users record ({@code
         * explorer-<kind>-<uuid>}); and an import may not change or take over a record a user recorded ({@code recordedVia} set).
         */
        private void checkOwnId(RecordReader r, String array, String id) {
            if (!resolve && id.contains(":")) {
                r.reject(
                        "id",
                        "must not contain ':': ids of that form are those of agency extracts' records "
                                + "(source:localId)");
            } else if (!resolve && !"agencies".equals(array) && ownSource(id)) {
                // (an agency of such an id is refused with its own reason)
                r.reject(
                        "id",
                        "must not begin with '" + EXPLORER_SOURCE_PREFIX + "': ids of that form are given by the "
                                + "explorer to what users record in it");
            } else if (!recorded
                    && recordedInDatabase.getOrDefault(array, Set.of()).contains(id)) {
                r.reject(
                        "id",
                        "is the id of a record a user recorded in the explorer; an import never changes "
                                + "or takes over such a record: give this record another id");
            }
        }

        private Map<String, Object> start(RecordReader r, boolean hasId) {
            var row = new LinkedHashMap<String, Object>();
            if (hasId) {
                var id = r.id("id");
                r.setId(id);
                row.put("id", id);
                if (id != null) {
                    checkOwnId(r, r.array(), id);
                }
            }
            var source = r.string("source", false, RecordReader.MAX_ID);
            if (source == null) {
                source = bundleSource;
            }
            var disguise = source == null ? null : RecordReader.lookalike(source);
            if (source == null) {
                r.reject("source", "is required: give the bundle a \"source\" or the record its own");
            } else if (disguise != null) {
                r.reject("source", disguise);
            } else if (source.contains(":")) {
                r.reject("source", "must not contain ':' (it prefixes the ids of agency extracts)");
            } else if (ownSource(source)) {
                r.reject(
                        "source",
                        "must not begin with '" + EXPLORER_SOURCE_PREFIX + "': it names what is recorded in the "
                                + "explorer itself; give the supplying agency's id");
            } else if (resolve && !source.equals(bundleSource)) {
                r.reject(
                        "source",
                        "must be the extract's source \"" + bundleSource + "\": every record of an "
                                + "agency extract comes from the supplying agency");
            }
            row.put("source", source);
            row.put("recordedAt", r.instant("recordedAt", false));
            return row;
        }

        private Map.Entry<String, Map<String, Object>> agency(RecordReader r) {
            var row = start(r, true);
            if (row.get("id") instanceof String id && ownSource(id)) {
                // a source is looked up as the agency of that id: an agency of this name would stand in
                // for the explorer in whatever it records (who holds a record, offender management)
                r.reject(
                        "id",
                        "must not begin with '" + EXPLORER_SOURCE_PREFIX + "': sources of that name are what is "
                                + "recorded in the explorer itself, so no agency may be called so");
            }
            if (resolve && row.get("id") instanceof String id && !id.equals(bundleSource)) {
                r.reject(
                        "id",
                        "must be the extract's source \"" + bundleSource + "\": an agency extract describes its "
                                + "own agency only (the partnership's other agencies come from their own extracts "
                                + "or a bundle without resolve)");
            } else if (resolve && row.get("id") instanceof String id && !storedTypes.containsKey(id)) {
                // its type would decide what its users see, and no one of the partnership chose it
                r.reject(
                        "id",
                        "names no agency of the partnership yet: an agency extract describes its own agency once "
                                + "the partnership has added it (a bundle without resolve)");
            }
            var agencyName = r.string("name", true);
            row.put("name", agencyName);
            var storedName = row.get("id") instanceof String id ? storedNames.get(id) : null;
            if (agencyName != null && storedName != null && !storedName.equals(agencyName)) {
                // hostile review 49: a school's extract could call itself the police public protection unit
                storedChange(
                        r,
                        "name",
                        "renames agency " + row.get("id") + " from \"" + storedName + "\" to \"" + agencyName + "\"",
                        "an agency extract never renames an agency, whose name every user reads as who holds "
                                + "information; a bundle without resolve from the partnership can",
                        "every user reads the new name");
            }
            var type = name(r.enumValue("type", AgencyType.class, true));
            row.put("type", type);
            var stored = row.get("id") instanceof String id ? storedTypes.get(id) : null;
            if (type != null && stored != null && !stored.equals(type)) {
                // an agency's type decides what every one of its users sees (offender detail to police)
                storedChange(
                        r,
                        "type",
                        "changes the type of agency " + row.get("id") + " from " + stored + " to " + type,
                        "an agency extract never changes an agency's type, which decides what its users see; a "
                                + "bundle without resolve from the partnership can",
                        "what its users see changes with it");
            }
            return Map.entry("agencies", row);
        }

        /**
         * A stored value of an agency that the record changes: refused in an agency extract, which
         * speaks for its agency but does not configure it; a warning in the partnership's own bundle.
         */
        private void storedChange(RecordReader r, String field, String change, String whyRefused, String whatFollows) {
            if (resolve) {
                r.reject(field, change + ": " + whyRefused);
            } else {
                r.warn(field, change + ": " + whatFollows);
            }
        }

        private Map.Entry<String, Map<String, Object>> professional(RecordReader r) {
            var row = start(r, true);
            row.put("name", r.string("name", true));
            row.put("role", r.string("role", false));
            var agency = reference(r, "agency", AGENCY, true);
            if (resolve && agency != null && !agency.equals(bundleSource)) {
                // an involvement of a professional gives their agency a relationship (need-to-know)
                r.reject(
                        "agency",
                        "must be the extract's source \"" + bundleSource + "\": an agency extract lists its own "
                                + "agency's professionals only (another agency's involvement comes from that "
                                + "agency)");
            }
            row.put("agency", agency);
            var employer = row.get("id") instanceof String id ? storedEmployers.get(id) : null;
            if (agency != null && employer != null && !employer.equals(agency)) {
                r.warn(
                        "agency",
                        "moves professional " + row.get("id") + " from " + employer + " to " + agency
                                + ": who sees the people they are involved with changes with it");
            }
            return Map.entry("professionals", row);
        }

        /**
         * A name is free text and kept as sent, but a word that could pass for another name on screen
         * is said in a warning naming the field ({@link #lookalikeName}), for the administrator who
         * imports to check it with the agency before a data steward meets it.
         */
        private static void warnLookalikeName(RecordReader r, String field, String name) {
            var why = lookalikeName(name);
            if (why != null) {
                r.warn(field, why + "; check it with the agency that sent it");
            }
        }

        private Map.Entry<String, Map<String, Object>> person(RecordReader r) {
            var row = start(r, true);
            row.put("givenName", r.string("givenName", false, 200));
            row.put("familyName", r.string("familyName", false, 200));
            // bounded as names are: each alias is a family name the matching engine compares (review 91)
            row.put("aliases", r.strings("aliases", MAX_ALIASES, 200));
            warnLookalikeName(r, "givenName", (String) row.get("givenName"));
            warnLookalikeName(r, "familyName", (String) row.get("familyName"));
            @SuppressWarnings("unchecked")
            var aliases = (List<String>) row.get("aliases");
            for (int i = 0; i < aliases.size(); i++) {
                warnLookalikeName(r, "aliases[" + i + "]", aliases.get(i));
            }
            var dob = r.date("dateOfBirth", false);
            if (dob != null && dob.isAfter(today)) {
                r.reject("dateOfBirth", "is in the future (" + dob + ")");
            }
            row.put("dateOfBirth", dob);
            var estimated = r.bool("dobEstimated");
            row.put("dobEstimated", estimated != null && estimated);
            row.put("sex", name(r.enumValue("sex", Sex.class, false)));
            var deceased = r.date("deceasedOn", false);
            if (deceased != null && deceased.isAfter(today)) {
                r.reject("deceasedOn", "is in the future (" + deceased + ")");
            }
            if (deceased != null && dob != null && deceased.isBefore(dob)) {
                r.reject("deceasedOn", "is before the date of birth (" + dob + ")");
            }
            row.put("deceasedOn", deceased);
            var nhs = r.string("nhsNumber", false, 20);
            if (nhs != null) {
                var problem = NhsNumber.problem(nhs);
                if (problem != null) {
                    r.reject("nhsNumber", problem);
                }
                nhs = NhsNumber.normalise(nhs);
            }
            row.put("nhsNumber", nhs);
            var pnc = r.string("pncId", false, 20);
            if (pnc != null && !PncId.isValid(pnc)) {
                r.reject("pncId", "must be a PNC id: YYYY/NNNNNNN and a check letter, e.g. 2001/0012345A");
            }
            row.put("pncId", pnc);
            row.put("laCaseNumber", r.string("laCaseNumber", false, 50));
            var upn = r.string("upn", false, 20);
            if (upn != null && !upn.matches("[A-Z]\\d{11}[0-9A-Z]")) {
                r.reject("upn", "must be a 13-character unique pupil number (a letter, 11 digits, a digit or letter)");
            }
            row.put("upn", upn);
            row.put("probationCrn", r.string("probationCrn", false, 50));
            return Map.entry("people", row);
        }

        private Map.Entry<String, Map<String, Object>> address(RecordReader r) {
            var row = start(r, true);
            var uprn = r.string("uprn", false, 20);
            if (uprn != null && !uprn.matches("\\d{1,12}")) {
                r.reject("uprn", "must be up to 12 digits");
            }
            row.put("uprn", uprn);
            row.put("line1", r.string("line1", false, 200));
            row.put("line2", r.string("line2", false, 200));
            row.put("town", r.string("town", false, 200));
            var postcode = r.string("postcode", false, 10);
            if (postcode != null) {
                postcode = postcode.toUpperCase().replaceAll("\\s+", " ");
                if (!postcode.matches("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}")) {
                    r.reject("postcode", "is not a UK postcode");
                }
            }
            row.put("postcode", postcode);
            row.put("kind", name(r.enumValue("kind", AddressKind.class, false)));
            return Map.entry("addresses", row);
        }

        private Map.Entry<String, Map<String, Object>> relationship(RecordReader r) {
            var row = start(r, false);
            var type = r.string("type", true, 40);
            var group = switch (type == null ? "" : type) {
                case "PARENT_OF" -> "parent-of";
                case "PARTNER_OF" -> "partner-of";
                case "SIBLING_OF" -> "sibling-of";
                case "LIVES_AT" -> "lives-at";
                case "HAS_CONTACT_WITH" -> "has-contact-with";
                default -> null;
            };
            if (type != null && group == null) {
                r.reject(
                        "type",
                        "must be one of PARENT_OF, PARTNER_OF, SIBLING_OF, LIVES_AT, HAS_CONTACT_WITH, not "
                                + RecordReader.quote(type));
            }
            var from = reference(r, "from", PERSON, true);
            var to = reference(r, "to", "LIVES_AT".equals(type) ? ADDRESS : PERSON, true);
            if (from != null && from.equals(to)) {
                r.reject("to", "is the same person as \"from\"");
            }
            var period = period(r, "start", "end");
            row.put("fromId", from);
            row.put("toId", to);
            row.put("start", period[0]);
            row.put("end", period[1]);
            String kind = null;
            if ("PARENT_OF".equals(type)) {
                kind = name(r.enumValue("kind", ParentKind.class, true));
            } else if ("SIBLING_OF".equals(type)) {
                kind = name(r.enumValue("kind", SiblingKind.class, true));
            }
            row.put("kind", kind);
            row.put("status", "PARTNER_OF".equals(type) ? r.string("status", false, 40) : null);
            row.put("nature", "HAS_CONTACT_WITH".equals(type) ? r.string("nature", false, 500) : null);
            if (group == null || from == null || to == null) {
                return null;
            }
            var symmetric = "PARTNER_OF".equals(type) || "SIBLING_OF".equals(type);
            var a = symmetric && from.compareTo(to) > 0 ? to : from;
            var b = a.equals(from) ? to : from;
            var discriminator = kind != null ? kind : String.valueOf(period[0]);
            row.put("key", String.join("|", type, a, b, discriminator));
            return Map.entry(group, row);
        }

        private Map.Entry<String, Map<String, Object>> involvement(RecordReader r) {
            var row = start(r, false);
            var professional = reference(r, "professional", PROFESSIONAL, true);
            var person = reference(r, "person", PERSON, true);
            var period = period(r, "start", "end");
            row.put("professional", professional);
            row.put("person", person);
            row.put("role", r.string("role", false, 200));
            row.put("start", period[0]);
            row.put("end", period[1]);
            var lastContact = r.date("lastContactOn", false);
            if (lastContact != null && lastContact.isAfter(today)) {
                r.reject("lastContactOn", "is in the future (" + lastContact + ")");
            }
            row.put("lastContactOn", lastContact);
            if (professional == null || person == null) {
                return null;
            }
            row.put("key", String.join("|", "INVOLVED_WITH", professional, person, String.valueOf(period[0])));
            return Map.entry("involvements", row);
        }

        private Map.Entry<String, Map<String, Object>> marker(RecordReader r) {
            var row = start(r, true);
            row.put("type", name(r.enumValue("type", MarkerType.class, true)));
            var on = r.string("on", true, RecordReader.MAX_ID);
            String group = null;
            if (on != null) {
                var person = known(PERSON, on);
                var address = known(ADDRESS, on);
                if (person && address) {
                    r.reject("on", "\"" + on + "\" is both a person and an address; give them distinct ids");
                } else if (!person && !address) {
                    r.reject(
                            "on",
                            "refers to \"" + on + "\", which is neither a person nor an address in this "
                                    + "bundle (as a valid record) or in the database");
                } else {
                    group = person ? "markers-on-person" : "markers-on-address";
                }
            }
            row.put("on", on);
            var period = period(r, "start", "end");
            row.put("start", period[0]);
            row.put("end", period[1]);
            row.put("detail", r.string("detail", false));
            row.put("mappaCategory", r.integer("mappaCategory", 1, 4));
            row.put("mappaLevel", r.integer("mappaLevel", 1, 3));
            return group == null ? null : Map.entry(group, row);
        }

        private Map.Entry<String, Map<String, Object>> referral(RecordReader r) {
            var row = start(r, true);
            row.put("about", reference(r, "about", PERSON, true));
            row.put("from", ownAgency(r, "from", reference(r, "from", AGENCY, false)));
            var incident = r.instant("incidentAt", false);
            var received = r.instant("receivedAt", true);
            var decided = r.instant("decidedAt", false);
            if (incident != null && received != null && incident.isAfter(received)) {
                r.reject("incidentAt", "is after receivedAt");
            }
            if (decided != null && received != null && decided.isBefore(received)) {
                r.reject("decidedAt", "is before receivedAt");
            }
            notFuture(r, "receivedAt", received);
            notFuture(r, "decidedAt", decided);
            row.put("incidentAt", incident);
            row.put("receivedAt", received);
            row.put("decidedAt", decided);
            row.put("concern", name(r.enumValue("concern", Concern.class, true)));
            row.put("urgency", name(r.enumValue("urgency", Urgency.class, false)));
            var sourceCode = r.string("sourceCode", false, 4);
            if (sourceCode != null && !REFERRAL_SOURCES.contains(sourceCode)) {
                r.reject(
                        "sourceCode",
                        "is not a CIN census referral source code (1A-1D, 2A, 2B, 3A-3F, 4, 5A-5D, 6-10)");
            }
            row.put("sourceCode", sourceCode);
            row.put("outcome", r.string("outcome", false, 200));
            return Map.entry("referrals", row);
        }

        private Map.Entry<String, Map<String, Object>> assessment(RecordReader r) {
            var row = start(r, true);
            row.put("of", reference(r, "of", PERSON, true));
            row.put("by", ownAgency(r, "by", reference(r, "by", AGENCY, false)));
            row.put("type", name(r.enumValue("type", AssessmentType.class, true)));
            var period = period(r, "startedOn", "completedOn");
            row.put("startedOn", period[0]);
            row.put("completedOn", period[1]);
            return Map.entry("assessments", row);
        }

        private Map.Entry<String, Map<String, Object>> meeting(RecordReader r) {
            var row = start(r, true);
            row.put("kind", name(r.enumValue("kind", MeetingKind.class, true)));
            row.put("heldOn", r.date("heldOn", true));
            row.put("concerns", references(r, "concerns", PERSON));
            // what the meeting decided and why, who chaired it and when it meets next (all optional)
            row.put("chair", r.string("chair", false, 200));
            var decision = r.enumValue("decision", MeetingDecision.class, false);
            var reason = r.string("decisionReason", false, 2000);
            if (decision != null && reason == null) {
                r.reject("decisionReason", "is required with a decision: say why");
            }
            if (decision == null && reason != null && r.raw("decision") == null) {
                r.reject("decision", "is required with a decisionReason");
            }
            row.put("decision", name(decision));
            row.put("decisionReason", reason);
            var next = r.date("nextMeetingOn", false);
            var held = (LocalDate) row.get("heldOn");
            if (next != null && held != null && !next.isAfter(held)) {
                r.reject("nextMeetingOn", "must be after heldOn (" + held + ")");
            }
            row.put("nextMeetingOn", next);
            var attendance = new ArrayList<Map<String, Object>>();
            var agencies = new HashSet<String>();
            int i = 0;
            for (var node : children(r.raw("attendance"), r, "attendance")) {
                var sub = new RecordReader(r.array(), r.index(), node, "attendance[" + i + "].", problemsOf(r));
                sub.setId(r.recordId());
                var agency = reference(sub, "agency", AGENCY, true);
                if (agency != null && !agencies.add(agency)) {
                    sub.reject("agency", "is listed twice in this meeting's attendance");
                }
                if (resolve && agency != null && !agency.equals(bundleSource)) {
                    // being invited to a meeting gives an agency a relationship (need-to-know)
                    sub.reject(
                            "agency",
                            "must be the extract's source \"" + bundleSource + "\": an agency extract records "
                                    + "its own agency's attendance only (the chair records the other agencies')");
                }
                var invited = sub.bool("invited");
                var attended = sub.bool("attended");
                var att = new LinkedHashMap<String, Object>();
                att.put("agency", agency);
                att.put("invited", invited == null || invited);
                att.put("attended", attended != null && attended);
                attendance.add(att);
                sub.reportUnknownFields(warnings);
                i++;
            }
            row.put("attendance", attendance);
            var actions = new ArrayList<Map<String, Object>>();
            var actionIds = new HashSet<String>();
            i = 0;
            for (var node : children(r.raw("actions"), r, "actions")) {
                var sub = new RecordReader(r.array(), r.index(), node, "actions[" + i + "].", problemsOf(r));
                sub.setId(r.recordId());
                var action = new LinkedHashMap<String, Object>();
                var id = sub.id("id");
                if (id != null && !actionIds.add(id)) {
                    sub.reject("id", "is used by two actions of this meeting");
                }
                if (id != null) {
                    checkOwnId(sub, "actions", id);
                }
                action.put("id", id);
                action.put("description", sub.string("description", true));
                action.put("owner", reference(sub, "owner", AGENCY, false));
                action.put("for", references(sub, "for", PERSON));
                // nothing agreed at a strategy meeting is due or done before it (hostile review 89: an action
                // due and done before its meeting read as overdue the day it was agreed; completeAction refused
                // the same); the minutes of a core group or review carry forward actions of earlier ones, which
                // may be (review 90)
                var agreedHere = held != null && "STRATEGY".equals(row.get("kind"));
                var due = sub.date("dueOn", false);
                if (due != null && agreedHere && due.isBefore(held)) {
                    sub.reject("dueOn", "is before the meeting that agreed the action (" + held + ")");
                }
                action.put("dueOn", due);
                var completed = sub.date("completedOn", false);
                if (completed != null && completed.isAfter(today)) {
                    sub.reject("completedOn", "is in the future (" + completed + ")");
                } else if (completed != null && agreedHere && completed.isBefore(held)) {
                    sub.reject("completedOn", "is before the meeting that agreed the action (" + held + ")");
                }
                action.put("completedOn", completed);
                actions.add(action);
                sub.reportUnknownFields(warnings);
                i++;
            }
            row.put("actions", actions);
            return Map.entry("meetings", row);
        }

        private Map.Entry<String, Map<String, Object>> event(RecordReader r) {
            var row = start(r, true);
            row.put("kind", name(r.enumValue("kind", EventKind.class, true)));
            var occurred = r.instant("occurredAt", true);
            var ended = r.instant("endedAt", false);
            if (occurred != null && ended != null && ended.isBefore(occurred)) {
                r.reject("endedAt", "is before occurredAt");
            }
            notFuture(r, "occurredAt", occurred);
            row.put("occurredAt", occurred);
            row.put("endedAt", ended);
            row.put("independent", r.bool("independent"));
            row.put("summary", r.string("summary", false));
            row.put("involves", references(r, "involves", PERSON));
            return Map.entry("events", row);
        }

        // --- helpers -------------------------------------------------------------------

        private List<Rejection> problemsOf(RecordReader r) {
            // Sub-readers share the record's problem list through a reject callback.
            return new ForwardingList(r);
        }

        private void notFuture(RecordReader r, String field, ZonedDateTime at) {
            if (at != null && at.toLocalDate().isAfter(today)) {
                r.reject(field, "is in the future (" + at + ")");
            }
        }

        private LocalDate[] period(RecordReader r, String startField, String endField) {
            var start = r.date(startField, false);
            var end = r.date(endField, false);
            if (start != null && end != null && end.isBefore(start)) {
                r.reject(endField, "is before " + startField + " (" + end + " < " + start + ")");
            }
            return new LocalDate[] {start, end};
        }

        private String reference(RecordReader r, String field, String label, boolean required) {
            var id = r.string(field, required, RecordReader.MAX_ID);
            if (id != null && !known(label, id)) {
                r.reject(
                        field,
                        "refers to " + label.toLowerCase() + " \"" + id + "\", which is neither in this bundle "
                                + "(as a valid record) nor in the database");
                return null;
            }
            return id;
        }

        private List<String> references(RecordReader r, String field, String label) {
            var ids = r.strings(field);
            var result = new ArrayList<String>();
            for (int i = 0; i < ids.size(); i++) {
                var id = ids.get(i);
                if (!known(label, id)) {
                    r.reject(
                            field + "[" + i + "]",
                            "refers to " + label.toLowerCase() + " \"" + id
                                    + "\", which is neither in this bundle (as a valid record) nor in the database");
                } else if (!result.contains(id)) {
                    result.add(id);
                }
            }
            return result;
        }

        private boolean known(String label, String id) {
            return valid.get(label).contains(id)
                    || inDatabase.getOrDefault(label, Set.of()).contains(id);
        }

        private List<JsonNode> records(String array) {
            var node = root.get(array);
            return node == null || !node.isArray() ? List.of() : List.copyOf(node.values());
        }

        private List<JsonNode> children(JsonNode node, RecordReader r, String field) {
            if (node == null) {
                return List.of();
            }
            if (!node.isArray()) {
                r.reject(field, "must be an array");
                return List.of();
            }
            var result = new ArrayList<JsonNode>();
            int i = 0;
            for (var child : node.values()) {
                if (!child.isObject()) {
                    r.reject(field + "[" + i + "]", "must be a JSON object");
                } else {
                    result.add(child);
                }
                i++;
            }
            return result;
        }

        private List<JsonNode> children(JsonNode record, String field) {
            var node = record.isObject() ? record.get(field) : null;
            return node == null || !node.isArray() ? List.of() : List.copyOf(node.values());
        }

        private String text(JsonNode record, String field) {
            var node = record.isObject() ? record.get(field) : null;
            return node != null && node.isString() ? node.stringValue().strip() : null;
        }

        private List<String> texts(JsonNode record, String field) {
            var result = new ArrayList<String>();
            children(record, field).forEach(n -> {
                if (n.isString()) {
                    result.add(n.stringValue().strip());
                }
            });
            return result;
        }

        private String labelOf(String array) {
            return switch (array) {
                case "people" -> PERSON;
                case "addresses" -> ADDRESS;
                case "agencies" -> AGENCY;
                case "professionals" -> PROFESSIONAL;
                default -> null;
            };
        }

        private static String name(Enum<?> value) {
            return value == null ? null : value.name();
        }
    }

    /** A list that hands what is added to it to the parent record's reader. */
    private static final class ForwardingList extends ArrayList<Rejection> {

        private final RecordReader parent;

        ForwardingList(RecordReader parent) {
            this.parent = parent;
        }

        @Override
        public boolean add(Rejection rejection) {
            parent.reject(rejection.field(), rejection.reason());
            return true;
        }
    }
}
