package uk.safeguarding.explorer.meetings;

import static uk.safeguarding.explorer.model.Wording.capital;
import static uk.safeguarding.explorer.model.Wording.meeting;
import static uk.safeguarding.explorer.model.Wording.words;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.graph.Views.AddressView;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.graph.Views.PersonView.Relation;
import uk.safeguarding.explorer.model.Period;
import uk.safeguarding.explorer.model.changes.ChangeKind;
import uk.safeguarding.explorer.model.changes.ChangeRules;
import uk.safeguarding.explorer.risk.RiskFlag;
import uk.safeguarding.explorer.risk.RiskService;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;
import uk.safeguarding.explorer.security.Visibility;

/**
 * familyChanges: what changed in a child's family and household between two days (both included),
 * the question a strategy-meeting chair asks first. Read from the graph's own periods and dates
 * (births, coming of age, deaths, moves in and out of the household, partnerships, contacts,
 * markers, referrals, assessments, meetings, actions done or fallen overdue) and from the risk flags
 * compared between the two days. The family is the FAMILY scope of agencyInvolvement over the
 * window: everyone who shared a home with one of them in it is in it too, so that someone who left
 * is heard of.
 *
 * <p>Need-to-know as everywhere: the facts are read first, then everyone they touch is checked once
 * (and audited); the subject hidden or unknown is NOT_FOUND. A person the reader may not see is
 * "someone your agency cannot see" in every sentence and a placeholder among the people; their own
 * records (markers, referrals, assessments, births) are left out, while their moves in and out of
 * the household and their partnerships stay, told without their detail. Offender detail and health
 * detail are told in the redaction policy's RESTRICTED words to agencies that may not see them.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
public class FamilyChangesService {

    private static final String OPERATION = "familyChanges";
    private static final Set<ChangeKind> ABOUT_THE_HOUSEHOLD = Set.of(
            ChangeKind.JOINED_HOUSEHOLD,
            ChangeKind.LEFT_HOUSEHOLD,
            ChangeKind.MOVED,
            ChangeKind.PARTNERSHIP_STARTED,
            ChangeKind.PARTNERSHIP_ENDED,
            ChangeKind.CONTACT_STARTED,
            ChangeKind.CONTACT_ENDED);

    private final MeetingsRepository repository;
    private final RiskService risk;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;

    FamilyChangesService(MeetingsRepository repository, RiskService risk, NeedToKnow needToKnow, Redaction redaction) {
        this.repository = repository;
        this.risk = risk;
        this.needToKnow = needToKnow;
        this.redaction = redaction;
    }

    /** How a sentence names people, once need-to-know has decided. */
    private interface Namer {
        String names(List<String> ids);

        boolean anyVisible(List<String> ids);
    }

    /** A change before need-to-know: its sentence is written for the reader. */
    private record Raw(LocalDate on, ChangeKind kind, List<String> people, Function<Namer, String> sentence) {}

    /** A stay at an address, for telling moves from joining and leaving the household. */
    private record Stay(String personId, AddressView address, Period period, String source, List<Value> markers) {}

    /** The changes in the person's family from since to asOf, oldest first, as the reader may see them. */
    public List<FamilyChange> familyChanges(String personId, LocalDate since, LocalDate asOf) {
        if (personId == null || personId.isBlank() || personId.length() > 200) {
            throw new BadRequestException("personId", "must be a non-blank id of at most 200 characters");
        }
        var problem = ChangeRules.windowProblem(since, asOf);
        if (problem != null) {
            throw new BadRequestException("since", problem);
        }
        var members = repository.familyOverWindow(personId, since, asOf, Set.of());
        if (members.isEmpty()) {
            // audited and answered exactly as a hidden person is
            needToKnow.require(OPERATION, personId);
            throw NotFoundException.person(personId);
        }
        // a hidden subject: audited and answered exactly as an unknown id
        var decided = needToKnow.decide(OPERATION, List.of(personId), ids(members));
        // a hidden newborn is not in the family before the month after their birth, and neither is the
        // home they brought in (its people would otherwise come in on the birth day): the family is
        // worked out again without them; only the people of the changes shown are recorded (and counted)
        var excluded = new LinkedHashSet<String>();
        while (excluded.addAll(notYetShown(members, decided, asOf))) {
            members = repository.familyOverWindow(personId, since, asOf, excluded);
            decided = needToKnow.decide(OPERATION, List.of(personId), ids(members));
        }
        var family = ids(members);
        var facts = repository.familyFacts(family, since, asOf);
        var before = risk.withoutNeedToKnow(family, since);
        var after = risk.withoutNeedToKnow(family, asOf);

        var people = new LinkedHashMap<String, PersonView>();
        var offenders = new HashSet<String>();
        var offenderTypes = redaction.offenderMarkerTypes();
        for (var row : facts) {
            var person = PersonView.from(row.get("person"));
            people.putIfAbsent(person.id(), person);
            if (row.get("everCarried").asList(Value::asString).stream().anyMatch(offenderTypes::contains)) {
                offenders.add(person.id());
            }
            var other = row.get("data").get("other");
            if (!other.isNull()) {
                people.putIfAbsent(other.get("id").asString(), PersonView.from(other));
            }
        }
        var raw = changes(facts, people, offenders, family, since, asOf);

        var ids = new LinkedHashSet<String>(family);
        ids.addAll(people.keySet());
        ids.addAll(RiskService.touched(before));
        ids.addAll(RiskService.touched(after));
        var visibility = needToKnow.decide(ids);
        var shown = new ArrayList<FamilyChange>();
        var recorded = new LinkedHashSet<String>();
        for (var change : raw) {
            // a hidden person is not among those a change tells of before the month after their birth
            // (the residents of a home on a marker's day would tell a newborn's birth day)
            var told = change.people().stream()
                    .filter(id -> visibility.sees(id)
                            || !people.containsKey(id)
                            || Visibility.placeholderFrom(
                                            change.on(), people.get(id).dateOfBirth())
                                    != null)
                    .toList();
            if (told.isEmpty() && !change.people().isEmpty()) {
                continue;
            }
            Namer namer = new Namer() {
                @Override
                public String names(List<String> list) {
                    return FamilyChangesService.names(
                            list.stream()
                                    .filter(id -> told.contains(id)
                                            || !change.people().contains(id))
                                    .toList(),
                            people,
                            visibility);
                }

                @Override
                public boolean anyVisible(List<String> list) {
                    return list.stream().anyMatch(visibility::sees);
                }
            };
            if (!ABOUT_THE_HOUSEHOLD.contains(change.kind()) && !namer.anyVisible(change.people())) {
                // a hidden person's own records are not told
                continue;
            }
            var sentence = change.sentence().apply(namer);
            if (sentence == null) {
                continue;
            }
            recorded.addAll(told);
            shown.add(new FamilyChange(
                    change.on(),
                    change.kind(),
                    capital(sentence),
                    Visibility.placeholdersLast(told.stream()
                            .map(id -> shown(id, people, visibility))
                            .toList())));
        }
        recorded.addAll(flags(shown, before, after, family, people, visibility, since, asOf));
        needToKnow.check(OPERATION, personId, recorded);
        shown.sort(Comparator.comparing(FamilyChange::on)
                .thenComparing(FamilyChange::kind)
                .thenComparing(FamilyChange::summary));
        return shown;
    }

    /**
     * Flags raised on asOf and not on since, and flags raised on since and no longer on asOf, as they
     * stand for the reader on each day ({@link RiskService#forReader}); returns the people of the flags
     * shown.
     */
    private Set<String> flags(
            List<FamilyChange> shown,
            RiskService.Frozen allBefore,
            RiskService.Frozen allAfter,
            List<String> family,
            Map<String, PersonView> people,
            Visibility visibility,
            LocalDate since,
            LocalDate asOf) {
        var before = risk.forReader(allBefore, visibility);
        var after = risk.forReader(allAfter, visibility);
        Function<RiskService.FrozenFlag, String> key = f -> f.rule() + "|" + f.code() + "|" + f.subjectId();
        var beforeKeys = before.flags().stream().map(key).collect(Collectors.toSet());
        var afterKeys = after.flags().stream().map(key).collect(Collectors.toSet());
        var raised = after.with(after.flags().stream()
                .filter(f -> !beforeKeys.contains(key.apply(f)))
                .toList());
        var cleared = before.with(before.flags().stream()
                .filter(f -> !afterKeys.contains(key.apply(f)))
                .toList());
        for (var flag : risk.shown(raised, family, visibility)) {
            shown.add(new FamilyChange(
                    asOf,
                    ChangeKind.FLAG_RAISED,
                    "Flag raised by " + asOf + " (not on " + since + "), " + severity(flag) + ": " + flag.summary(),
                    flagPeople(flag, people),
                    flag.severity()));
        }
        for (var flag : risk.shown(cleared, family, visibility)) {
            shown.add(new FamilyChange(
                    asOf,
                    ChangeKind.FLAG_CLEARED,
                    "Flag no longer raised on " + asOf + " (raised on " + since + "), " + severity(flag) + ": "
                            + flag.summary(),
                    flagPeople(flag, people),
                    flag.severity()));
        }
        var touched = new LinkedHashSet<String>(risk.touched(raised, family, visibility));
        touched.addAll(risk.touched(cleared, family, visibility));
        return touched;
    }

    private static List<String> ids(List<MeetingsRepository.Member> members) {
        return members.stream().map(MeetingsRepository.Member::id).toList();
    }

    /** The members whom the reader may not see and who are not shown on asOf (a hidden newborn). */
    private static Set<String> notYetShown(
            List<MeetingsRepository.Member> members, Visibility decided, LocalDate asOf) {
        var notYet = new LinkedHashSet<String>();
        members.stream()
                .filter(m -> decided.notYetShown(m.id(), m.dateOfBirth(), asOf))
                .forEach(m -> notYet.add(m.id()));
        return notYet;
    }

    private static String severity(RiskFlag flag) {
        return flag.severity().name().toLowerCase(Locale.ROOT);
    }

    private static List<PersonView> flagPeople(RiskFlag flag, Map<String, PersonView> people) {
        var list = new ArrayList<PersonView>();
        flag.people().stream().filter(people::containsKey).map(people::get).forEach(list::add);
        list.addAll(flag.restrictedPeople());
        return list;
    }

    private List<Raw> changes(
            List<Record> facts,
            Map<String, PersonView> people,
            Set<String> offenders,
            List<String> family,
            LocalDate since,
            LocalDate asOf) {
        var access = redaction.access();
        var familySet = Set.copyOf(family);
        var changes = new ArrayList<Raw>();
        var stays = new ArrayList<Stay>();
        var seen = new HashSet<String>();
        for (var row : facts) {
            var kind = row.get("kind").asString();
            var person = PersonView.from(row.get("person"));
            var id = person.id();
            var data = row.get("data");
            switch (kind) {
                case "PERSON" -> {
                    if (!seen.add("person|" + id)) {
                        continue;
                    }
                    var born = person.dateOfBirth();
                    if (ChangeRules.within(born, since, asOf)) {
                        changes.add(new Raw(
                                born,
                                ChangeKind.BORN,
                                List.of(id),
                                n -> n.names(List.of(id)) + " was born on " + born + "."));
                    }
                    var adult = ChangeRules.cameOfAge(born);
                    if (ChangeRules.within(adult, since, asOf)
                            && (person.deceasedOn() == null
                                    || person.deceasedOn().isAfter(adult))) {
                        changes.add(new Raw(
                                adult,
                                ChangeKind.CAME_OF_AGE,
                                List.of(id),
                                n -> n.names(List.of(id)) + " turned 18 on " + adult + " and is no longer a child."));
                    }
                    var died = person.deceasedOn();
                    if (ChangeRules.within(died, since, asOf)) {
                        changes.add(new Raw(
                                died,
                                ChangeKind.DIED,
                                List.of(id),
                                n -> n.names(List.of(id)) + " died on " + died + "."));
                    }
                }
                case "LIVES_AT" ->
                    stays.add(new Stay(
                            id,
                            AddressView.from(data.get("address")),
                            new Period(Views.date(data, "from"), Views.date(data, "to")),
                            Views.string(data, "source"),
                            data.get("markers").asList(v -> v)));
                case "PARTNER_OF" -> {
                    var other = data.get("other").get("id").asString();
                    var pair = id.compareTo(other) < 0 ? List.of(id, other) : List.of(other, id);
                    var from = Views.date(data, "from");
                    var to = Views.date(data, "to");
                    if (!seen.add("partner|" + pair + "|" + from)) {
                        continue;
                    }
                    if (ChangeRules.within(from, since, asOf)) {
                        changes.add(new Raw(
                                from,
                                ChangeKind.PARTNERSHIP_STARTED,
                                pair,
                                // named as one list: someone hidden after the people shown, never in the
                                // place the pair's order (by id) would put them
                                n -> n.names(pair) + " became partners on " + from + "."));
                    }
                    if (ChangeRules.within(to, since, asOf)) {
                        changes.add(new Raw(
                                to,
                                ChangeKind.PARTNERSHIP_ENDED,
                                pair,
                                n -> "the partnership of " + n.names(pair) + " ended on " + to + "."));
                    }
                }
                case "HAS_CONTACT_WITH" -> {
                    var other = data.get("other").get("id").asString();
                    var pair = data.get("outgoing").asBoolean() ? List.of(id, other) : List.of(other, id);
                    var from = Views.date(data, "from");
                    var to = Views.date(data, "to");
                    var nature = Views.string(data, "nature");
                    if (!seen.add("contact|" + pair + "|" + from)) {
                        continue;
                    }
                    if (ChangeRules.within(from, since, asOf)) {
                        changes.add(new Raw(
                                from,
                                ChangeKind.CONTACT_STARTED,
                                pair,
                                n -> "contact between "
                                        + n.names(List.of(pair.get(0))) + " and " + n.names(List.of(pair.get(1)))
                                        + " began on "
                                        + from
                                        + (nature != null
                                                        && n.anyVisible(List.of(pair.get(0)))
                                                        && n.anyVisible(List.of(pair.get(1)))
                                                ? " (" + nature + ")"
                                                : "")
                                        + "."));
                    }
                    if (ChangeRules.within(to, since, asOf)) {
                        changes.add(new Raw(
                                to,
                                ChangeKind.CONTACT_ENDED,
                                pair,
                                n -> "contact between "
                                        + n.names(List.of(pair.get(0))) + " and " + n.names(List.of(pair.get(1)))
                                        + " ended on "
                                        + to + "."));
                    }
                }
                case "MARKER" -> {
                    var marker = data.get("marker");
                    if (!seen.add("marker|" + Views.string(marker, "id"))) {
                        continue;
                    }
                    var type = Views.string(marker, "type");
                    var source = Views.string(marker, "source");
                    var restricted = !access.offenderDetail()
                            && (redaction.restrictedMarkerType(type)
                                    || redaction.offenderManagementRecord(offenders.contains(id), source));
                    var from = Views.date(marker, "from");
                    var to = Views.date(marker, "to");
                    var detail = Views.string(marker, "detail");
                    if (ChangeRules.within(from, since, asOf)) {
                        changes.add(new Raw(
                                from,
                                ChangeKind.MARKER_ADDED,
                                List.of(id),
                                restricted
                                        ? n -> "restricted information was recorded about " + n.names(List.of(id))
                                                + " on " + from + ". " + redaction.restrictedDetailFrom(source)
                                        : n -> capital(words(type)) + " marker added for " + n.names(List.of(id))
                                                + " on " + from + (detail == null ? "" : " (" + detail + ")") + "."));
                    }
                    if (ChangeRules.within(to, since, asOf) && !restricted) {
                        changes.add(new Raw(
                                to,
                                ChangeKind.MARKER_ENDED,
                                List.of(id),
                                n -> capital(words(type)) + " marker for " + n.names(List.of(id)) + " ended on " + to
                                        + "."));
                    }
                }
                case "REFERRAL" -> {
                    if (!seen.add("referral|" + Views.string(data, "id"))) {
                        continue;
                    }
                    var day = Views.date(data, "day");
                    var agency = namedAgency(data.get("agency"), access);
                    var urgency = Views.string(data, "urgency");
                    changes.add(new Raw(
                            day,
                            ChangeKind.REFERRAL,
                            List.of(id),
                            n -> "referral about "
                                    + n.names(List.of(id)) + (agency == null ? "" : " from " + agency) + " received on "
                                    + day
                                    + ": " + words(Views.string(data, "concern"))
                                    + (urgency == null ? "" : " (" + words(urgency) + ")") + "."));
                }
                case "ASSESSMENT" -> {
                    if (!seen.add("assessment|" + Views.string(data, "id"))) {
                        continue;
                    }
                    var type = Views.string(data, "type");
                    var health = !access.healthDetail() && redaction.healthAssessmentType(type);
                    var agency = namedAgency(data.get("agency"), access);
                    var started = Views.date(data, "startedOn");
                    var completed = Views.date(data, "completedOn");
                    var what = health ? "an assessment" : capital(words(type)) + " assessment";
                    var by = health || agency == null ? "" : " by " + agency;
                    var tail = health ? " " + redaction.healthDetail() : "";
                    if (ChangeRules.within(started, since, asOf)) {
                        changes.add(new Raw(
                                started,
                                ChangeKind.ASSESSMENT_STARTED,
                                List.of(id),
                                n -> what + " of " + n.names(List.of(id)) + " started on " + started + by + "."
                                        + tail));
                    }
                    if (ChangeRules.within(completed, since, asOf)) {
                        changes.add(new Raw(
                                completed,
                                ChangeKind.ASSESSMENT_COMPLETED,
                                List.of(id),
                                n -> what + " of " + n.names(List.of(id)) + " completed on " + completed + by + "."
                                        + tail));
                    }
                }
                default -> {
                    // MEETING and ACTION: one change for all the family it concerns, after the loop
                }
            }
        }
        meetingsAndActions(facts, familySet, changes, access, since, asOf);
        households(stays, familySet, people, changes, access, since, asOf);
        return changes;
    }

    private void meetingsAndActions(
            List<Record> facts,
            Set<String> family,
            List<Raw> changes,
            Redaction.Access access,
            LocalDate since,
            LocalDate asOf) {
        var meetings = new LinkedHashMap<String, Value>();
        var meetingPeople = new LinkedHashMap<String, List<String>>();
        var actions = new LinkedHashMap<String, Value>();
        var actionPeople = new LinkedHashMap<String, List<String>>();
        for (var row : facts) {
            var kind = row.get("kind").asString();
            var id = row.get("person").get("id").asString();
            var data = row.get("data");
            if ("MEETING".equals(kind)) {
                meetings.putIfAbsent(data.get("id").asString(), data);
                meetingPeople
                        .computeIfAbsent(data.get("id").asString(), k -> new ArrayList<>())
                        .add(id);
            } else if ("ACTION".equals(kind)) {
                actions.putIfAbsent(data.get("id").asString(), data);
                actionPeople
                        .computeIfAbsent(data.get("id").asString(), k -> new ArrayList<>())
                        .add(id);
            }
        }
        meetings.forEach((meetingId, data) -> {
            var ids = sorted(meetingPeople.get(meetingId));
            var day = Views.date(data, "heldOn");
            var kind = Views.string(data, "meetingKind");
            var decision = Views.string(data, "decision");
            if (!access.offenderDetail() && redaction.restrictedMeetingKind(kind)) {
                changes.add(new Raw(
                        day,
                        ChangeKind.MEETING,
                        ids,
                        n -> "a restricted meeting was held on " + day + ". "
                                + redaction.restrictedDetailFrom(Views.string(data, "source"))));
                return;
            }
            changes.add(new Raw(
                    day,
                    ChangeKind.MEETING,
                    ids,
                    n -> meeting(kind) + " about " + n.names(ids) + " held on " + day
                            + (decision == null ? "" : "; decision: " + words(decision)) + "."));
        });
        actions.forEach((actionId, data) -> {
            if (!access.offenderDetail() && redaction.restrictedMeetingKind(Views.string(data, "meetingKind"))) {
                return;
            }
            var ids = sorted(actionPeople.get(actionId));
            var description = Views.string(data, "description");
            // an owner managing offenders is named only to readers with offender detail (review 87)
            var owner = namedAgency(data.get("agency"), access);
            var due = Views.date(data, "dueOn");
            var done = Views.date(data, "completedOn");
            if (ChangeRules.within(done, since, asOf)) {
                changes.add(new Raw(
                        done,
                        ChangeKind.ACTION_COMPLETED,
                        ids,
                        n -> "action for " + n.names(ids)
                                + " completed on " + done + (owner == null ? "" : " by " + owner) + ": " + description
                                + (due == null ? "" : " (due " + due + ")") + "."));
            }
            var overdue = ChangeRules.overdueFrom(due, done);
            if (ChangeRules.within(overdue, since, asOf)) {
                changes.add(new Raw(
                        overdue,
                        ChangeKind.ACTION_OVERDUE,
                        ids,
                        n -> "action for " + n.names(ids)
                                + " overdue from " + overdue + " (due " + due
                                + (owner == null ? "" : ", owner: " + owner)
                                + "): " + description + "."));
            }
        });
    }

    /** Family members who arrived at or left one address on one day, and who lived there then. */
    private record Group(
            ChangeKind kind,
            boolean arriving,
            LocalDate on,
            AddressView address,
            String source,
            Set<String> people,
            Set<String> residents) {}

    /** Adds a stay's arrival or departure on a day to its group, with the family living there that day. */
    private static void addToGroup(
            Map<String, Group> groups, ChangeKind kind, boolean arriving, LocalDate on, Stay stay, List<Stay> others) {
        var group = groups.computeIfAbsent(
                kind + (arriving ? "|in|" : "|out|") + stay.address().id() + "|" + on,
                k -> new Group(
                        kind,
                        arriving,
                        on,
                        stay.address(),
                        stay.source(),
                        new LinkedHashSet<>(),
                        new LinkedHashSet<>()));
        group.people().add(stay.personId());
        others.stream()
                .filter(o -> o.period().contains(on))
                .forEach(o -> group.residents().add(o.personId()));
    }

    /** Moves in and out, joining and leaving the household, and markers on the family's homes. */
    private void households(
            List<Stay> stays,
            Set<String> family,
            Map<String, PersonView> people,
            List<Raw> changes,
            Redaction.Access access,
            LocalDate since,
            LocalDate asOf) {
        var byAddress = new LinkedHashMap<String, List<Stay>>();
        stays.forEach(s -> byAddress
                .computeIfAbsent(s.address().id(), k -> new ArrayList<>())
                .add(s));
        var groups = new LinkedHashMap<String, Group>();
        var markers = new HashSet<String>();
        for (var stay : stays) {
            var others = byAddress.get(stay.address().id()).stream()
                    .filter(o -> !o.personId().equals(stay.personId()) && family.contains(o.personId()))
                    .toList();
            var periods = others.stream().map(Stay::period).toList();
            var from = stay.period().from();
            var to = stay.period().to();
            if (ChangeRules.within(from, since, asOf)) {
                var joined = ChangeRules.joinedHousehold(from, periods);
                var kind = joined ? ChangeKind.JOINED_HOUSEHOLD : ChangeKind.MOVED;
                addToGroup(groups, kind, true, from, stay, others);
            }
            if (ChangeRules.within(to, since, asOf)) {
                var left = ChangeRules.leftHousehold(to, periods);
                var kind = left ? ChangeKind.LEFT_HOUSEHOLD : ChangeKind.MOVED;
                addToGroup(groups, kind, false, to, stay, others);
            }
            for (var marker : stay.markers()) {
                var markerId = marker.get("id").asString();
                var type = Views.string(marker, "type");
                var mFrom = Views.date(marker, "from");
                var mTo = Views.date(marker, "to");
                var restricted = !access.offenderDetail()
                        && (redaction.restrictedMarkerType(type)
                                || redaction.offenderAddress(stay.address().kind()));
                if (ChangeRules.within(mFrom, since, asOf)
                        && stay.period().contains(mFrom)
                        && markers.add(markerId + "|added")) {
                    var residents = residents(byAddress.get(stay.address().id()), family, mFrom);
                    var detail = Views.string(marker, "detail");
                    changes.add(new Raw(
                            mFrom,
                            ChangeKind.MARKER_ADDED,
                            residents,
                            restricted
                                    ? n -> "restricted information was recorded about the home of " + n.names(residents)
                                            + " on " + mFrom + ". "
                                            + redaction.restrictedDetailFrom(Views.string(marker, "source"))
                                    : n -> capital(words(type)) + " marker added to " + place(stay.address(), access)
                                            + ", the home of " + n.names(residents) + ", on " + mFrom
                                            + (detail == null ? "" : " (" + detail + ")") + "."));
                }
                if (ChangeRules.within(mTo, since, asOf)
                        && stay.period().contains(mTo)
                        && !restricted
                        && markers.add(markerId + "|ended")) {
                    var residents = residents(byAddress.get(stay.address().id()), family, mTo);
                    changes.add(new Raw(
                            mTo,
                            ChangeKind.MARKER_ENDED,
                            residents,
                            n -> capital(words(type))
                                    + " marker on " + place(stay.address(), access) + ", the home of "
                                    + n.names(residents)
                                    + ", ended on " + mTo + "."));
                }
            }
        }
        for (var group : groups.values()) {
            var movers = sorted(group.people());
            var around = new ArrayList<String>(movers);
            around.addAll(group.residents());
            var offenderAddress = !access.offenderDetail()
                    && redaction.offenderAddress(group.address().kind());
            var day = group.on();
            // someone who arrived in their month of birth: for a reader who may not see them, the
            // arrival would tell their birth date (DESIGN §7: a placeholder carries no birth date;
            // a hidden person is shown from the month after their birth, Visibility#shownFrom)
            var bornThatMonth = group.arriving()
                    ? movers.stream()
                            .filter(id -> people.containsKey(id)
                                    && Visibility.placeholderFrom(
                                                    day, people.get(id).dateOfBirth())
                                            == null)
                            .collect(Collectors.toSet())
                    : Set.<String>of();
            changes.add(new Raw(day, group.kind(), movers, n -> {
                var told = movers.stream()
                        .filter(id -> !bornThatMonth.contains(id) || n.anyVisible(List.of(id)))
                        .toList();
                if (told.isEmpty()) {
                    return null;
                }
                var who = n.names(told);
                if (!n.anyVisible(around)) {
                    // nobody the reader may see lives there: the address is not theirs to know
                    return who + (group.arriving() ? " moved" : " moved away") + " on " + day + ".";
                }
                var where = offenderAddress ? "a restricted address" : place(group.address(), access);
                var tail = offenderAddress ? " " + redaction.restrictedDetailFrom(group.source()) : "";
                return switch (group.kind()) {
                    case JOINED_HOUSEHOLD -> who + " joined the household at " + where + " on " + day + "." + tail;
                    case LEFT_HOUSEHOLD -> who + " left the household at " + where + " on " + day + "." + tail;
                    default -> who + (group.arriving() ? " moved to " : " left ") + where + " on " + day + "." + tail;
                };
            }));
        }
    }

    private static List<String> residents(List<Stay> stays, Set<String> family, LocalDate day) {
        return sorted(stays.stream()
                .filter(s -> family.contains(s.personId()) && s.period().contains(day))
                .map(Stay::personId)
                .toList());
    }

    private String place(AddressView address, Redaction.Access access) {
        var shown = redaction.address(address, access);
        var line = shown.line1() == null ? "an address without a first line" : shown.line1();
        return line + (shown.town() == null ? "" : ", " + shown.town());
    }

    private static List<String> sorted(Collection<String> ids) {
        return ids.stream().distinct().sorted().toList();
    }

    /** Names in a sentence: those the reader may see by name, the others counted as people the agency cannot see. */
    static String names(List<String> ids, Map<String, PersonView> people, Visibility visibility) {
        var named = new ArrayList<String>();
        var hidden = 0;
        for (var id : ids) {
            if (visibility.sees(id)) {
                var person = people.get(id);
                named.add(person == null ? id : person.displayName());
            } else {
                hidden++;
            }
        }
        if (hidden == 1) {
            named.add(PersonView.HIDDEN);
        } else if (hidden > 1) {
            named.add(hidden + " people your agency cannot see");
        }
        if (named.size() <= 1) {
            return named.isEmpty() ? "" : named.get(0);
        }
        return String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
    }

    private static PersonView shown(String id, Map<String, PersonView> people, Visibility visibility) {
        if (visibility.sees(id) && people.containsKey(id)) {
            return people.get(id);
        }
        return visibility.placeholder(id, new Relation("FAMILY", null, null));
    }

    /**
     * An agency's name as the reader may be told it: one managing offenders (probation, by the redaction
     * policy) only to readers with offender detail (review 87 for an action's owner; walk 72 for a
     * referral's and an assessment's agency: "referral about Tom from Probation service"); else null.
     */
    private String namedAgency(Value agency, Redaction.Access access) {
        var named = redaction.named(agency.isNull() ? null : AgencyView.from(agency), access);
        return named == null ? null : named.name();
    }
}
