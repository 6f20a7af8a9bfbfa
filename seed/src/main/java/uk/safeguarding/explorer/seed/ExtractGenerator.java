package uk.safeguarding.explorer.seed;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic fictional population seen by five agencies, each through its own agency
 * extract (DESIGN §9) with its own local ids and its own habits: health (GP registrations: NHS
 * numbers, registered addresses), the school (pupils with UPNs and their parents as contacts,
 * often without a date of birth, preferred names), children's social care (families it works
 * with), the police (nicknames, upper case, typos, swapped day and month, aliases, no NHS numbers)
 * and probation (offenders with PNC ids). The noise is realistic and counted; twins and namesakes
 * (a son named after his father, living with him) are planted on purpose. The truth (which
 * record is which person, which pairs are twins or namesakes) comes with it, so that
 * {@code seed evaluate} can measure precision and recall.
 */
public final class ExtractGenerator {

    static final List<String> SOURCES = List.of("csc", "health", "school", "police", "probation");

    /**
     * The partnership's bundle of the five agencies (a bundle without resolve), imported before their
     * extracts: an agency extract comes from an agency the partnership has added. The names are the
     * demo's where its agencies have the same ids, so that importing it beside the demo renames none.
     */
    static Map<String, Object> partnership() {
        var agencies = List.of(
                agency("csc", "Children's social care (front door)", "CHILDRENS_SOCIAL_CARE"),
                agency("health", "Healthy child service", "HEALTH"),
                agency("school", "Schools of the area (fictional)", "EDUCATION"),
                agency("police", "Police vulnerability assessment team", "POLICE"),
                agency("probation", "Probation service", "PROBATION"));
        var bundle = new LinkedHashMap<String, Object>();
        bundle.put("source", "partnership");
        bundle.put("agencies", agencies);
        return bundle;
    }

    private static Map<String, Object> agency(String id, String name, String type) {
        var agency = new LinkedHashMap<String, Object>();
        agency.put("id", id);
        agency.put("name", name);
        agency.put("type", type);
        return agency;
    }

    private static final String[] MALE = {
        "Oliver",
        "George",
        "Harry",
        "Jack",
        "Jacob",
        "Noah",
        "Charlie",
        "Thomas",
        "Oscar",
        "William",
        "James",
        "Henry",
        "Leo",
        "Alfie",
        "Joshua",
        "Freddie",
        "Archie",
        "Ethan",
        "Isaac",
        "Alexander",
        "Joseph",
        "Edward",
        "Samuel",
        "Max",
        "Daniel",
        "Arthur",
        "Lucas",
        "Mohammed",
        "Logan",
        "Theo",
        "Harrison",
        "Benjamin",
        "Mason",
        "Sebastian",
        "Finley",
        "Adam",
        "Dylan",
        "Zachary",
        "Riley",
        "Teddy",
        "Matthew",
        "Michael",
        "Christopher",
        "Andrew",
        "David",
        "Richard",
        "Robert",
        "Mark",
        "Paul",
        "Stephen",
        "Anthony",
        "Peter",
        "Kevin",
        "Lee",
        "Gary",
        "Craig",
        "Darren",
        "Jason",
        "Neil",
        "Simon",
        "Ian",
        "Martin",
        "Nicholas",
        "Jonathan",
        "Timothy",
        "Philip",
        "Gregory",
        "Patrick",
        "Kenneth",
        "Ronald",
        "Raymond",
        "Terence",
        "Dennis",
        "Alan",
        "Graham",
        "Colin",
        "Keith",
        "Barry",
        "Trevor",
        "Stuart",
        "Wayne",
        "Dean",
        "Carl",
        "Shaun",
        "Ryan",
        "Liam",
        "Connor",
        "Callum",
        "Kieran",
        "Jordan",
        "Bradley",
        "Lewis",
        "Nathan",
        "Aaron",
        "Jamie",
        "Luke",
        "Owen",
        "Reece",
        "Tyler",
        "Kyle",
        "Declan",
        "Rhys",
        "Toby",
        "Louis",
        "Elliot",
        "Hugo",
        "Rory",
        "Felix",
        "Jude",
        "Albert",
        "Stanley",
        "Frederick",
        "Reuben",
        "Ezra",
        "Caleb",
        "Gabriel",
        "Elijah"
    };
    private static final String[] FEMALE = {
        "Olivia",
        "Amelia",
        "Isla",
        "Ava",
        "Emily",
        "Sophia",
        "Grace",
        "Mia",
        "Poppy",
        "Ella",
        "Lily",
        "Evie",
        "Isabella",
        "Sophie",
        "Ivy",
        "Freya",
        "Harper",
        "Willow",
        "Charlotte",
        "Jessica",
        "Daisy",
        "Florence",
        "Matilda",
        "Rosie",
        "Phoebe",
        "Evelyn",
        "Alice",
        "Ruby",
        "Sienna",
        "Elsie",
        "Sarah",
        "Elizabeth",
        "Margaret",
        "Susan",
        "Patricia",
        "Deborah",
        "Karen",
        "Julie",
        "Tracey",
        "Michelle",
        "Nicola",
        "Amanda",
        "Joanne",
        "Lisa",
        "Claire",
        "Kelly",
        "Emma",
        "Rebecca",
        "Laura",
        "Hannah",
        "Lauren",
        "Chloe",
        "Megan",
        "Katherine",
        "Rachel",
        "Victoria",
        "Samantha",
        "Stephanie",
        "Jennifer",
        "Helen",
        "Alison",
        "Catherine",
        "Caroline",
        "Louise",
        "Jane",
        "Anne",
        "Mary",
        "Linda",
        "Carol",
        "Angela",
        "Dawn",
        "Kerry",
        "Joanna",
        "Natalie",
        "Danielle",
        "Gemma",
        "Zoe",
        "Abigail",
        "Bethany",
        "Holly",
        "Jade",
        "Leanne",
        "Kirsty",
        "Amy",
        "Jasmine",
        "Paige",
        "Courtney",
        "Shannon",
        "Niamh",
        "Erin",
        "Imogen",
        "Eleanor",
        "Harriet",
        "Georgia",
        "Lucy",
        "Millie",
        "Maisie",
        "Esme",
        "Ada",
        "Iris",
        "Violet",
        "Aria",
        "Layla",
        "Maya",
        "Zara",
        "Penelope",
        "Beatrice",
        "Theodora",
        "Nancy",
        "Edith",
        "Mabel",
        "Rose",
        "Hazel",
        "Pearl",
        "Clara",
        "Naomi",
        "Tabitha"
    };
    private static final String[] COMMON = {
        "Smith",
        "Jones",
        "Taylor",
        "Brown",
        "Williams",
        "Wilson",
        "Johnson",
        "Davies",
        "Robinson",
        "Wright",
        "Thompson",
        "Evans",
        "Walker",
        "White",
        "Roberts",
        "Green",
        "Hall",
        "Wood",
        "Jackson",
        "Clarke",
        "Patel",
        "Khan",
        "Lewis",
        "James",
        "Phillips",
        "Mason",
        "Mitchell",
        "Rose",
        "Davis",
        "Rodriguez",
        "Cox",
        "Alexander",
        "Morgan",
        "Moore",
        "Mills",
        "King",
        "Adams",
        "Garcia",
        "White",
        "Stewart",
        "Scott",
        "Turner",
        "Carter",
        "Morris",
        "Harris",
        "Baker",
        "Hill",
        "Cooper",
        "Ward",
        "Hughes",
        "Edwards",
        "Collins",
        "Bell",
        "Murphy",
        "Kelly",
        "Young",
        "Allen",
        "Anderson",
        "Campbell",
        "Cook",
        "Marshall",
        "Simpson",
        "Ellis",
        "Bennett",
        "Watson",
        "Gray",
        "Price",
        "Lee",
        "Parker",
        "Bailey",
        "Harrison",
        "Chapman",
        "Webb",
        "Fox",
        "Lloyd",
        "Hunt",
        "Pearson",
        "Knight",
        "Butler",
        "Barker",
        "Dixon",
        "Fisher",
        "Russell",
        "Palmer",
        "McDonald",
        "MacKenzie",
        "O'Brien",
        "O'Connor",
        "Archer",
        "Nolan",
        "Hale",
        "Fletcher",
        "Holmes",
        "Lawrence",
        "Shaw",
        "Reid",
        "Graham",
        "Kennedy",
        "Wells",
        "Rowe",
        "Jenkins",
        "Powell",
        "Owen",
        "Griffiths",
        "Lane"
    };
    private static final String[] PREFIX = {
        "Ash", "Black", "Bram", "Brook", "Birch", "Broad", "Cald", "Carl", "Clay", "Cold", "Crane", "Dal", "Dun",
        "East", "Elm", "Fair", "Fern", "Gold", "Green", "Hart", "Haw", "Heath", "High", "Holm", "Kirk", "Lang", "Lind",
        "Long", "Marsh", "Mid", "Mill", "Moor", "New", "North", "Oak", "Pen", "Red", "Ridge", "Rock", "Rush", "Sand",
        "Shaw", "South", "Stan", "Stock", "Stone", "Thorn", "Under", "Wal", "West", "Whit", "Wind", "Wolf", "Wych",
        "Yar", "Brad", "Chad", "Hol", "Ing", "Bar"
    };
    private static final String[] SUFFIX = {
        "ley", "ton", "field", "ford", "wood", "worth", "by", "ham", "well", "stead", "bridge", "dale", "hurst", "more",
        "cliffe", "thorpe", "wick", "combe", "den", "ridge", "sall", "ington", "gate", "holme", "low", "shaw", "stone",
        "bury", "lock", "bourne", "well", "croft", "hill", "marsh", "brook", "house", "land", "man", "son", "er"
    };
    private static final String[] STREETS = {
        "Example",
        "Sample",
        "Fictional",
        "Placeholder",
        "Invented",
        "Imaginary",
        "Pretend",
        "Notional",
        "Dummy",
        "Mock",
        "Specimen",
        "Trial",
        "Model",
        "Proxy",
        "Token",
        "Stand-in",
        "Surrogate",
        "Nominal",
        "Hypothetical",
        "Supposed"
    };
    private static final String[] STREET_TYPES = {
        "Road", "Street", "Avenue", "Close", "Lane", "Terrace", "Grove", "Drive", "Crescent", "Way"
    };
    private static final Map<String, String[]> NICKNAMES = Map.ofEntries(
            Map.entry("Robert", new String[] {"Bob", "Rob", "Robbie"}),
                    Map.entry("William", new String[] {"Bill", "Will", "Billy"}),
            Map.entry("Elizabeth", new String[] {"Liz", "Beth", "Lizzie"}),
                    Map.entry("Katherine", new String[] {"Kate", "Katie"}),
            Map.entry("Rebecca", new String[] {"Becky", "Becca"}), Map.entry("Thomas", new String[] {"Tom", "Tommy"}),
            Map.entry("James", new String[] {"Jim", "Jimmy", "Jamie"}),
                    Map.entry("Michael", new String[] {"Mike", "Mick"}),
            Map.entry("Christopher", new String[] {"Chris", "Kit"}), Map.entry("Daniel", new String[] {"Dan", "Danny"}),
            Map.entry("Joseph", new String[] {"Joe", "Joey"}), Map.entry("Samuel", new String[] {"Sam", "Sammy"}),
            Map.entry("Alexander", new String[] {"Alex", "Alec"}), Map.entry("Benjamin", new String[] {"Ben", "Benny"}),
            Map.entry("Nicholas", new String[] {"Nick", "Nicky"}), Map.entry("Matthew", new String[] {"Matt"}),
            Map.entry("Andrew", new String[] {"Andy", "Drew"}),
                    Map.entry("Richard", new String[] {"Rich", "Ricky", "Dick"}),
            Map.entry("Anthony", new String[] {"Tony"}), Map.entry("Edward", new String[] {"Ed", "Eddie", "Ted"}),
            Map.entry("Frederick", new String[] {"Fred", "Freddie"}),
                    Map.entry("Jonathan", new String[] {"Jon", "Jonny"}),
            Map.entry("Stephen", new String[] {"Steve"}), Map.entry("Timothy", new String[] {"Tim"}),
            Map.entry("Margaret", new String[] {"Maggie", "Peggy", "Meg"}), Map.entry("Jessica", new String[] {"Jess"}),
            Map.entry("Samantha", new String[] {"Sam", "Sammy"}), Map.entry("Victoria", new String[] {"Vicky", "Tori"}),
            Map.entry("Jennifer", new String[] {"Jen", "Jenny"}), Map.entry("Catherine", new String[] {"Cath", "Kate"}),
            Map.entry("Stephanie", new String[] {"Steph"}), Map.entry("Patricia", new String[] {"Pat", "Trish"}),
            Map.entry("Deborah", new String[] {"Debbie", "Deb"}), Map.entry("Susan", new String[] {"Sue", "Susie"}),
            Map.entry("Isabella", new String[] {"Bella", "Izzy"}), Map.entry("Abigail", new String[] {"Abby", "Abi"}),
            Map.entry("Charlotte", new String[] {"Lottie", "Charlie"}),
                    Map.entry("Eleanor", new String[] {"Ellie", "Nell"}),
            Map.entry("Amanda", new String[] {"Mandy"}), Map.entry("Nicola", new String[] {"Nicky", "Nikki"}),
            Map.entry("Joshua", new String[] {"Josh"}), Map.entry("Zachary", new String[] {"Zach"}),
            Map.entry("Matilda", new String[] {"Tilly"}), Map.entry("Harriet", new String[] {"Hattie"}),
            Map.entry("Penelope", new String[] {"Penny"}), Map.entry("Theodora", new String[] {"Theo"}),
            Map.entry("Florence", new String[] {"Flo"}), Map.entry("Caroline", new String[] {"Carrie"}),
            Map.entry("Henry", new String[] {"Harry", "Hal"}), Map.entry("Sarah", new String[] {"Sally"}));

    private final int persons;
    private final SplittableRandom random;
    private final LocalDate today;
    private final List<Person> people = new ArrayList<>();
    private final List<Home> homes = new ArrayList<>();
    private final List<String[]> twins = new ArrayList<>();
    private final List<String[]> namesakes = new ArrayList<>();
    private final Map<String, Integer> noise = new LinkedHashMap<>();

    /** A true person. */
    static final class Person {
        final String id;
        final String given;
        String family;
        final String birthFamily;
        final LocalDate dob;
        final boolean male;
        final String nhs;
        final String upn;
        String pnc;
        final List<Person> parents = new ArrayList<>();
        Person partner;
        Home home;

        Person(String id, String given, String family, LocalDate dob, boolean male, String nhs, String upn) {
            this.id = id;
            this.given = given;
            this.family = family;
            this.birthFamily = family;
            this.dob = dob;
            this.male = male;
            this.nhs = nhs;
            this.upn = upn;
        }
    }

    /** A true address. */
    record Home(String id, long uprn, int number, String street, String town, String postcode) {}

    public ExtractGenerator(int persons, long seed, LocalDate today) {
        if (persons < 100 || persons > 1_000_000) {
            throw new IllegalArgumentException("--persons must be from 100 to 1,000,000");
        }
        this.persons = persons;
        this.random = new SplittableRandom(seed);
        this.today = today;
    }

    /** The extracts (one per agency, in import order) and the truth. */
    public record Result(
            Map<String, Map<String, Object>> extracts,
            List<String[]> truth,
            List<String[]> twins,
            List<String[]> namesakes,
            Map<String, Integer> noise,
            int persons) {}

    public Result generate() {
        while (people.size() < persons) {
            family();
        }
        var extracts = new LinkedHashMap<String, Map<String, Object>>();
        var truth = new ArrayList<String[]>();
        for (var source : SOURCES) {
            extracts.put(source, extract(source, truth));
        }
        return new Result(extracts, truth, twins, namesakes, noise, people.size());
    }

    // --- the true population ------------------------------------------------------------------

    private void family() {
        var roll = random.nextDouble();
        var home = home();
        if (roll < 0.2) {
            var adult = adult(random.nextBoolean(), surname());
            adult.home = home;
            return;
        }
        var mother = adult(false, surname());
        var father = person(name(true), surname(), partnerBorn(mother.dob), true);
        if (random.nextDouble() < 0.7) {
            // she took his name; some agencies still know her by her birth name
            mother.family = father.family;
        }
        father.partner = mother;
        mother.partner = father;
        father.home = home;
        mother.home = random.nextDouble() < 0.25 ? home() : home;
        var children = roll < 0.35 ? 0 : 1 + random.nextInt(4);
        var born = mother.dob.plusYears(18 + random.nextInt(15));
        if (born.isBefore(father.dob.plusYears(18))) {
            born = father.dob.plusYears(18 + random.nextInt(4));
        }
        for (int i = 0; i < children && born.isBefore(today); i++) {
            var male = random.nextBoolean();
            var given = male && random.nextDouble() < 0.04 ? father.given : name(male);
            var child = person(given, father.family, born, male);
            child.parents.add(father);
            child.parents.add(mother);
            child.home = mother.home;
            if (given.equals(father.given)) {
                namesakes.add(new String[] {father.id, child.id});
            }
            if (random.nextDouble() < 0.03) {
                var twinMale = random.nextBoolean();
                String twinName;
                do {
                    twinName = name(twinMale);
                } while (twinName.equals(given));
                var twin = person(twinName, father.family, born, twinMale);
                twin.parents.add(father);
                twin.parents.add(mother);
                twin.home = mother.home;
                twins.add(new String[] {child.id, twin.id});
            }
            born = born.plusMonths(14 + random.nextInt(48));
        }
    }

    /**
     * A father's date of birth: about two and a half years before the mother's, give or take
     * four (within five years younger and fifteen older), and an adult. Drawn independently, a
     * father was born after his first child in one family of six, and under 17 at that birth in
     * two of five, which no partnership's records look like.
     */
    private LocalDate partnerBorn(LocalDate mothers) {
        var gapDays = Math.round((2.5 + 4 * random.nextGaussian()) * 365.25);
        gapDays = Math.max(-5 * 365L, Math.min(15 * 365L, gapDays));
        var dob = mothers.minusDays(gapDays);
        var youngest = today.minusYears(19);
        var oldest = today.minusYears(85);
        return dob.isAfter(youngest) ? youngest : dob.isBefore(oldest) ? oldest : dob;
    }

    private Person adult(boolean male, String family) {
        var dob = between(today.minusYears(75), today.minusYears(19));
        return person(name(male), family, dob, male);
    }

    private Person person(String given, String family, LocalDate dob, boolean male) {
        var id = "t-" + (people.size() + 1);
        var child = dob.isAfter(today.minusYears(17));
        var person = new Person(
                id,
                given,
                family,
                dob,
                male,
                nhsNumber(),
                child
                        ? (char) ('A' + random.nextInt(26))
                                + String.format("%011d", random.nextLong(100_000_000_000L))
                                + (char) ('A' + random.nextInt(26))
                        : null);
        if (!child && male && random.nextDouble() < 0.04) {
            person.pnc = (1990 + random.nextInt(30)) + "/" + String.format("%07d", random.nextInt(10_000_000))
                    + (char) ('A' + random.nextInt(26));
        }
        people.add(person);
        return person;
    }

    private Home home() {
        var n = homes.size() + 1;
        var postcode = "YO" + (1 + random.nextInt(40)) + " " + random.nextInt(10) + (char) ('A' + random.nextInt(26))
                + (char) ('A' + random.nextInt(26));
        var home = new Home(
                "h-" + n,
                300_000_000_000L + n,
                1 + random.nextInt(200),
                STREETS[random.nextInt(STREETS.length)] + " " + STREET_TYPES[random.nextInt(STREET_TYPES.length)],
                random.nextBoolean() ? "Yorkton" : "Eastby",
                postcode);
        homes.add(home);
        return home;
    }

    // --- what each agency sees ---------------------------------------------------------------------

    private Map<String, Object> extract(String source, List<String[]> truth) {
        var extract = new LinkedHashMap<String, Object>();
        extract.put("source", source);
        extract.put("resolve", true);
        var records = new ArrayList<Map<String, Object>>();
        var addresses = new LinkedHashMap<String, Map<String, Object>>();
        var relationships = new ArrayList<Map<String, Object>>();
        var localIds = new LinkedHashMap<String, String>();
        int next = 1;
        for (var person : people) {
            var age = person.dob.until(today).getYears();
            boolean sees = switch (source) {
                case "health" -> random.nextDouble() < 0.97;
                case "school" -> age >= 4 && age <= 16 && random.nextDouble() < 0.95;
                case "csc" -> random.nextDouble() < 0.35;
                case "police" -> age >= 10 && random.nextDouble() < (person.pnc != null ? 0.95 : 0.45);
                case "probation" -> person.pnc != null && random.nextDouble() < 0.8;
                default -> false;
            };
            if (!sees) {
                continue;
            }
            var copies = "police".equals(source) && random.nextDouble() < 0.03 ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                var localId = prefix(source) + (next++);
                if (c == 0) {
                    localIds.put(person.id, localId);
                } else {
                    count(source + ": duplicate record in the same extract");
                }
                records.add(record(source, person, localId, false));
                truth.add(new String[] {source, localId, person.id});
                var home = person.home;
                var addressId = "a" + home.id().substring(2);
                addresses.computeIfAbsent(addressId, k -> address(source, home, k));
                relationships.add(Map.of("type", "LIVES_AT", "from", localId, "to", addressId));
            }
            // the school records the parents of its pupils as contacts
            if ("school".equals(source)) {
                for (var parent : person.parents) {
                    if (localIds.containsKey(parent.id) || random.nextDouble() >= 0.8) {
                        var known = localIds.get(parent.id);
                        if (known != null) {
                            relationships.add(parentOf(known, localIds.get(person.id)));
                        }
                        continue;
                    }
                    var contactId = prefix(source) + (next++);
                    localIds.put(parent.id, contactId);
                    records.add(record(source, parent, contactId, true));
                    truth.add(new String[] {source, contactId, parent.id});
                    var home = parent.home;
                    var addressId = "a" + home.id().substring(2);
                    addresses.computeIfAbsent(addressId, k -> address(source, home, k));
                    relationships.add(Map.of("type", "LIVES_AT", "from", contactId, "to", addressId));
                    relationships.add(parentOf(contactId, localIds.get(person.id)));
                }
            }
        }
        if ("csc".equals(source)) {
            for (var person : people) {
                for (var parent : person.parents) {
                    if (localIds.containsKey(person.id) && localIds.containsKey(parent.id)) {
                        relationships.add(parentOf(localIds.get(parent.id), localIds.get(person.id)));
                    }
                }
            }
        }
        extract.put("people", records);
        extract.put("addresses", List.copyOf(addresses.values()));
        extract.put("relationships", relationships);
        return extract;
    }

    private static Map<String, Object> parentOf(String parent, String child) {
        return Map.of("type", "PARENT_OF", "from", parent, "to", child, "kind", "BIRTH");
    }

    private static String prefix(String source) {
        return switch (source) {
            case "health" -> "H";
            case "school" -> "S";
            case "csc" -> "C";
            case "police" -> "P";
            default -> "N";
        };
    }

    private Map<String, Object> record(String source, Person person, String localId, boolean contact) {
        var record = new LinkedHashMap<String, Object>();
        record.put("id", localId);
        var police = "police".equals(source);
        var given = person.given;
        var family = person.family;
        var nick = NICKNAMES.get(given);
        double nickRate = police ? 0.2 : "school".equals(source) ? 0.1 : "health".equals(source) ? 0.02 : 0.06;
        if (nick != null && random.nextDouble() < nickRate) {
            given = nick[random.nextInt(nick.length)];
            count(source + ": nickname");
        } else if (random.nextDouble() < (police ? 0.04 : 0.015)) {
            given = typo(given);
            count(source + ": typo in the given name");
        } else if (contact && random.nextDouble() < 0.1) {
            given = given.substring(0, 1);
            count(source + ": initial only");
        }
        if (random.nextDouble() < (police ? 0.04 : 0.015)) {
            family = typo(family);
            count(source + ": typo in the family name");
        }
        if (!person.birthFamily.equals(person.family) && random.nextDouble() < 0.15) {
            family = person.birthFamily;
            count(source + ": maiden name");
        }
        if (police && random.nextDouble() < 0.3) {
            given = given.toUpperCase(Locale.ROOT);
            family = family.toUpperCase(Locale.ROOT);
            count(source + ": upper case");
        }
        record.put("givenName", given);
        record.put("familyName", family);
        var aliases = new ArrayList<String>();
        if (!person.birthFamily.equals(person.family) && random.nextDouble() < 0.3) {
            aliases.add(
                    person.given + " " + (family.equalsIgnoreCase(person.family) ? person.birthFamily : person.family));
            count(source + ": former name as an alias");
        }
        if (police && random.nextDouble() < 0.08) {
            aliases.add(name(person.male) + " " + surname());
            count(source + ": alias");
        }
        if (!aliases.isEmpty()) {
            record.put("aliases", aliases);
        }
        var dob = person.dob;
        var missingDob = contact ? random.nextDouble() < 0.7 : police && random.nextDouble() < 0.03;
        if (missingDob) {
            count(source + ": no date of birth" + (contact ? " (parent contact)" : ""));
            dob = null;
        } else if (dob.getDayOfMonth() <= 12
                && dob.getDayOfMonth() != dob.getMonthValue()
                && !LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue())
                        .isAfter(today)
                && random.nextDouble() < (police ? 0.05 : 0.01)) {
            // swapped only where the swap is not after today: an import refuses a birth in the future
            dob = LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue());
            count(source + ": day and month swapped");
        } else if (random.nextDouble() < (police ? 0.03 : 0.01)) {
            var shifted = dob.plusYears(random.nextBoolean() ? 1 : -1);
            dob = shifted.isAfter(today) ? dob.minusYears(1) : shifted;
            count(source + ": year off by one");
        } else if (random.nextDouble() < 0.01) {
            var day = 1 + random.nextInt(28);
            dob = day == dob.getDayOfMonth() || dob.withDayOfMonth(day).isAfter(today) ? dob : dob.withDayOfMonth(day);
            count(source + ": wrong day");
        }
        if (dob != null) {
            record.put("dateOfBirth", dob.toString());
        }
        if (!contact || random.nextDouble() < 0.5) {
            record.put("sex", person.male ? "MALE" : "FEMALE");
        }
        var nhsRate = switch (source) {
            case "health" -> 0.99;
            case "csc" -> 0.5;
            case "school" -> contact ? 0.0 : 0.2;
            default -> 0.0;
        };
        if (random.nextDouble() < nhsRate) {
            record.put("nhsNumber", person.nhs);
        } else {
            count(source + ": no NHS number");
        }
        if (person.upn != null && ("school".equals(source) || ("csc".equals(source) && random.nextDouble() < 0.3))) {
            record.put("upn", person.upn);
        }
        if (person.pnc != null && (police || "probation".equals(source))) {
            if (random.nextDouble() < 0.9) {
                record.put("pncId", police && random.nextBoolean() ? person.pnc.replace("/", "") : person.pnc);
            } else {
                count(source + ": no PNC id");
            }
        }
        return record;
    }

    private Map<String, Object> address(String source, Home home, String addressId) {
        var address = new LinkedHashMap<String, Object>();
        address.put("id", addressId);
        var police = "police".equals(source);
        if (("health".equals(source) || "csc".equals(source)) && random.nextDouble() < 0.8) {
            address.put("uprn", String.valueOf(home.uprn()));
        }
        var street = home.street();
        if (random.nextDouble() < (police ? 0.6 : 0.3)) {
            street = street.replace(" Road", " Rd")
                    .replace(" Street", " St")
                    .replace(" Avenue", " Ave")
                    .replace(" Close", " Cl")
                    .replace(" Lane", " Ln")
                    .replace(" Terrace", " Terr")
                    .replace(" Grove", " Gr")
                    .replace(" Drive", " Dr")
                    .replace(" Crescent", " Cres");
            count(source + ": abbreviated street");
        }
        var line1 = home.number() + (random.nextDouble() < 0.2 ? ", " : " ") + street;
        var postcode = home.postcode();
        if (random.nextDouble() < 0.3) {
            postcode = postcode.replace(" ", "");
            count(source + ": postcode without the space");
        }
        if (police && random.nextDouble() < 0.3) {
            line1 = line1.toUpperCase(Locale.ROOT);
            postcode = postcode.toLowerCase(Locale.ROOT);
            count(source + ": upper-case address");
        }
        address.put("line1", line1);
        address.put("town", home.town());
        address.put("postcode", postcode);
        address.put("kind", "HOME");
        return address;
    }

    private String typo(String word) {
        if (word.length() < 4) {
            return word;
        }
        var chars = word.toCharArray();
        var i = 1 + random.nextInt(chars.length - 2);
        switch (random.nextInt(3)) {
            case 0 -> {
                var t = chars[i];
                chars[i] = chars[i + 1];
                chars[i + 1] = t;
            }
            case 1 -> chars[i] = "aeiou".charAt(random.nextInt(5));
            default -> {
                return word.substring(0, i) + word.substring(i + 1);
            }
        }
        return new String(chars);
    }

    private void count(String what) {
        noise.merge(what, 1, Integer::sum);
    }

    private String surname() {
        if (random.nextDouble() < 0.4) {
            // a few common names carry much of the population, as in life
            var index = (int) Math.floor(Math.pow(random.nextDouble(), 2.2) * COMMON.length);
            return COMMON[Math.min(index, COMMON.length - 1)];
        }
        return PREFIX[random.nextInt(PREFIX.length)] + SUFFIX[random.nextInt(SUFFIX.length)];
    }

    private String name(boolean male) {
        var names = male ? MALE : FEMALE;
        var index = (int) Math.floor(Math.pow(random.nextDouble(), 1.6) * names.length);
        return names[Math.min(index, names.length - 1)];
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

    private LocalDate between(LocalDate from, LocalDate to) {
        return from.plusDays(random.nextLong(from.until(to, ChronoUnit.DAYS) + 1));
    }
}
