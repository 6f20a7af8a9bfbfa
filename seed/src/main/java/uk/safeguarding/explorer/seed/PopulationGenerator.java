package uk.safeguarding.explorer.seed;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * A deterministic generator of a fictional local-authority population: the same
 * {@code --persons} and {@code --seed} always give the same bundles. Families are couples,
 * single parents (with the other parent living elsewhere) and blended families with half and
 * step siblings; households move; some children are placed in foster homes; a small share of
 * adults are registered sex offenders or MAPPA cases; agencies and professionals are involved;
 * referrals lead to strategy meetings with attendance and actions (some overdue), assessments and
 * protection plans. The distributions are documented in {@code seed/README.md}.
 *
 * <p>The population comes out as a series of bundles of about {@code chunkPersons} people each:
 * the first holds the agencies and professionals, every later one refers to them. Each family
 * lies wholly in one bundle, so every bundle imports on its own after the ones before it.
 */
public final class PopulationGenerator {

    static final String SOURCE = "seed";
    private static final String[] MALE = {
        "Adam", "Ben", "Callum", "Daniel", "Ethan", "Finley", "George", "Harry", "Isaac", "Jack", "Kieran", "Leo",
        "Mason", "Noah", "Oliver", "Reece", "Samuel", "Theo", "Tyler", "William"
    };
    private static final String[] FEMALE = {
        "Amelia", "Bethany", "Chloe", "Daisy", "Ella", "Freya", "Grace", "Holly", "Isla", "Jasmine", "Katie", "Lucy",
        "Megan", "Niamh", "Olivia", "Poppy", "Rosie", "Sophie", "Tia", "Zara"
    };
    private static final String[] FAMILY = {
        "Ashdown",
        "Brierley",
        "Calloway",
        "Dunmore",
        "Ellery",
        "Fenwick",
        "Garside",
        "Hollins",
        "Ingleby",
        "Jessop",
        "Kettering",
        "Lomax",
        "Marston",
        "Norcliffe",
        "Oakes",
        "Pickering",
        "Quarmby",
        "Radley",
        "Sowerby",
        "Thwaite",
        "Umpleby",
        "Varley",
        "Whitlock",
        "Yardley",
        "Ainsty",
        "Birkin",
        "Cawood",
        "Drax",
        "Escrick",
        "Fangfoss"
    };
    private static final String[] STREETS = {
        "Example Road",
        "Sample Close",
        "Fictional Terrace",
        "Placeholder Lane",
        "Invented Street",
        "Imaginary Avenue",
        "Pretend Grove",
        "Notional Way",
        "Dummy Crescent",
        "Mock Row"
    };
    private static final String[] TOWNS = {"Yorkton", "Eastby", "Westerfold", "Northam Parva", "Southwick Fen"};

    private final int persons;
    private final SplittableRandom random;
    private final LocalDate today;
    private int personCount;
    private int addressCount;
    private int recordCount;
    private int schools;
    private int socialWorkers;
    private int healthVisitors;
    private int yotWorkers;
    private int offenderManagers;
    private int officers;
    private final List<String> placements = new ArrayList<>();

    /**
     * @param persons how many people (100 to 1,000,000)
     * @param seed    the seed: the same seed gives the same population
     * @param today   the generator's "today": histories end on or before it
     */
    public PopulationGenerator(int persons, long seed, LocalDate today) {
        if (persons < 100 || persons > 1_000_000) {
            throw new IllegalArgumentException("--persons must be from 100 to 1,000,000");
        }
        this.persons = persons;
        this.random = new SplittableRandom(seed);
        this.today = today;
    }

    /** Generates the whole population, handing over one bundle of about {@code chunkPersons} people at a time. */
    public void generate(int chunkPersons, Consumer<JsonNode> sink) {
        var bundle = new BundleBuilder(SOURCE);
        services(bundle);
        int chunkStart = 0;
        while (personCount < persons) {
            family(bundle);
            if (personCount - chunkStart >= chunkPersons) {
                sink.accept(bundle.toJson());
                recordCount += bundle.records();
                bundle = new BundleBuilder(SOURCE);
                chunkStart = personCount;
            }
        }
        if (bundle.records() > 0) {
            recordCount += bundle.records();
            sink.accept(bundle.toJson());
        }
    }

    public int personsGenerated() {
        return personCount;
    }

    public int recordsGenerated() {
        return recordCount;
    }

    // --- agencies and professionals ----------------------------------------------------------

    private void services(BundleBuilder b) {
        b.add("agencies", "id", "csc", "name", "Children's social care", "type", "CHILDRENS_SOCIAL_CARE");
        b.add("agencies", "id", "police", "name", "Police public protection unit", "type", "POLICE");
        b.add("agencies", "id", "health", "name", "Healthy child service", "type", "HEALTH");
        b.add("agencies", "id", "camhs", "name", "Child and adolescent mental health service", "type", "HEALTH");
        b.add("agencies", "id", "yot", "name", "Youth offending team", "type", "YOUTH_OFFENDING");
        b.add("agencies", "id", "probation", "name", "Probation service", "type", "PROBATION");
        b.add("agencies", "id", "housing", "name", "Housing options", "type", "HOUSING");
        schools = Math.max(2, persons / 400);
        for (int i = 1; i <= schools; i++) {
            b.add("agencies", "id", "g-school-" + i, "name", "School " + i + " (fictional)", "type", "EDUCATION");
            b.add(
                    "professionals",
                    "id",
                    "g-dsl-" + i,
                    "name",
                    name(random.nextBoolean()) + " " + pick(FAMILY),
                    "role",
                    "Designated safeguarding lead",
                    "agency",
                    "g-school-" + i);
        }
        socialWorkers = professionals(b, "g-sw-", Math.max(2, persons / 300), "Social worker", "csc");
        healthVisitors = professionals(b, "g-hv-", Math.max(2, persons / 1000), "Health visitor", "health");
        yotWorkers = professionals(b, "g-yot-", Math.max(1, persons / 5000), "YOT case manager", "yot");
        offenderManagers = professionals(b, "g-om-", Math.max(1, persons / 3000), "Offender manager", "probation");
        officers = professionals(b, "g-dc-", Math.max(1, persons / 2000), "Detective constable", "police");
        for (int i = 0; i < Math.max(2, persons / 2000); i++) {
            placements.add(address(b, "PLACEMENT"));
        }
    }

    private int professionals(BundleBuilder b, String prefix, int count, String role, String agency) {
        for (int i = 1; i <= count; i++) {
            b.add(
                    "professionals",
                    "id",
                    prefix + i,
                    "name",
                    name(random.nextBoolean()) + " " + pick(FAMILY),
                    "role",
                    role,
                    "agency",
                    agency);
        }
        return count;
    }

    // --- families ----------------------------------------------------------------------------

    private void family(BundleBuilder b) {
        var roll = random.nextDouble();
        if (roll < 0.15) {
            var adult = adult(b, random.nextBoolean(), pick(FAMILY));
            livesAt(b, adult.id, address(b, "HOME"), adultFrom(adult), null);
        } else if (roll < 0.25) {
            var a = adult(b, true, pick(FAMILY));
            var c = adult(b, false, a.family);
            household(b, List.of(a, c), List.of(), couple(b, a, c, null).since());
        } else if (roll < 0.60) {
            var father = adult(b, true, pick(FAMILY));
            var mother = adult(b, false, father.family);
            var since = couple(b, father, mother, null).since();
            var children = children(b, List.of(father, mother), since, 1 + random.nextInt(4), father.family);
            household(b, List.of(father, mother), children, since);
        } else if (roll < 0.85) {
            singleParent(b);
        } else {
            blended(b);
        }
    }

    /** A parent and children; the other parent separated and lives elsewhere. */
    private void singleParent(BundleBuilder b) {
        var mother = adult(b, false, pick(FAMILY));
        var father = adult(b, true, pick(FAMILY));
        var couple = couple(b, mother, father, null);
        var since = couple.since();
        var children = children(b, List.of(mother, father), since, 1 + random.nextInt(3), mother.family);
        var lastBirth =
                children.stream().map(p -> p.dob).max(LocalDate::compareTo).orElse(since);
        var parted = between(lastBirth.plusMonths(6), today.minusMonths(1));
        couple.end(parted);
        var home = household(b, List.of(mother), children, since);
        livesAt(b, father.id, home, since, parted.toString());
        livesAt(b, father.id, address(b, "HOME"), parted.plusDays(1), null);
        if (random.nextDouble() < 0.3) {
            b.add(
                    "relationships",
                    "type",
                    "HAS_CONTACT_WITH",
                    "from",
                    father.id,
                    "to",
                    children.get(0).id,
                    "start",
                    parted.plusDays(1).toString(),
                    "nature",
                    "Alternate weekends");
        }
    }

    /** Two parents, each with children of an earlier partner, living together, maybe with a joint child. */
    private void blended(BundleBuilder b) {
        var mother = adult(b, false, pick(FAMILY));
        var exOfMother = adult(b, true, pick(FAMILY));
        var father = adult(b, true, pick(FAMILY));
        var exOfFather = adult(b, false, pick(FAMILY));
        var first = couple(b, mother, exOfMother, null);
        var herChildren = children(b, List.of(mother, exOfMother), first.since(), 1 + random.nextInt(2), mother.family);
        var second = couple(b, father, exOfFather, null);
        var hisChildren =
                children(b, List.of(father, exOfFather), second.since(), 1 + random.nextInt(2), father.family);
        var latest = max(
                max(herChildren.get(herChildren.size() - 1).dob, hisChildren.get(hisChildren.size() - 1).dob),
                max(first.since(), second.since()));
        var together = between(latest.plusMonths(3), today.minusMonths(2));
        first.end(together.minusDays(30 + random.nextInt(300)));
        second.end(together.minusDays(30 + random.nextInt(300)));
        couple(b, mother, father, together);
        livesAt(b, exOfMother.id, address(b, "HOME"), adultFrom(exOfMother), null);
        livesAt(b, exOfFather.id, address(b, "HOME"), adultFrom(exOfFather), null);
        var children = new ArrayList<Person>(herChildren);
        children.addAll(hisChildren);
        if (random.nextDouble() < 0.4 && together.plusYears(1).isBefore(today)) {
            children.addAll(children(b, List.of(mother, father), together.plusMonths(10), 1, father.family));
        }
        household(b, List.of(mother, father), children, together);
    }

    /** Puts the members at a home from {@code since}; some households move once; a few children are placed. */
    private String household(BundleBuilder b, List<Person> adults, List<Person> children, LocalDate since) {
        var home = address(b, "HOME");
        LocalDate moved = random.nextDouble() < 0.35 ? between(since.plusYears(1), today) : null;
        var next = moved == null ? null : address(b, random.nextDouble() < 0.05 ? "TEMPORARY" : "HOME");
        var members = new ArrayList<Person>(adults);
        members.addAll(children);
        for (var person : members) {
            var from = max(since, person.dob);
            LocalDate placed = null;
            if (children.contains(person)
                    && random.nextDouble() < 0.02
                    && person.dob.plusMonths(6).isBefore(today)) {
                placed = between(max(from, person.dob.plusMonths(6)), today);
            }
            var stays = new ArrayList<Object[]>();
            if (moved != null && from.isBefore(moved)) {
                stays.add(new Object[] {home, from, moved.minusDays(1)});
                stays.add(new Object[] {next, moved, null});
            } else {
                stays.add(new Object[] {moved != null ? next : home, from, null});
            }
            for (var stay : stays) {
                var start = (LocalDate) stay[1];
                var end = (LocalDate) stay[2];
                if (placed != null && !start.isBefore(placed)) {
                    continue;
                }
                if (placed != null && (end == null || !end.isBefore(placed))) {
                    end = placed.minusDays(1);
                }
                livesAt(b, person.id, (String) stay[0], start, end == null ? null : end.toString());
            }
            if (placed != null) {
                livesAt(b, person.id, pick(placements), placed, null);
                b.add(
                        "markers",
                        "id",
                        "g-m-" + person.id + "-lac",
                        "type",
                        "LOOKED_AFTER",
                        "on",
                        person.id,
                        "start",
                        placed.toString(),
                        "source",
                        "csc");
            }
        }
        for (var child : children) {
            childServices(b, child, children, adults);
        }
        adults.forEach(a -> offender(b, a));
        return moved != null ? next : home;
    }

    private void childServices(BundleBuilder b, Person child, List<Person> siblings, List<Person> adults) {
        var age = child.dob.until(today).getYears();
        if (age >= 5 && age <= 16) {
            var school = 1 + random.nextInt(schools);
            var start = LocalDate.of(child.dob.getYear() + (child.dob.getMonthValue() >= 9 ? 5 : 4), 9, 1);
            b.add(
                    "involvements",
                    "professional",
                    "g-dsl-" + school,
                    "person",
                    child.id,
                    "role",
                    "Designated safeguarding lead",
                    "start",
                    start.toString());
        } else if (age < 5 && child.dob.plusDays(14).isBefore(today) && random.nextDouble() < 0.6) {
            b.add(
                    "involvements",
                    "professional",
                    "g-hv-" + (1 + random.nextInt(healthVisitors)),
                    "person",
                    child.id,
                    "role",
                    "Health visitor",
                    "start",
                    child.dob.plusDays(14).toString(),
                    "lastContactOn",
                    between(child.dob.plusDays(14), today).toString());
        }
        if (age < 18 && random.nextDouble() < 0.06) {
            referrals(b, child, siblings, adults);
        }
    }

    // --- referrals, meetings, assessments, markers ---------------------------------------------

    private void referrals(BundleBuilder b, Person child, List<Person> siblings, List<Person> adults) {
        var count = 1 + random.nextInt(random.nextDouble() < 0.8 ? 1 : 3);
        var earliest = max(child.dob.plusMonths(3), today.minusYears(3));
        if (!earliest.isBefore(today)) {
            return;
        }
        var sw = "g-sw-" + (1 + random.nextInt(socialWorkers));
        boolean allocated = false;
        for (int i = 0; i < count; i++) {
            var id = "g-r-" + child.id + "-" + i;
            var incident = between(earliest, today.minusDays(1));
            var incidentAt = incident.atTime(LocalTime.of(7 + random.nextInt(14), 0));
            var concern = concern(child);
            var delayHours = random.nextDouble() < 0.8 ? 1 + random.nextInt(20) : 24 * (1 + random.nextInt(9));
            var received = incidentAt.plusHours(delayHours);
            if (received.toLocalDate().isAfter(today)) {
                received = incidentAt.plusHours(1);
            }
            var decided =
                    received.plusHours(random.nextDouble() < 0.85 ? 2 + random.nextInt(20) : 30 + random.nextInt(60));
            var source = pick(new String[] {"6", "6", "6", "2A", "2A", "3A", "3B", "3E", "1A", "5D", "4", "9"});
            b.add(
                    "referrals",
                    "id",
                    id,
                    "about",
                    child.id,
                    "from",
                    sourceAgency(source),
                    "incidentAt",
                    incidentAt.atOffset(ZoneOffset.UTC).toInstant().toString(),
                    "receivedAt",
                    received.atOffset(ZoneOffset.UTC).toInstant().toString(),
                    "decidedAt",
                    decided.toLocalDate().isAfter(today)
                            ? null
                            : decided.atOffset(ZoneOffset.UTC).toInstant().toString(),
                    "concern",
                    concern,
                    "urgency",
                    pick(new String[] {"ROUTINE", "ROUTINE", "URGENT", "IMMEDIATE"}),
                    "sourceCode",
                    source,
                    "source",
                    sourceAgency(source) == null ? "csc" : sourceAgency(source));
            var day = received.toLocalDate();
            if (!allocated) {
                b.add(
                        "involvements",
                        "professional",
                        sw,
                        "person",
                        child.id,
                        "role",
                        "Allocated social worker",
                        "start",
                        day.toString(),
                        "lastContactOn",
                        between(day, today).toString());
                allocated = true;
            }
            if (random.nextDouble() < 0.7) {
                var started = day.plusDays(random.nextInt(4));
                if (!started.isAfter(today)) {
                    var completed = started.plusDays(10 + random.nextInt(50));
                    b.add(
                            "assessments",
                            "id",
                            id + "-as",
                            "of",
                            child.id,
                            "type",
                            "SOCIAL_WORK",
                            "by",
                            "csc",
                            "startedOn",
                            started.toString(),
                            "completedOn",
                            completed.isAfter(today) || random.nextDouble() < 0.2 ? null : completed.toString());
                }
            }
            if ("SEXUAL_ABUSE".equals(concern)) {
                b.add(
                        "markers",
                        "id",
                        id + "-victim",
                        "type",
                        "CSA_VICTIM",
                        "on",
                        child.id,
                        "start",
                        day.toString(),
                        "source",
                        "police");
            }
            if ("HSB".equals(concern)) {
                b.add(
                        "markers",
                        "id",
                        id + "-hsb",
                        "type",
                        "HARMFUL_SEXUAL_BEHAVIOUR",
                        "on",
                        child.id,
                        "start",
                        day.toString(),
                        "source",
                        "csc");
                if (random.nextDouble() < 0.5) {
                    b.add(
                            "involvements",
                            "professional",
                            "g-yot-" + (1 + random.nextInt(yotWorkers)),
                            "person",
                            child.id,
                            "role",
                            "YOT case manager",
                            "start",
                            day.plusDays(7).isAfter(today)
                                    ? day.toString()
                                    : day.plusDays(7).toString());
                }
            }
            if ("MISSING".equals(concern)) {
                var gone = incident.atTime(22, 0);
                b.add(
                        "events",
                        "id",
                        id + "-missing",
                        "kind",
                        "MISSING_EPISODE",
                        "occurredAt",
                        gone.atOffset(ZoneOffset.UTC).toInstant().toString(),
                        "endedAt",
                        gone.plusHours(6 + random.nextInt(40))
                                .atOffset(ZoneOffset.UTC)
                                .toInstant()
                                .toString(),
                        "summary",
                        "Missing from home overnight",
                        "involves",
                        List.of(child.id));
                var interview = gone.plusHours(30 + random.nextInt(80));
                if (random.nextDouble() < 0.6 && !interview.toLocalDate().isAfter(today)) {
                    b.add(
                            "events",
                            "id",
                            id + "-rhi",
                            "kind",
                            "RETURN_HOME_INTERVIEW",
                            "occurredAt",
                            interview.atOffset(ZoneOffset.UTC).toInstant().toString(),
                            "independent",
                            random.nextDouble() < 0.7,
                            "summary",
                            "Return home interview",
                            "involves",
                            List.of(child.id));
                }
            }
            if (random.nextDouble() < 0.4) {
                meeting(b, id, child, siblings, day);
            }
        }
    }

    private void meeting(BundleBuilder b, String referralId, Person child, List<Person> siblings, LocalDate received) {
        var held = received.plusDays(random.nextInt(5));
        if (held.isAfter(today)) {
            return;
        }
        var concerns = new ArrayList<String>();
        concerns.add(child.id);
        siblings.stream()
                .filter(s -> s != child && s.dob.isBefore(held) && random.nextDouble() < 0.5)
                .forEach(s -> concerns.add(s.id));
        var attendance = new ArrayList<Map<String, Object>>();
        attendance.add(Map.of("agency", "csc", "invited", true, "attended", true));
        attendance.add(Map.of("agency", "police", "invited", true, "attended", random.nextDouble() < 0.95));
        attendance.add(Map.of(
                "agency", "health", "invited", random.nextDouble() < 0.95, "attended", random.nextDouble() < 0.75));
        var actions = new ArrayList<Map<String, Object>>();
        var actionCount = 1 + random.nextInt(3);
        for (int i = 0; i < actionCount; i++) {
            var due = held.plusDays(7 + random.nextInt(14));
            var done = random.nextDouble() < 0.8 ? due.plusDays(random.nextInt(9) - 6) : null;
            var action = new LinkedHashMap<String, Object>();
            action.put("id", referralId + "-ac" + i);
            action.put("description", pick(new String[] {
                "Assess the risk to siblings",
                "Achieving best evidence interview",
                "Health assessment",
                "Refer to CAMHS",
                "Home visit",
                "Check police records for the household"
            }));
            action.put("owner", pick(new String[] {"csc", "csc", "police", "health"}));
            action.put("for", List.copyOf(concerns));
            action.put("dueOn", due.toString());
            if (done != null && !done.isAfter(today) && !done.isBefore(held)) {
                action.put("completedOn", done.toString());
            }
            actions.add(action);
        }
        b.add(
                "meetings",
                "id",
                referralId + "-sm",
                "kind",
                "STRATEGY",
                "heldOn",
                held.toString(),
                "concerns",
                concerns,
                "attendance",
                attendance,
                "actions",
                actions);
        if (random.nextDouble() < 0.25) {
            var plan = held.plusDays(15);
            if (!plan.isAfter(today)) {
                for (var id : concerns) {
                    b.add(
                            "markers",
                            "id",
                            referralId + "-cpp-" + id,
                            "type",
                            "CHILD_PROTECTION_PLAN",
                            "on",
                            id,
                            "start",
                            plan.toString(),
                            "detail",
                            "Category: " + pick(new String[] {"NEG", "EMO", "PHY", "SAB", "MUL"}),
                            "source",
                            "csc");
                }
            }
        }
    }

    private void offender(BundleBuilder b, Person adult) {
        var roll = random.nextDouble();
        if (!adult.male || roll >= 0.008) {
            return;
        }
        var since = between(adultFrom(adult), today.minusMonths(1));
        b.add(
                "involvements",
                "professional",
                "g-om-" + (1 + random.nextInt(offenderManagers)),
                "person",
                adult.id,
                "role",
                "Offender manager",
                "start",
                since.toString(),
                "lastContactOn",
                between(since, today).toString());
        if (roll < 0.004) {
            b.add(
                    "markers",
                    "id",
                    "g-m-" + adult.id + "-rso",
                    "type",
                    "REGISTERED_SEX_OFFENDER",
                    "on",
                    adult.id,
                    "start",
                    since.toString(),
                    "source",
                    "police");
            b.add(
                    "markers",
                    "id",
                    "g-m-" + adult.id + "-mappa",
                    "type",
                    "MAPPA",
                    "on",
                    adult.id,
                    "start",
                    since.toString(),
                    "mappaCategory",
                    1,
                    "mappaLevel",
                    1 + random.nextInt(2),
                    "source",
                    "probation");
            b.add(
                    "involvements",
                    "professional",
                    "g-dc-" + (1 + random.nextInt(officers)),
                    "person",
                    adult.id,
                    "role",
                    "Offender manager (police)",
                    "start",
                    since.toString());
        } else {
            b.add(
                    "markers",
                    "id",
                    "g-m-" + adult.id + "-mappa",
                    "type",
                    "MAPPA",
                    "on",
                    adult.id,
                    "start",
                    since.toString(),
                    "mappaCategory",
                    2,
                    "mappaLevel",
                    1,
                    "source",
                    "probation");
        }
    }

    // --- people and places -----------------------------------------------------------------------

    private record Person(String id, boolean male, LocalDate dob, String family) {}

    private Person adult(BundleBuilder b, boolean male, String family) {
        var dob = between(LocalDate.of(1955, 1, 1), today.minusYears(20));
        return person(b, male, dob, family, random.nextDouble() < 0.05);
    }

    private List<Person> children(BundleBuilder b, List<Person> parents, LocalDate from, int count, String family) {
        var result = new ArrayList<Person>();
        var mother = parents.stream().filter(p -> !p.male).findFirst().orElse(parents.get(0));
        var born = max(from.plusMonths(9), mother.dob.plusYears(17));
        for (int i = 0; i < count && born.isBefore(today); i++) {
            var child = person(b, random.nextBoolean(), born, family, false);
            for (var parent : parents) {
                b.add("relationships", "type", "PARENT_OF", "from", parent.id, "to", child.id, "kind", "BIRTH");
            }
            result.add(child);
            born = born.plusMonths(15 + random.nextInt(40));
        }
        if (result.isEmpty()) {
            result.add(person(b, random.nextBoolean(), today.minusMonths(1 + random.nextInt(6)), family, false));
            parents.forEach(p ->
                    b.add("relationships", "type", "PARENT_OF", "from", p.id, "to", result.get(0).id, "kind", "BIRTH"));
        }
        return result;
    }

    private Person person(BundleBuilder b, boolean male, LocalDate dob, String family, boolean alias) {
        var id = "g-p-" + (++personCount);
        var given = name(male);
        b.add(
                "people",
                "id",
                id,
                "givenName",
                given,
                "familyName",
                family,
                "dateOfBirth",
                dob.toString(),
                "sex",
                male ? "MALE" : "FEMALE",
                "nhsNumber",
                random.nextDouble() < 0.92 ? nhsNumber() : null,
                "aliases",
                alias ? List.of(given.substring(0, Math.min(3, given.length())) + " " + pick(FAMILY)) : null);
        return new Person(id, male, dob, family);
    }

    /** A partnership record, kept so that a later separation can close it. */
    private record Couple(Map<String, Object> record, LocalDate since) {

        void end(LocalDate until) {
            record.put("end", (until.isBefore(since) ? since : until).toString());
            record.put("status", "SEPARATED");
        }
    }

    private Couple couple(BundleBuilder b, Person a, Person c, LocalDate since) {
        var from = since != null ? since : between(max(adultFrom(a), adultFrom(c)), today.minusYears(1));
        var record = b.add(
                "relationships",
                "type",
                "PARTNER_OF",
                "from",
                a.id,
                "to",
                c.id,
                "start",
                from.toString(),
                "status",
                pick(new String[] {"MARRIED", "COHABITING", "COHABITING"}));
        return new Couple(record, from);
    }

    private String address(BundleBuilder b, String kind) {
        var n = ++addressCount;
        var id = "g-a-" + n;
        b.add(
                "addresses",
                "id",
                id,
                "uprn",
                String.valueOf(200_000_000_000L + n),
                "line1",
                (1 + random.nextInt(180)) + " " + pick(STREETS),
                "town",
                pick(TOWNS),
                "postcode",
                "YO" + (10 + random.nextInt(22)) + " " + random.nextInt(10) + (char) ('A' + random.nextInt(26))
                        + (char) ('A' + random.nextInt(26)),
                "kind",
                kind);
        return id;
    }

    private void livesAt(BundleBuilder b, String person, String address, LocalDate from, String to) {
        b.add("relationships", "type", "LIVES_AT", "from", person, "to", address, "start", from.toString(), "end", to);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private String concern(Person child) {
        var age = child.dob.until(today).getYears();
        var roll = random.nextDouble();
        if (roll < 0.35) {
            return "NEGLECT";
        } else if (roll < 0.55) {
            return "EMOTIONAL_ABUSE";
        } else if (roll < 0.73) {
            return "PHYSICAL_ABUSE";
        } else if (roll < 0.81) {
            return "SEXUAL_ABUSE";
        } else if (roll < 0.85 && age >= 10) {
            return "HSB";
        } else if (roll < 0.91 && age >= 8) {
            return "MISSING";
        } else if (roll < 0.95 && age >= 10) {
            return "EXPLOITATION";
        }
        return "OTHER";
    }

    private static String sourceAgency(String code) {
        return switch (code) {
            case "6" -> "police";
            case "3A", "3B", "3E" -> "health";
            case "4" -> "housing";
            case "5D" -> "csc";
            default -> null;
        };
    }

    private LocalDate adultFrom(Person p) {
        return p.dob.plusYears(18);
    }

    private String nhsNumber() {
        while (true) {
            var digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                digits[i] = i == 0 ? 4 + random.nextInt(6) : random.nextInt(10);
                sum += digits[i] * (10 - i);
            }
            int check = 11 - (sum % 11);
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                var text = new StringBuilder();
                for (var d : digits) {
                    text.append(d);
                }
                return text.append(check).toString();
            }
        }
    }

    private String name(boolean male) {
        return pick(male ? MALE : FEMALE);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private LocalDate between(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return from;
        }
        return from.plusDays(random.nextLong(from.until(to, ChronoUnit.DAYS) + 1));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
