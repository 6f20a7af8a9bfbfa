package uk.safeguarding.explorer.involvement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.graph.Views.PersonView.Relation;
import uk.safeguarding.explorer.involvement.AgencyInvolvement.Involvement;
import uk.safeguarding.explorer.involvement.AgencyInvolvement.InvolvementGap;
import uk.safeguarding.explorer.involvement.AgencyInvolvement.PersonInvolvement;
import uk.safeguarding.explorer.involvement.AgencyInvolvement.ProfessionalView;
import uk.safeguarding.explorer.involvement.AgencyInvolvement.Scope;
import uk.safeguarding.explorer.model.AgencyType;
import uk.safeguarding.explorer.model.Ages;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;
import uk.safeguarding.explorer.security.Visibility;

/**
 * agencyInvolvement (DESIGN §5): which agencies are involved with a person, their household or
 * their family on a day, and which are expected but missing. The gap rules:
 * <ol>
 * <li>a child on a protection plan needs children's social care, health and (aged 5-16) education;</li>
 * <li>a child with an HSB marker, or an HSB referral in the last 12 months, needs social care and
 * youth offending;</li>
 * <li>a child sexual abuse victim needs social care, health and police;</li>
 * <li>a child living with a registered sex offender needs social care; the offender needs police
 * and probation.</li>
 * </ol>
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
public class InvolvementService {

    static final String PLAN = "CHILD_PROTECTION_PLAN";
    static final String HSB = "HSB";
    static final String CSA = "CSA_VICTIM";
    static final String RSO = "RSO_HOUSEHOLD";

    /** The gap rules above in words, one sentence each, in their order (AgencyInvolvement.rules). */
    static final List<String> RULES = List.of(
            "A child on a protection plan needs children's social care, health and (aged 5 to 16) education.",
            "A child with harmful sexual behaviour (a marker, or a referral in the last 12 months) needs"
                    + " children's social care and youth offending.",
            "A child sexual abuse victim needs children's social care, health and police.",
            "A child living with a registered sex offender needs children's social care; a registered sex"
                    + " offender needs police and probation.");

    private final InvolvementRepository repository;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;

    private static final String OPERATION = "agencyInvolvement";

    InvolvementService(InvolvementRepository repository, NeedToKnow needToKnow, Redaction redaction) {
        this.repository = repository;
        this.needToKnow = needToKnow;
        this.redaction = redaction;
    }

    /**
     * The matrix as the user may see it: the raw answer first, then one need-to-know check of
     * everyone in it and everyone its gaps name. A person the user may not see is a placeholder row
     * (the agencies holding information about them are on the placeholder) with no involvements and
     * no gaps; a gap names a hidden person as "someone your agency cannot see".
     */
    public AgencyInvolvement agencyInvolvement(String personId, Scope scope, LocalDate asOf) {
        Raw all;
        try {
            all = answer(personId, scope, asOf, Set.of());
        } catch (NotFoundException unknown) {
            // audited and answered exactly as a hidden person is
            needToKnow.require(OPERATION, personId);
            throw unknown;
        }
        // a hidden subject: audited and answered exactly as an unknown id
        var decided = needToKnow.decide(OPERATION, List.of(personId), people(all));
        // a hidden newborn is not in the family before the month after their birth, and neither is the
        // home they brought in (its people would otherwise come in on the birth day): the circle is
        // worked out again without them; only the people of the matrix shown are recorded (and counted)
        var excluded = new LinkedHashSet<String>();
        while (excluded.addAll(notYetShown(all, decided, asOf))) {
            all = answer(personId, scope, asOf, Set.copyOf(excluded));
            decided = needToKnow.decide(OPERATION, List.of(personId), people(all));
        }
        return shown(all, scope, needToKnow.check(OPERATION, personId, people(all)), asOf);
    }

    /**
     * The matrix before need-to-know, nothing audited: for a meeting's snapshot, which keeps the
     * facts and shows them to each reader through their own need-to-know ({@link #shown}).
     */
    public Raw withoutNeedToKnow(String personId, Scope scope, LocalDate asOf) {
        return withoutNeedToKnow(personId, scope, asOf, Set.of());
    }

    /** The same without the people given, nor the households taken in only through them. */
    public Raw withoutNeedToKnow(String personId, Scope scope, LocalDate asOf, Set<String> excluded) {
        return answer(personId, scope, asOf, excluded);
    }

    /** Everyone in a raw matrix and everyone its gaps name: all to check. */
    public static Set<String> people(Raw all) {
        var ids = new LinkedHashSet<String>();
        all.people().forEach(p -> ids.add(p.person().id()));
        all.gaps().forEach(g -> ids.addAll(g.named().keySet()));
        return ids;
    }

    /** Several raw matrices as one: each person's row once, each gap once, in the order first met. */
    public static Raw merged(List<Raw> matrices) {
        var people = new LinkedHashMap<String, PersonInvolvement>();
        var gaps = new LinkedHashMap<String, Gap>();
        for (var m : matrices) {
            m.people().forEach(p -> people.putIfAbsent(p.person().id(), p));
            m.gaps()
                    .forEach(g -> gaps.putIfAbsent(
                            g.gap().person().id() + "|" + g.gap().agencyType() + "|"
                                    + g.gap().rule(),
                            g));
        }
        return new Raw(List.copyOf(people.values()), List.copyOf(gaps.values()));
    }

    /**
     * The matrix as the user may see it, once everyone is checked ({@code visibility}): a person the
     * user may not see is a placeholder row (the agencies holding information about them are on the
     * placeholder) with no involvements and no gaps, from the month after their birth
     * ({@link Visibility#shownFrom}); a gap names a hidden person as "someone your agency cannot see".
     */
    public AgencyInvolvement shown(Raw all, Scope scope, Visibility visibility, LocalDate asOf) {
        var access = redaction.access();
        var relation = new Relation(scope.name(), null, null);
        var people = new ArrayList<PersonInvolvement>();
        var present = all.people().stream()
                .filter(p -> visibility.present(p.person().id(), p.person().dateOfBirth(), asOf))
                .toList();
        for (var p : present) {
            if (visibility.sees(p.person().id())) {
                people.add(new PersonInvolvement(
                        p.person(),
                        p.involvements().stream()
                                .map(i -> redacted(i, access))
                                .filter(Objects::nonNull)
                                .toList()));
            }
        }
        visibility
                .placeholders(
                        present.stream()
                                .map(p -> p.person().id())
                                .filter(id -> !visibility.sees(id))
                                .toList(),
                        relation)
                .forEach(placeholder -> people.add(new PersonInvolvement(placeholder, List.of())));
        var gaps = all.gaps().stream()
                .filter(g -> visibility.sees(g.gap().person().id()))
                .map(g -> {
                    var reason = g.gap().reason();
                    for (var named : g.named().entrySet()) {
                        reason = reason.replace(
                                token(named.getKey()), visibility.name(named.getKey(), named.getValue()));
                    }
                    return redacted(
                            new InvolvementGap(
                                    g.gap().person(),
                                    g.gap().agencyType(),
                                    g.gap().rule(),
                                    reason),
                            access);
                })
                .filter(Objects::nonNull)
                .toList();
        return new AgencyInvolvement(people, gaps, RULES);
    }

    /**
     * An involvement as the user may see it: offender management left out for agencies without
     * offender detail (the person's RESTRICTED marker says whom to ask); for agencies without
     * health detail, a health involvement keeps only its agency and period.
     */
    private Involvement redacted(Involvement i, Redaction.Access access) {
        var type = i.agency().type();
        var role = i.role() != null
                ? i.role()
                : i.professional() == null ? null : i.professional().role();
        if (!access.offenderDetail() && redaction.offenderManagement(type, role)) {
            return null;
        }
        if (!access.healthDetail() && redaction.healthInvolvement(type)) {
            return new Involvement(i.agency(), null, null, i.from(), i.to(), null);
        }
        return i;
    }

    /** Gaps that would reveal a registered sex offender are told as restricted information. */
    private InvolvementGap redacted(InvolvementGap gap, Redaction.Access access) {
        if (access.offenderDetail() || !RSO.equals(gap.rule())) {
            return gap;
        }
        if (gap.agencyType() == AgencyType.POLICE || gap.agencyType() == AgencyType.PROBATION) {
            return null;
        }
        return new InvolvementGap(
                gap.person(),
                gap.agencyType(),
                Redaction.RESTRICTED,
                "No current " + gap.agencyType().inWords() + " involvement. " + redaction.restrictedDetail(List.of()));
    }

    /** A gap before need-to-know, with the people its reason names (id to name) as tokens to fill in. */
    public record Gap(InvolvementGap gap, Map<String, String> named) {}

    /** The matrix before need-to-know. */
    public record Raw(List<PersonInvolvement> people, List<Gap> gaps) {}

    /** Where a gap's reason names a person: replaced by their name or "someone your agency cannot see". */
    static String token(String personId) {
        return "{person:" + personId + "}";
    }

    /** The people of the matrix whom the reader may not see and who are not shown on asOf. */
    private static Set<String> notYetShown(Raw all, Visibility decided, LocalDate asOf) {
        var notYet = new LinkedHashSet<String>();
        all.people().stream()
                .map(PersonInvolvement::person)
                .filter(p -> decided.notYetShown(p.id(), p.dateOfBirth(), asOf))
                .forEach(p -> notYet.add(p.id()));
        return notYet;
    }

    private Raw answer(String personId, Scope scope, LocalDate asOf, Set<String> excluded) {
        var rows = repository
                .involvement(personId, scope, asOf, excluded)
                .orElseThrow(() -> NotFoundException.person(personId));
        var people = new ArrayList<PersonInvolvement>();
        var gaps = new ArrayList<Gap>();
        for (var row : rows) {
            var person = PersonView.from(row.get("p"));
            var involvements = row.get("involvements").asList(InvolvementService::involvement);
            people.add(new PersonInvolvement(person, involvements));
            gaps.addAll(gaps(person, row, involvements, asOf));
        }
        Comparator<PersonView> order = Comparator.comparing((PersonView p) -> !p.id().equals(personId))
                .thenComparing(PersonView::dateOfBirth, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PersonView::id);
        people.sort(Comparator.comparing(PersonInvolvement::person, order));
        gaps.sort(Comparator.comparing((Gap g) -> g.gap().person(), order)
                .thenComparing(g -> g.gap().agencyType()));
        return new Raw(people, gaps);
    }

    static List<Gap> gaps(PersonView person, Record row, List<Involvement> involvements, LocalDate asOf) {
        var present = EnumSet.noneOf(AgencyType.class);
        involvements.forEach(i -> present.add(AgencyType.valueOf(i.agency().type())));
        var markers = row.get("markers").asList(v -> v);
        var child = Ages.isChild(person.dateOfBirth(), person.deceasedOn(), asOf);
        var age = Ages.ageOn(person.dateOfBirth(), asOf);
        var gaps = new ArrayList<Gap>();
        var plan = since(markers, "CHILD_PROTECTION_PLAN");
        if (child && plan != null) {
            var needed = EnumSet.of(AgencyType.CHILDRENS_SOCIAL_CARE, AgencyType.HEALTH);
            if (age != null && age >= 5 && age <= 16) {
                needed.add(AgencyType.EDUCATION);
            }
            missing(
                    gaps,
                    person,
                    present,
                    needed,
                    PLAN,
                    "On a child protection plan" + sinceText(plan) + " but no current %s involvement "
                            + "(a child on a plan needs social care, health and, aged 5-16, education)");
        }
        var hsbMarker = since(markers, "HARMFUL_SEXUAL_BEHAVIOUR");
        var hsbReferrals = row.get("hsbReferrals").asList(Value::asLocalDate);
        if (child && (hsbMarker != null || !hsbReferrals.isEmpty())) {
            var what = hsbMarker != null
                    ? "Harmful sexual behaviour marker" + sinceText(hsbMarker)
                    : "HSB referral on "
                            + hsbReferrals.stream()
                                    .max(Comparator.naturalOrder())
                                    .orElseThrow();
            missing(
                    gaps,
                    person,
                    present,
                    EnumSet.of(AgencyType.CHILDRENS_SOCIAL_CARE, AgencyType.YOUTH_OFFENDING),
                    HSB,
                    what + " but no current %s involvement (HSB needs social care and youth offending)");
        }
        var victim = since(markers, "CSA_VICTIM");
        if (child && victim != null) {
            missing(
                    gaps,
                    person,
                    present,
                    EnumSet.of(AgencyType.CHILDRENS_SOCIAL_CARE, AgencyType.HEALTH, AgencyType.POLICE),
                    CSA,
                    "Victim of child sexual abuse" + sinceText(victim) + " but no current %s involvement "
                            + "(needs social care, health and police)");
        }
        var rsoHousehold = new LinkedHashMap<String, String>();
        row.get("rsoHousehold")
                .asList(v -> v)
                .forEach(o -> rsoHousehold.put(
                        o.get("id").asString(),
                        o.get("name").asString().isBlank()
                                ? "a person without a recorded name"
                                : o.get("name").asString()));
        if (child && !rsoHousehold.isEmpty()) {
            // named by token: the names are filled in once need-to-know has decided who may be named
            missing(
                    gaps,
                    person,
                    present,
                    EnumSet.of(AgencyType.CHILDRENS_SOCIAL_CARE),
                    RSO,
                    "Lives in the household of a registered sex offender ("
                            + String.join(
                                    ", ",
                                    rsoHousehold.keySet().stream()
                                            .map(InvolvementService::token)
                                            .toList())
                            + ") but no current %s involvement",
                    rsoHousehold);
        }
        var offender = since(markers, "REGISTERED_SEX_OFFENDER");
        if (offender != null) {
            missing(
                    gaps,
                    person,
                    present,
                    EnumSet.of(AgencyType.POLICE, AgencyType.PROBATION),
                    RSO,
                    "Registered sex offender" + sinceText(offender) + " but no current %s involvement "
                            + "(offender management needs police and probation)");
        }
        return gaps;
    }

    private static void missing(
            List<Gap> gaps,
            PersonView person,
            Set<AgencyType> present,
            Set<AgencyType> needed,
            String rule,
            String reason) {
        missing(gaps, person, present, needed, rule, reason, Map.of());
    }

    private static void missing(
            List<Gap> gaps,
            PersonView person,
            Set<AgencyType> present,
            Set<AgencyType> needed,
            String rule,
            String reason,
            Map<String, String> named) {
        for (var type : needed) {
            if (!present.contains(type)) {
                gaps.add(new Gap(new InvolvementGap(person, type, rule, reason.replace("%s", type.inWords())), named));
            }
        }
    }

    /** The start of a current marker of the type (LocalDate.MIN when unknown), or null. */
    private static LocalDate since(List<Value> markers, String type) {
        return markers.stream()
                .filter(m -> type.equals(m.get("type").asString()))
                .map(m -> m.get("from").isNull() ? LocalDate.MIN : m.get("from").asLocalDate())
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    private static String sinceText(LocalDate since) {
        return since.equals(LocalDate.MIN) ? "" : " since " + since;
    }

    private static Involvement involvement(Value v) {
        var agency = AgencyView.from(v.get("agency"));
        var pro = v.get("professional");
        return new Involvement(
                agency,
                new ProfessionalView(
                        Views.string(pro, "id"), Views.string(pro, "name"), Views.string(pro, "role"), agency),
                Views.string(v, "role"),
                Views.date(v, "from"),
                Views.date(v, "to"),
                Views.date(v, "lastContactOn"));
    }
}
