package uk.safeguarding.explorer.risk;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.faults.FairUse;
import uk.safeguarding.explorer.faults.FairUse.Cost;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.MarkerView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.graph.Views.PersonView.Relation;
import uk.safeguarding.explorer.risk.Work.ActionView;
import uk.safeguarding.explorer.risk.Work.MeetingView;
import uk.safeguarding.explorer.risk.Work.ReferralView;
import uk.safeguarding.explorer.risk.Work.TriagedReferral;
import uk.safeguarding.explorer.risk.rules.RiskRules;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;
import uk.safeguarding.explorer.security.Visibility;
import uk.safeguarding.explorer.siblings.RiskLink.RiskLinkKind;
import uk.safeguarding.explorer.siblings.SiblingsService;

/**
 * overdueActions and triageQueue. Overdue: actions agreed at meetings, due before asOf and not done
 * by then (done on the due day is on time). Triage: the referrals of the last 30 days ranked by a
 * transparent score read from the graph, each point explained in a sentence; ties by arrival.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
public class FollowUpService {

    public static final int MAX_FIRST = 500;

    /** How many completedActions answers when not told. */
    public static final int COMPLETED_FIRST = 100;

    /** The most days completedActions looks back. */
    public static final int MAX_COMPLETED_DAYS = 366;

    private final FollowUpRepository repository;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;
    private final SiblingsService siblings;
    private final RiskSettings settings;
    private final FairUse fairUse;

    FollowUpService(
            FollowUpRepository repository,
            NeedToKnow needToKnow,
            Redaction redaction,
            SiblingsService siblings,
            RiskSettings settings,
            FairUse fairUse) {
        this.repository = repository;
        this.needToKnow = needToKnow;
        this.redaction = redaction;
        this.siblings = siblings;
        this.settings = settings;
        this.fairUse = fairUse;
    }

    public List<ActionView> overdueActions(LocalDate asOf, String agencyId) {
        checkAgency(agencyId);
        if (ownerUntold(agencyId)) {
            return List.of();
        }
        var rows = fairUse.run(Cost.AREA_WIDE, () -> repository.overdueActions(asOf, agencyId));
        var days = settings.workingDays();
        return shown(
                "overdueActions",
                rows,
                Integer.MAX_VALUE,
                row -> days.between(Views.date(row.get("ac"), "dueOn"), asOf));
    }

    /**
     * Actions completed in the {@code days} days up to asOf (asOf among them), latest completed first,
     * as overdueActions shows actions: only those the user may know of, each saying whether
     * reopenAction can undo its completion (a completion recorded by mistake is otherwise out of every
     * list the day it is recorded). At most {@code first} (default {@value #COMPLETED_FIRST}), counted
     * among those the user may know of, so that a busy year's span answers with the latest.
     */
    public List<ActionView> completedActions(LocalDate asOf, Integer days, String agencyId, Integer first) {
        checkAgency(agencyId);
        var span = days == null ? 30 : days;
        if (span < 1 || span > MAX_COMPLETED_DAYS) {
            throw new BadRequestException("days", "must be from 1 to " + MAX_COMPLETED_DAYS);
        }
        var limit = first == null ? COMPLETED_FIRST : first;
        if (limit < 1 || limit > MAX_FIRST) {
            throw new BadRequestException("first", "must be from 1 to " + MAX_FIRST);
        }
        if (ownerUntold(agencyId)) {
            return List.of();
        }
        var rows = fairUse.run(
                Cost.AREA_WIDE, () -> repository.completedActions(asOf.minusDays(span - 1L), asOf, agencyId));
        return shown("completedActions", rows, limit, row -> null);
    }

    /**
     * Whether the agency asked for is one the reader is never told owns an action: an offender-management
     * agency (probation, by the redaction policy) is named as an owner only to readers who may see offender
     * detail, so to the others a list of its actions answers as one of an agency that owns none (hostile
     * review 89: the owner was hidden, and the filter by it told a school which actions were probation's).
     */
    private boolean ownerUntold(String agencyId) {
        if (agencyId == null) {
            return false;
        }
        // (whoever may not read the lists is refused as before, not answered empty: review 90)
        needToKnow.viewer();
        var agency = redaction.agency(agencyId);
        return agency != null && !redaction.agencyNamed(agency.type(), redaction.access());
    }

    private static void checkAgency(String agencyId) {
        if (agencyId != null && (agencyId.isBlank() || agencyId.length() > 200)) {
            throw new BadRequestException("agencyId", "must be a non-blank id of at most 200 characters");
        }
    }

    /**
     * The action rows the user may know of, as actions: the people of every row decided first (only
     * those of the actions shown are recorded and counted), then those shown checked and audited under
     * the operation; at most {@code limit} of them, in the rows' order.
     */
    private List<ActionView> shown(
            String operation, List<Record> rows, int limit, Function<Record, Integer> workingDaysOverdue) {
        var people = new LinkedHashSet<String>();
        rows.forEach(r -> people.addAll(touched(r)));
        // decided first: only the people of the actions shown are recorded (and counted), not those of
        // actions the reader may not know of (a MAPPA meeting's, an action for someone hidden)
        var decided = needToKnow.decide(people);
        var access = redaction.access();
        var shownRows = rows.stream()
                .filter(row -> known(row, decided, access, redaction))
                .limit(limit)
                .toList();
        var shownPeople = new LinkedHashSet<String>();
        shownRows.forEach(r -> shownPeople.addAll(shownPeople(r)));
        var visibility = needToKnow.check(operation, shownPeople);
        var actions = new ArrayList<ActionView>();
        for (var row : shownRows) {
            actions.add(action(row, visibility, access, workingDaysOverdue.apply(row)));
        }
        return actions;
    }

    /** The people an action row touches: those it is for and those its meeting concerned. */
    static List<String> touched(Record row) {
        var ids = new ArrayList<String>();
        row.get("people").values().forEach(p -> ids.add(p.get("id").asString()));
        ids.addAll(row.get("concerned").asList(Value::asString));
        return ids;
    }

    /**
     * The people an action shown tells of: those it is for, or, when it is for nobody, those its
     * meeting concerned (through whom the reader knows of it).
     */
    static List<String> shownPeople(Record row) {
        var forPeople = row.get("people").asList(p -> p.get("id").asString());
        return forPeople.isEmpty() ? row.get("concerned").asList(Value::asString) : forPeople;
    }

    /**
     * Whether the user may know of an action: they may see someone it is for (or, when it is for
     * nobody, someone its meeting concerned), and its meeting is not one whose kind is offender detail
     * (MAPPA) to them. Anything else is answered as an unknown action.
     */
    static boolean known(Record row, Visibility visibility, Redaction.Access access, Redaction redaction) {
        if (!access.offenderDetail() && redaction.restrictedMeetingKind(Views.string(row.get("m"), "kind"))) {
            return false;
        }
        var forPeople = row.get("people").asList(p -> p.get("id").asString());
        return forPeople.isEmpty()
                ? row.get("concerned").asList(Value::asString).stream().anyMatch(visibility::sees)
                : forPeople.stream().anyMatch(visibility::sees);
    }

    /**
     * An action row (ac, m, owner, people; risk/overdue-actions or risk/action) as the user may see it:
     * an owner managing offenders (probation) is not named to a reader without offender detail (review 87).
     */
    private ActionView action(Record row, Visibility visibility, Redaction.Access access, Integer workingDaysOverdue) {
        var ac = row.get("ac");
        var m = row.get("m");
        var people = row.get("people").asList(PersonView::from);
        return new ActionView(
                Views.string(ac, "id"),
                Views.string(ac, "description"),
                Views.date(ac, "dueOn"),
                Views.date(ac, "completedOn"),
                redaction.named(row.get("owner").isNull() ? null : AgencyView.from(row.get("owner")), access),
                new MeetingView(Views.string(m, "id"), Views.string(m, "kind"), Views.date(m, "heldOn")),
                people.stream().filter(p -> visibility.sees(p.id())).toList(),
                workingDaysOverdue,
                visibility.placeholders(
                        people.stream()
                                .map(PersonView::id)
                                .filter(id -> !visibility.sees(id))
                                .toList(),
                        new Relation("ACTION_FOR", null, null)),
                RecordingService.RECORDED_VIA.equals(Views.string(ac, "completedVia")));
    }

    /** An action just completed, as the user may see it: its people checked (and audited) as completeAction. */
    public ActionView completedAction(String actionId) {
        return changedAction("completeAction", actionId);
    }

    /** An action just reopened, as whoever reopened it sees it (reopenAction checked they may). */
    public ActionView reopenedAction(String actionId) {
        return changedAction("reopenAction", actionId);
    }

    private ActionView changedAction(String operation, String actionId) {
        var row = repository.action(actionId).orElseThrow(() -> NotFoundException.of("action", actionId));
        return action(row, needToKnow.check(operation, touched(row)), redaction.access(), null);
    }

    /** A referral just recorded, as its recorder sees it (recordReferral checked they may know of its child). */
    public ReferralView recordedReferral(String referralId) {
        return referral(
                repository.referral(referralId).orElseThrow(() -> NotFoundException.of("referral", referralId)),
                null,
                redaction.access());
    }

    /**
     * A marker just recorded or ended, as its recorder may see it (recordMarker and endMarker checked
     * they may know of it): offender detail redacted as everywhere else.
     */
    public MarkerView recordedMarker(String markerId) {
        var row = repository.marker(markerId).orElseThrow(() -> NotFoundException.of("marker", markerId));
        var offender = row.get("everCarried").asList(Value::asString).stream()
                .anyMatch(redaction.offenderMarkerTypes()::contains);
        return redaction
                .markers(
                        List.of(MarkerView.from(row.get("m"))),
                        redaction.access(),
                        offender,
                        Views.string(row, "addressKind"))
                .get(0);
    }

    public List<TriagedReferral> triageQueue(LocalDate asOf, Integer first) {
        var limit = first == null ? 50 : first;
        if (limit < 1 || limit > MAX_FIRST) {
            throw new BadRequestException("first", "must be from 1 to " + MAX_FIRST);
        }
        var scored = fairUse.run(
                Cost.AREA_WIDE,
                () -> repository.triage(
                        asOf,
                        asOf.minusDays(settings.triageDays() - 1L).atStartOfDay(RiskRules.LONDON),
                        asOf.plusDays(1).atStartOfDay(RiskRules.LONDON),
                        (tx, rows) -> scored(tx, rows, asOf)));
        // everyone the raw queue touches is decided first (nothing recorded); then the people of the
        // entries shown are checked (and audited, and counted) once: the children referred whom the
        // reader may see, the siblings their reasons count, the offenders they count. Not the people
        // around a referral the reader is not shown (a hidden newborn's home, from the birth day)
        var people = new LinkedHashSet<String>();
        scored.forEach(s -> {
            people.add(s.person().id());
            people.addAll(s.unassessedSiblings().keySet());
            people.addAll(s.row().get("rsoHousehold").asList(Value::asString));
            people.addAll(s.row().get("rsoContact").asList(Value::asString));
        });
        var decided = needToKnow.decide(people);
        var shownPeople = new LinkedHashSet<String>();
        scored.stream().filter(s -> decided.sees(s.person().id())).forEach(s -> {
            shownPeople.add(s.person().id());
            shownPeople.addAll(counted(s, decided, asOf));
            shownPeople.addAll(s.row().get("rsoHousehold").asList(Value::asString));
            shownPeople.addAll(s.row().get("rsoContact").asList(Value::asString));
        });
        var visibility = needToKnow.check("triageQueue", shownPeople);
        var access = redaction.access();
        var entries = new ArrayList<TriagedReferral>();
        for (var s : scored) {
            if (!visibility.sees(s.person().id())) {
                continue;
            }
            var counted = counted(s, visibility, asOf);
            var points = score(s, counted, asOf, access, visibility);
            var restricted = visibility.placeholders(
                    counted.stream().filter(id -> !visibility.sees(id)).toList(),
                    new Relation("SIBLING_OR_HOUSEHOLD_CHILD", null, null));
            entries.add(new TriagedReferral(
                    0, referral(s.row(), asOf, access), points.score(), points.reasons(), restricted));
        }
        entries.sort(Comparator.comparingInt((TriagedReferral t) -> -t.score())
                .thenComparing(t -> t.referral().receivedAt())
                .thenComparing(t -> t.referral().id()));
        var ranked = new ArrayList<TriagedReferral>();
        for (int i = 0; i < entries.size() && i < limit; i++) {
            var t = entries.get(i);
            ranked.add(new TriagedReferral(i + 1, t.referral(), t.score(), t.reasons(), t.restrictedPeople()));
        }
        return ranked;
    }

    /** The referrals of the queue with their unassessed siblings, read in the triage's transaction. */
    private List<Scored> scored(TransactionContext tx, List<Record> rows, LocalDate asOf) {
        var result = new ArrayList<Scored>();
        var answers = siblings.withoutNeedToKnow(
                tx,
                rows.stream()
                        .map(r -> r.get("p").get("id").asString())
                        .distinct()
                        .toList(),
                asOf);
        for (var row : rows) {
            var person = PersonView.from(row.get("p"));
            var unassessed = new LinkedHashMap<String, PersonView>();
            answers.getOrDefault(person.id(), List.of()).stream()
                    .filter(c -> !c.assessed() && c.links().stream().anyMatch(l -> l.kind() != RiskLinkKind.CONTACT))
                    .forEach(c -> unassessed.put(c.child().id(), c.child()));
            result.add(new Scored(row, person, unassessed));
        }
        return result;
    }

    /** A referral of the queue with the unassessed siblings and household children around its child, by id. */
    private record Scored(Record row, PersonView person, Map<String, PersonView> unassessedSiblings) {}

    /**
     * The unassessed siblings the reader's queue counts: a child the reader may not see only in the
     * whole months of their childhood ({@link Visibility#childOn}), or the day the count changes would
     * tell their birth day or 18th birthday.
     */
    private static List<String> counted(Scored s, Visibility visibility, LocalDate asOf) {
        return s.unassessedSiblings().values().stream()
                .filter(c -> visibility.childOn(c, asOf))
                .map(PersonView::id)
                .toList();
    }

    /**
     * The facts of a referral as the user may see them, scored ({@link TriageScore}): a sentence names
     * only people the user may see; the others are counted as children the agency cannot see.
     */
    private TriageScore.Scored score(
            Scored s, List<String> counted, LocalDate asOf, Redaction.Access access, Visibility visibility) {
        var row = s.row();
        var r = row.get("r");
        var named = new ArrayList<String>();
        counted.stream()
                .filter(visibility::sees)
                .forEach(id -> named.add(s.unassessedSiblings().get(id).displayName()));
        // offender detail only for a reader who has it and may see every offender the reason counts
        var household = row.get("rsoHousehold").asList(Value::asString);
        var contact = row.get("rsoContact").asList(Value::asString);
        var offenderDetail = access.offenderDetail()
                && household.stream().allMatch(visibility::sees)
                && contact.stream().allMatch(visibility::sees);
        var received = RiskRules.london(r.get("receivedAt"));
        var decided = RiskRules.decidedBy(r, asOf);
        return TriageScore.of(new TriageScore.Facts(
                s.person().displayName(),
                Views.string(r, "urgency"),
                Views.string(r, "concern"),
                !household.isEmpty(),
                !contact.isEmpty(),
                named,
                counted.size() - named.size(),
                row.get("priorReferrals").asList(v -> redaction.recordId(v.asString(), access)),
                row.get("onPlan").asBoolean(),
                row.get("addressMarkers").asList(m -> shownMarker(m, access)),
                row.get("policeInformation").asBoolean(),
                received,
                decided,
                decided == null ? settings.workingDays().between(received, asOf) : 0,
                offenderDetail ? null : redaction.restrictedDetail(List.of())));
    }

    /**
     * An address marker as a reason names it: by its id, or, when it is offender detail the user may
     * not see (an RSO or MAPPA marker, any marker of an approved premises), as restricted information
     * and whom to ask; its real id would give it away (and the address's markers show it with a
     * random id).
     */
    private String shownMarker(Value marker, Redaction.Access access) {
        var view = MarkerView.from(marker);
        var shown = redaction.markers(List.of(view), access, false, Views.string(marker, "addressKind"));
        return shown.size() == 1 && shown.get(0) == view
                ? view.id()
                : "a restricted marker: " + redaction.restrictedDetailFrom(view.source());
    }

    /**
     * The referral as it stood on asOf ({@code null}: as it stands): a later decision and outcome left
     * out; the referring agency only where the reader may be told of it (a referral from probation tells
     * that probation manages someone close to the child: review 92).
     */
    private ReferralView referral(Record row, LocalDate asOf, Redaction.Access access) {
        var r = row.get("r");
        var decided = RiskRules.decidedBy(r, asOf) != null;
        var agency = row.get("ag").isNull() ? null : AgencyView.from(row.get("ag"));
        var named = redaction.named(agency, access);
        // an agency not told of is not told by its census code either ("7", other legal agency: review 93)
        var untold = agency != null && named == null;
        return new ReferralView(
                redaction.recordId(Views.string(r, "id"), access),
                PersonView.from(row.get("p")),
                named,
                instant(r, "incidentAt"),
                instant(r, "receivedAt"),
                decided ? instant(r, "decidedAt") : null,
                Views.string(r, "concern"),
                Views.string(r, "urgency"),
                untold ? null : Views.string(r, "sourceCode"),
                decided ? Views.string(r, "outcome") : null);
    }

    private static ZonedDateTime instant(Value map, String key) {
        return map.get(key).isNull() ? null : map.get(key).asZonedDateTime();
    }
}
