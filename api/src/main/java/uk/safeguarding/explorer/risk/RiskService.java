package uk.safeguarding.explorer.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.faults.FairUse;
import uk.safeguarding.explorer.faults.FairUse.Cost;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;
import uk.safeguarding.explorer.risk.rules.Lifetime;
import uk.safeguarding.explorer.risk.rules.Names;
import uk.safeguarding.explorer.risk.rules.Raised;
import uk.safeguarding.explorer.risk.rules.RiskRules;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;
import uk.safeguarding.explorer.security.Visibility;

/**
 * riskFlags and Person.riskFlags: the rules' flags as the user may see them. The rules run first;
 * then everyone the flags concern or name is checked in one need-to-know call. A flag about a
 * person is shown when the user may see that person; a flag about an address, referral, meeting or
 * action when they may see someone it concerns. People the user may not see are never named ("someone
 * your agency cannot see"), nor in the evidence, and are on the flag as placeholders; flags resting on
 * offender detail (rules 1-3) are RESTRICTED, with rule 0, for agencies without offender detail or
 * when the offender is hidden. Everyone touched is audited.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
public class RiskService {

    static final int MAX_PEOPLE = 500;
    private static final String OPERATION = "riskFlags";

    private final RiskRules rules;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;
    private final FairUse fairUse;

    RiskService(RiskRules rules, NeedToKnow needToKnow, Redaction redaction, FairUse fairUse) {
        this.rules = rules;
        this.needToKnow = needToKnow;
        this.redaction = redaction;
        this.fairUse = fairUse;
    }

    public List<RiskFlag> riskFlags(String personId, LocalDate asOf, List<Integer> ruleNumbers) {
        var wanted = wanted(ruleNumbers);
        if (personId == null) {
            return fairUse.run(Cost.EXPENSIVE_AREA_WIDE, () -> {
                var kept = standing(rules.evaluate(asOf, wanted, null));
                return shown(kept, needToKnow.check(OPERATION, touched(kept)));
            });
        }
        if (personId.isBlank() || personId.length() > 200) {
            throw new BadRequestException("personId", "must be a non-blank id of at most 200 characters");
        }
        var kept = standing(rules.evaluate(asOf, wanted, List.of(personId)));
        // an unknown or hidden person: NOT_FOUND, audited, whatever the rules found
        var visibility = needToKnow.check(OPERATION, personId, touched(kept));
        return shown(kept, visibility).stream()
                .filter(f -> concerns(f, personId))
                .toList();
    }

    /** The flags of each of the people given (those the user may see), once each. */
    public List<RiskFlag> riskFlagsOf(
            String personId, List<String> personIds, LocalDate asOf, List<Integer> ruleNumbers) {
        if (personId != null) {
            throw new BadRequestException("personIds", "must not be given together with personId");
        }
        if (personIds.size() > MAX_PEOPLE || personIds.stream().anyMatch(id -> id.isBlank() || id.length() > 200)) {
            throw new BadRequestException(
                    "personIds", "must be at most " + MAX_PEOPLE + " ids of at most 200 characters");
        }
        var wanted = wanted(ruleNumbers);
        if (personIds.isEmpty()) {
            return List.of();
        }
        var evaluated = standing(rules.evaluate(asOf, wanted, personIds));
        // each flag once, before it is redacted: two restricted flags of one person read alike (rule 0,
        // HIGH, the same sentence) and are two flags all the same (hostile review 90; review 71)
        var kept = evaluated.with(evaluated.flags().stream().distinct().toList());
        var visibility = needToKnow.checkAsked(OPERATION, personIds, touched(kept), null);
        var asked = personIds.stream().filter(visibility::sees).toList();
        return shown(kept, visibility).stream()
                .filter(f -> asked.stream().anyMatch(id -> concerns(f, id)))
                .toList();
    }

    private static Set<Integer> wanted(List<Integer> ruleNumbers) {
        if (ruleNumbers == null) {
            return null;
        }
        var wanted = new TreeSet<>(ruleNumbers);
        if (wanted.stream().anyMatch(r -> r < 1 || r > 12)) {
            throw new BadRequestException("rules", "must be rule numbers from 1 to 12");
        }
        return wanted;
    }

    /** The flags of each of the people (Person.riskFlags), for people already shown to the user. */
    public Map<String, List<RiskFlag>> flagsOf(Collection<String> personIds, LocalDate asOf) {
        var kept = standing(rules.evaluate(asOf, null, personIds));
        var flags = shown(kept, needToKnow.checkAsked(OPERATION, personIds, touched(kept), null));
        var byPerson = new HashMap<String, List<RiskFlag>>();
        for (var id : personIds) {
            byPerson.put(id, flags.stream().filter(f -> concerns(f, id)).toList());
        }
        return byPerson;
    }

    /** A person's own flags, and those of their addresses, referrals, meetings and actions. */
    private static boolean concerns(RiskFlag flag, String personId) {
        return flag.subjectKind() == SubjectKind.PERSON
                ? flag.subjectId().equals(personId)
                : flag.people().contains(personId);
    }

    /**
     * The flags that stand for the reader and that they are shown something of (decided without
     * recording): the people of these, and only these, are then checked and recorded. A raw flag
     * that goes for the reader (it rests on a hidden newborn) must not count the people it names.
     */
    private Frozen standing(RiskRules.Result result) {
        var frozen = freeze(result);
        var decided = needToKnow.decide(touched(frozen));
        var standing = forReader(frozen, decided);
        return standing.with(
                standing.flags().stream().filter(f -> seen(f, decided)).toList());
    }

    /** Everyone frozen flags concern or name: all to check before they are shown. */
    public static Set<String> touched(Frozen frozen) {
        var everyone = new LinkedHashSet<String>();
        frozen.flags().forEach(f -> {
            everyone.addAll(f.people());
            everyone.addAll(f.named());
            everyone.addAll(f.about().values());
        });
        return everyone;
    }

    /**
     * A flag before need-to-know, as plain data that can be kept (a meeting's snapshot): its sentence
     * with every person it names as a token ({@code {person:id}}) to be filled in for each reader.
     */
    public record FrozenFlag(
            int rule,
            String code,
            Severity severity,
            String subjectId,
            SubjectKind kind,
            List<String> evidence,
            List<String> people,
            String summary,
            List<String> named,
            String offenderId,
            Map<String, String> evidenceAbout,
            List<Lifetime> restsOn,
            FrozenFlag otherwise) {

        /**
         * Evidence that is a record about one person, and that person (empty for snapshots kept before
         * it was recorded).
         */
        public Map<String, String> about() {
            return evidenceAbout == null ? Map.of() : evidenceAbout;
        }
    }

    /**
     * Flags of a day before need-to-know, with the names of everyone their sentences may name and the
     * birth days of the people they concern, by id ({@code asOf} and {@code born} are null in a
     * meeting's snapshot kept before they were).
     */
    public record Frozen(
            List<FrozenFlag> flags, Map<String, String> names, LocalDate asOf, Map<String, LocalDate> born) {

        /** The same day's flags, only those given. */
        public Frozen with(List<FrozenFlag> kept) {
            return new Frozen(kept, names, asOf, born);
        }
    }

    /**
     * The flags as they stand for one reader on their day: a flag that rests on someone being a child
     * ({@link Raised#restingOn}) whom the reader may not see, and who is not a child that day in whole
     * months ({@link Visibility#childOn}), becomes what it would be without them, or goes. Moving the
     * day then never finds the day a hidden child was born, turned 18 or died.
     */
    public Frozen forReader(Frozen frozen, Visibility visibility) {
        var kept = new ArrayList<FrozenFlag>();
        for (var flag : frozen.flags()) {
            var shown = forReader(flag, frozen.asOf(), visibility);
            if (shown != null) {
                kept.add(shown);
            }
        }
        return frozen.with(kept);
    }

    private static FrozenFlag forReader(FrozenFlag flag, LocalDate asOf, Visibility visibility) {
        if (flag.restsOn() == null || flag.restsOn().isEmpty() || asOf == null) {
            return flag;
        }
        var stands = flag.restsOn().stream()
                .anyMatch(child -> visibility.childOn(child.id(), child.born(), child.died(), asOf));
        if (stands) {
            return flag;
        }
        return flag.otherwise() == null ? null : forReader(flag.otherwise(), asOf, visibility);
    }

    /**
     * The flags of the people (their own and those of their addresses, referrals, meetings and
     * actions) on a day, before need-to-know and with nothing audited: for a meeting's snapshot and
     * for comparing two days; shown to a reader only through {@link #shown(Frozen, Collection, Visibility)}.
     */
    public Frozen withoutNeedToKnow(Collection<String> personIds, LocalDate asOf) {
        if (personIds.isEmpty()) {
            return new Frozen(List.of(), Map.of(), asOf, Map.of());
        }
        var frozen = freeze(rules.evaluate(asOf, null, personIds));
        var ids = List.copyOf(personIds);
        return frozen.with(frozen.flags().stream()
                .filter(f -> ids.stream().anyMatch(id -> concerns(f, id)))
                .toList());
    }

    /**
     * Everyone the flags {@link #shown(Frozen, Collection, Visibility)} gives concern or name: the
     * people to record (and, those the user may see, to count) when those flags are shown.
     */
    public Set<String> touched(Frozen frozen, Collection<String> personIds, Visibility visibility) {
        var standing = forReader(frozen, visibility);
        return touched(standing.with(standing.flags().stream()
                .filter(f -> seen(f, visibility))
                .filter(f -> personIds.stream().filter(visibility::sees).anyMatch(id -> concerns(f, id)))
                .toList()));
    }

    /** The frozen flags that concern the people given, as the user may see them (everyone checked). */
    public List<RiskFlag> shown(Frozen frozen, Collection<String> personIds, Visibility visibility) {
        return shown(frozen, visibility).stream()
                .filter(f -> personIds.stream().filter(visibility::sees).anyMatch(id -> concerns(f, id)))
                .toList();
    }

    private static Frozen freeze(RiskRules.Result result) {
        var flags = result.flags().stream().map(RiskService::freeze).toList();
        return new Frozen(flags, result.names(), result.asOf(), result.born());
    }

    private static FrozenFlag freeze(Raised f) {
        return new FrozenFlag(
                f.rule(),
                f.code(),
                f.severity(),
                f.subjectId(),
                f.kind(),
                f.evidence(),
                f.people(),
                f.finding().sentence(TOKENS),
                List.copyOf(f.named()),
                f.offenderId(),
                f.evidenceAbout(),
                f.restsOn(),
                f.otherwise() == null ? null : freeze(f.otherwise()));
    }

    private static String token(String personId) {
        return "{person:" + personId + "}";
    }

    private static String tokenId(String token) {
        return token.substring("{person:".length(), token.length() - 1);
    }

    /**
     * A frozen sentence names people as tokens, and what it may tell about someone as
     * {@code {about:id}words{or}neutral{/about}}, both filled in for each reader by {@link #fill}.
     */
    private static final Names TOKENS = new Names() {
        @Override
        public String name(String personId) {
            return token(personId);
        }

        @Override
        public String about(String personId, String words, String neutral) {
            return "{about:" + personId + "}" + words + "{or}" + neutral + "{/about}";
        }

        @Override
        public String agency(String name, String type) {
            return "{agency:" + (type == null ? "" : type) + "}" + name + "{/agency}";
        }

        @Override
        public String told(String type, String words) {
            return "{told:" + (type == null ? "" : type) + "}" + words + "{/told}";
        }

        @Override
        public String record(String id) {
            return "{record}" + id + "{/record}";
        }

        @Override
        public String list(List<String> personIds) {
            return "{people}"
                    + String.join(
                            PEOPLE_SEPARATOR,
                            personIds.stream().map(RiskService::token).toList()) + "{/people}";
        }
    };

    private static final String PEOPLE_SEPARATOR = "{,}";

    private static final Pattern PEOPLE = Pattern.compile("\\{people}(.*?)\\{/people}", Pattern.DOTALL);

    private static final Pattern ABOUT = Pattern.compile("\\{about:([^}]*)}(.*?)\\{or}(.*?)\\{/about}", Pattern.DOTALL);

    /** An agency's token as {@link #TOKENS} writes it: a type in capitals, a name without braces (free text never spans it). */
    private static final Pattern AGENCY = Pattern.compile("\\{agency:([A-Z_]*)}([^{}]*)\\{/agency}");

    /** Words naming an agency, as {@link #TOKENS} writes them: kept for readers told of it, dropped for others. */
    private static final Pattern TOLD = Pattern.compile("\\{told:([A-Z_]*)}([^{}]*)\\{/told}");

    /** A record's id, as {@link #TOKENS} writes it: opaque to readers not told of its extract's source. */
    private static final Pattern RECORD = Pattern.compile("\\{record}([^{}]*)\\{/record}");

    /**
     * A frozen sentence for one reader: what it tells about people they may not see in neutral words, names,
     * and an agency the reader is not told of (agencyNamed: by its type) as "no owner recorded", as an action
     * without an owner is said (hostile review 90: "owner not named" told which were probation's).
     */
    private static String fill(
            FrozenFlag flag,
            Map<String, String> names,
            Visibility visibility,
            Predicate<String> agencyNamed,
            UnaryOperator<String> recordId) {
        // a list of people: those the reader may see first, someone hidden after them
        var listed = PEOPLE.matcher(flag.summary()).replaceAll(m -> {
            var tokens = List.of(m.group(1).split(Pattern.quote(PEOPLE_SEPARATOR)));
            var shownFirst = new ArrayList<String>();
            tokens.stream().filter(t -> visibility.sees(tokenId(t))).forEach(shownFirst::add);
            tokens.stream().filter(t -> !visibility.sees(tokenId(t))).forEach(shownFirst::add);
            return Matcher.quoteReplacement(String.join(", ", shownFirst));
        });
        listed = AGENCY.matcher(listed)
                .replaceAll(m -> Matcher.quoteReplacement(
                        agencyNamed.test(m.group(1).isEmpty() ? null : m.group(1)) ? m.group(2) : "no owner recorded"));
        listed = TOLD.matcher(listed)
                .replaceAll(m -> Matcher.quoteReplacement(
                        agencyNamed.test(m.group(1).isEmpty() ? null : m.group(1)) ? m.group(2) : ""));
        listed = RECORD.matcher(listed).replaceAll(m -> Matcher.quoteReplacement(recordId.apply(m.group(1))));
        var about = ABOUT.matcher(listed);
        var summary =
                about.replaceAll(m -> Matcher.quoteReplacement(visibility.sees(m.group(1)) ? m.group(2) : m.group(3)));
        for (var id : flag.named()) {
            summary = summary.replace(token(id), visibility.name(id, names.getOrDefault(id, id)));
        }
        return summary;
    }

    /**
     * A rule 8 sentence frozen before its owner was a token (a meeting's snapshot taken before 2026-12-07
     * wrote "(Probation service)"): an owner the reader is not told of is said as no owner, as now (hostile
     * review 90); a rule 6 sentence frozen before its referring agency was one: the agency left out.
     */
    private String olderOwnerUntold(FrozenFlag flag, String summary, Redaction.Access access) {
        var rule8 = flag.rule() == 8 && !flag.summary().contains("{agency:");
        // and a rule 6 sentence frozen before its referring agency was a token: "from Probation service" (walk 72)
        var rule6 = flag.rule() == 6 && !flag.summary().contains("{told:");
        if (!rule8 && !rule6) {
            return summary;
        }
        var said = summary;
        for (var agency : redaction.agencies()) {
            if (agency.name() != null && !redaction.agencyNamed(agency.type(), access)) {
                said = rule8
                        ? said.replace("\" (" + agency.name() + "), agreed at", "\" (no owner recorded), agreed at")
                        : said.replace(" from " + agency.name() + " about ", " about ");
            }
        }
        return said;
    }

    private static boolean concerns(FrozenFlag flag, String personId) {
        return flag.kind() == SubjectKind.PERSON
                ? flag.subjectId().equals(personId)
                : flag.people().contains(personId);
    }

    /** Whether the user sees the flag at all: its person, or someone at its address or referral. */
    private static boolean seen(FrozenFlag flag, Visibility visibility) {
        return flag.kind() == SubjectKind.PERSON
                ? visibility.sees(flag.subjectId())
                : flag.people().stream().anyMatch(visibility::sees);
    }

    private List<RiskFlag> shown(Frozen frozen, Visibility visibility) {
        var access = redaction.access();
        var shown = new ArrayList<RiskFlag>();
        var result = forReader(frozen, visibility);
        var born = result.born() == null ? Map.<String, LocalDate>of() : result.born();
        for (var flag : result.flags()) {
            if (!seen(flag, visibility)) {
                continue;
            }
            var hidden = visibility.placeholders(
                    flag.people().stream()
                            .filter(p -> !visibility.sees(p))
                            // a hidden person from the month after their birth (Visibility#shownFrom)
                            .filter(p -> result.asOf() == null || visibility.present(p, born.get(p), result.asOf()))
                            .toList(),
                    new PersonView.Relation("CONCERNED", null, null));
            if (flag.offenderId() != null && (!access.offenderDetail() || !visibility.sees(flag.offenderId()))) {
                // the rule number, code, evidence and sentence would each tell what the user may not see
                var about = flag.kind() == SubjectKind.PERSON
                        ? visibility.name(
                                flag.subjectId(), result.names().getOrDefault(flag.subjectId(), flag.subjectId()))
                        : "This address";
                shown.add(new RiskFlag(
                        RiskFlag.RESTRICTED_RULE,
                        Redaction.RESTRICTED,
                        // nor its severity, which tells the rule (hostile review 89: HIGH for a current contact,
                        // MEDIUM for a home shared in the past): HIGH, a prompt to ask the holder before acting
                        Severity.HIGH,
                        flag.subjectId(),
                        flag.kind(),
                        about + ": " + redaction.restrictedDetail(List.of()),
                        List.of(flag.subjectId()),
                        flag.people().stream()
                                .filter(p -> visibility.sees(p) && !p.equals(flag.offenderId()))
                                .toList(),
                        hidden));
                continue;
            }
            var summary = olderOwnerUntold(
                    flag,
                    fill(
                            flag,
                            result.names(),
                            visibility,
                            type -> redaction.agencyNamed(type, access),
                            id -> redaction.recordId(id, access)),
                    access);
            shown.add(new RiskFlag(
                    flag.rule(),
                    flag.code(),
                    flag.severity(),
                    // a referral of probation's own extract is "probation:R1": opaque to readers not told (walk 72)
                    redaction.recordId(flag.subjectId(), access),
                    flag.kind(),
                    summary,
                    flag.evidence().stream()
                            .filter(e -> Arrays.stream(e.split("\\|"))
                                    .allMatch(part -> !result.names().containsKey(part) || visibility.sees(part)))
                            .filter(e -> !flag.about().containsKey(e)
                                    || visibility.sees(flag.about().get(e)))
                            .map(e -> redaction.recordId(e, access))
                            .toList(),
                    flag.people().stream().filter(visibility::sees).toList(),
                    hidden));
        }
        shown.sort(Comparator.comparing(RiskFlag::severity)
                .thenComparing(RiskFlag::rule)
                .thenComparing(RiskFlag::subjectId));
        return shown;
    }
}
