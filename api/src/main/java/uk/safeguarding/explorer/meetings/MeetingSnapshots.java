package uk.safeguarding.explorer.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.audit.AuditLog;
import uk.safeguarding.explorer.audit.AuditLog.Subject;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.graph.Views.PersonView.Relation;
import uk.safeguarding.explorer.involvement.AgencyInvolvement.PersonInvolvement;
import uk.safeguarding.explorer.involvement.AgencyInvolvement.Scope;
import uk.safeguarding.explorer.involvement.InvolvementService;
import uk.safeguarding.explorer.meetings.MeetingSnapshot.AgreedAction;
import uk.safeguarding.explorer.meetings.MeetingSnapshot.Attendance;
import uk.safeguarding.explorer.meetings.MeetingSnapshot.MeetingRecord;
import uk.safeguarding.explorer.meetings.MeetingSnapshot.Siblings;
import uk.safeguarding.explorer.network.Network;
import uk.safeguarding.explorer.network.Network.Edge;
import uk.safeguarding.explorer.network.Network.Node;
import uk.safeguarding.explorer.network.Network.NodeKind;
import uk.safeguarding.explorer.network.NetworkService;
import uk.safeguarding.explorer.risk.MeetingRecorded;
import uk.safeguarding.explorer.risk.RiskService;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;
import uk.safeguarding.explorer.security.Visibility;
import uk.safeguarding.explorer.siblings.SiblingsService;

/**
 * A meeting's snapshot: what the meeting saw on its day, kept so that nobody later has to guess,
 * whatever imports change afterwards. Taken when a meeting is recorded ({@code recordStrategyMeeting})
 * and, for a meeting imported with a bundle, when someone who may see its children asks for it
 * ({@code takeMeetingSnapshot}); never changed after (no statement updates or removes it).
 *
 * <p>What is kept are the facts, not anyone's view of them: the raw answers of network, risk flags,
 * siblingsAtRisk and agencyInvolvement (FAMILY) on the meeting's day, before need-to-know, as JSON
 * beside the meeting. Each reader sees them through their own need-to-know and redaction when they
 * read it (the same rules as the live answers, by the same code), and every person in it is audited
 * before the answer leaves. A reader who may see none of the children it concerns gets exactly the
 * answer an unknown id gets.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
public class MeetingSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(MeetingSnapshots.class);

    static final int FORMAT = 1;
    /** Up to this many people born in a meeting's month, the snapshot keeps an answer without each set of them. */
    static final int NEWBORN_VERSIONS_UP_TO = 4;

    static final int NETWORK_DEPTH = 2;
    static final int NETWORK_NODES = 500;
    private static final String READ = "meetingSnapshot";
    private static final String TAKE = "takeMeetingSnapshot";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final MeetingsRepository repository;
    private final NetworkService networks;
    private final SiblingsService siblings;
    private final InvolvementService involvement;
    private final RiskService risk;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;
    private final AuditLog audit;
    private final Clock clock;

    MeetingSnapshots(
            MeetingsRepository repository,
            NetworkService networks,
            SiblingsService siblings,
            InvolvementService involvement,
            RiskService risk,
            NeedToKnow needToKnow,
            Redaction redaction,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.networks = networks;
        this.siblings = siblings;
        this.involvement = involvement;
        this.risk = risk;
        this.needToKnow = needToKnow;
        this.redaction = redaction;
        this.audit = audit;
        this.clock = clock;
    }

    // --- what is kept ---------------------------------------------------------------------------

    /** The snapshot as kept: the meeting and the raw answers of its day. */
    record Frozen(
            int format,
            FrozenMeeting meeting,
            Map<String, PersonView> people,
            Network network,
            RiskService.Frozen flags,
            Map<String, SiblingsService.Raw> siblings,
            InvolvementService.Raw involvement,
            Newborns newborns) {}

    /**
     * The people born in the meeting's month by its day (the children it is about included), whom a
     * reader who may not see them is not shown until the month after: the network and family matrix
     * worked out without all of them and the homes they brought in ({@code network},
     * {@code involvement}), and without each other set of them ({@code versions}, when there are at
     * most {@value #NEWBORN_VERSIONS_UP_TO}), so that a reader reads the answer without exactly those
     * they may not see: a newborn the reader sees never depends on whether a hidden one was born by
     * the day. Null in a snapshot without such people, or kept before this was; {@code versions} null
     * in one kept before those were.
     */
    record Newborns(List<String> ids, Network network, InvolvementService.Raw involvement, List<Without> versions) {

        /** What a reader who may not see exactly the newborns given reads (all of them when no version fits). */
        Without without(Set<String> hidden) {
            if (versions != null && hidden.size() < ids.size()) {
                for (var version : versions) {
                    if (hidden.equals(Set.copyOf(version.excluded()))) {
                        return version;
                    }
                }
            }
            return new Without(ids, network, involvement);
        }
    }

    /** The network and family matrix worked out without the people excluded (newborns of the meeting's month). */
    record Without(List<String> excluded, Network network, InvolvementService.Raw involvement) {}

    /** The meeting as recorded when the snapshot was taken. */
    record FrozenMeeting(
            String id,
            String kind,
            LocalDate heldOn,
            String chair,
            String decision,
            String decisionReason,
            LocalDate nextMeetingOn,
            String source,
            List<String> concerns,
            List<Attendance> attendance,
            List<FrozenAction> actions) {}

    /** An action agreed, with the ids of the people it is for. */
    record FrozenAction(
            String id,
            String description,
            LocalDate dueOn,
            LocalDate completedOn,
            AgencyView owner,
            List<String> forPeople) {}

    /**
     * A meeting just recorded through the API: its snapshot is taken at once (the recording checked who
     * may). The meeting is written already: when its snapshot cannot be taken now (a timeout, the
     * database briefly out of reach), that is logged and the recording still answers the ids it gave
     * (hostile review 61: it answered an error, and Save again recorded the meeting twice);
     * {@code takeMeetingSnapshot} takes it later.
     */
    @EventListener
    void recorded(MeetingRecorded event) {
        try {
            freeze(event.meetingId());
        } catch (RuntimeException e) {
            LOG.warn(
                    "The snapshot of meeting {} could not be taken now ({}); the meeting is recorded, and "
                            + "takeMeetingSnapshot takes its snapshot later",
                    event.meetingId(),
                    e.toString());
        }
    }

    /**
     * Takes the snapshot of a meeting imported with a bundle: the user must be able to see one of the
     * children it concerns (else NOT_FOUND, as for an unknown id); a meeting that has one already is
     * refused (snapshots never change).
     */
    public MeetingSnapshot take(String meetingId) {
        requireId(meetingId);
        var meeting = repository
                .meeting(meetingId)
                .map(MeetingSnapshots::meeting)
                .orElseThrow(() -> unknown(TAKE, meetingId));
        var visibility = needToKnow.checkWrite(TAKE, meeting.concerns());
        if (meeting.concerns().stream().noneMatch(visibility::sees) || hiddenKind(meeting.kind())) {
            throw NotFoundException.of("meeting", meetingId);
        }
        if (repository.snapshot(meetingId).isPresent()) {
            throw new BadRequestException(
                    "meetingId",
                    "the meeting '" + meetingId + "' has a snapshot already; "
                            + "a snapshot is never taken again or changed");
        }
        audit.record(
                needToKnow.actor(),
                TAKE,
                meeting.concerns().stream()
                        .filter(visibility::sees)
                        .map(id -> Subject.allowed(id, "snapshot of " + meetingId))
                        .toList());
        freeze(meetingId);
        return snapshot(meetingId);
    }

    /** Computes and keeps the snapshot of a meeting on its day (no need-to-know: the caller checked). */
    void freeze(String meetingId) {
        var meeting = repository
                .meeting(meetingId)
                .map(MeetingSnapshots::meeting)
                .orElseThrow(() -> NotFoundException.of("meeting", meetingId));
        var day = meeting.heldOn();
        var ids = new LinkedHashSet<String>(meeting.concerns());
        meeting.actions().forEach(a -> ids.addAll(a.forPeople()));
        var people = new LinkedHashMap<String, PersonView>();
        repository.people(List.copyOf(ids)).forEach(p -> people.put(p.id(), p));
        var concerns = meeting.concerns();
        var raw = new ArrayList<Network>();
        var siblingsOf = new LinkedHashMap<String, SiblingsService.Raw>();
        var matrices = new ArrayList<InvolvementService.Raw>();
        for (var child : concerns) {
            raw.add(networks.withoutNeedToKnow(child, NETWORK_DEPTH, day, NETWORK_NODES));
            siblingsOf.put(child, siblings.withoutNeedToKnow(child, day));
            matrices.add(involvement.withoutNeedToKnow(child, Scope.FAMILY, day));
        }
        var network = merged(concerns, raw, day);
        var involved = InvolvementService.merged(matrices);
        var frozen = new Frozen(
                FORMAT,
                meeting,
                people,
                network,
                risk.withoutNeedToKnow(concerns, day),
                siblingsOf,
                involved,
                newborns(concerns, people, network, involved, day));
        var user = needToKnow.viewer();
        var takenAt = ZonedDateTime.now(clock).withZoneSameInstant(LONDON).truncatedTo(ChronoUnit.SECONDS);
        try {
            repository.createSnapshot(
                    meetingId,
                    takenAt,
                    day,
                    user.username(),
                    user.agency(),
                    FORMAT,
                    JsonMapper.shared().writeValueAsString(frozen));
        } catch (ClientException taken) {
            // two requests at once: the constraint on meetingId keeps the first
            throw new BadRequestException(
                    "meetingId",
                    "the meeting '" + meetingId + "' has a snapshot already; "
                            + "a snapshot is never taken again or changed");
        }
    }

    /**
     * The people of the network and family matrix born in the month of the day by that day (the
     * children the meeting is about too: a hidden one is no starting point before the month after
     * his birth), and both worked out again without them, and without each other set of them; null
     * when there are none.
     */
    private Newborns newborns(
            List<String> concerns,
            Map<String, PersonView> people,
            Network network,
            InvolvementService.Raw involved,
            LocalDate day) {
        var born = new LinkedHashSet<String>();
        // a child the meeting is about not born by its day (a meeting before a birth) is no starting
        // point either for a reader who may not see him: else what is reached only through him would
        // be there before his birth, gone from his birth day and back the month after
        concerns.stream()
                .map(people::get)
                .filter(p -> p != null
                        && p.dateOfBirth() != null
                        && (p.dateOfBirth().isAfter(day) || notYetShown(p.dateOfBirth(), day)))
                .forEach(p -> born.add(p.id()));
        network.nodes().stream()
                .filter(n -> n.kind() == NodeKind.PERSON && notYetShown(n.dateOfBirth(), day))
                .forEach(n -> born.add(n.id()));
        involved.people().stream()
                .map(PersonInvolvement::person)
                .filter(p -> notYetShown(p.dateOfBirth(), day))
                .forEach(p -> born.add(p.id()));
        if (born.isEmpty()) {
            return null;
        }
        var ids = List.copyOf(born);
        var all = without(concerns, Set.copyOf(ids), day);
        List<Without> versions = new ArrayList<>();
        if (ids.size() <= NEWBORN_VERSIONS_UP_TO) {
            // every other set a reader may not see (the empty set reads the snapshot itself)
            for (var set = 1; set < (1 << ids.size()) - 1; set++) {
                var excluded = new LinkedHashSet<String>();
                for (var i = 0; i < ids.size(); i++) {
                    if ((set & (1 << i)) != 0) {
                        excluded.add(ids.get(i));
                    }
                }
                if (!excluded.containsAll(concerns)) {
                    // a reader who may see none of the children reads nothing of the snapshot
                    versions.add(without(concerns, excluded, day));
                }
            }
        }
        return new Newborns(ids, all.network(), all.involvement(), List.copyOf(versions));
    }

    /** The network and family matrix from the children not excluded, without the people excluded. */
    private Without without(List<String> concerns, Set<String> excluded, LocalDate day) {
        var from = concerns.stream().filter(c -> !excluded.contains(c)).toList();
        var raw = new ArrayList<Network>();
        var matrices = new ArrayList<InvolvementService.Raw>();
        for (var child : from) {
            raw.add(networks.withoutNeedToKnow(child, NETWORK_DEPTH, day, NETWORK_NODES, excluded));
            matrices.add(involvement.withoutNeedToKnow(child, Scope.FAMILY, day, excluded));
        }
        return new Without(List.copyOf(excluded), merged(from, raw, day), InvolvementService.merged(matrices));
    }

    /** Born by the day but in its month: a reader who may not see them is shown them from the month after. */
    private static boolean notYetShown(LocalDate born, LocalDate day) {
        return born != null && !born.isAfter(day) && Visibility.placeholderFrom(day, born) == null;
    }

    /** The networks of the children as one: each node and edge once, the children as subjects, capped at 500 nodes. */
    static Network merged(List<String> children, List<Network> networks, LocalDate day) {
        var nodes = new LinkedHashMap<String, Node>();
        var edges = new LinkedHashMap<String, Edge>();
        var truncated = false;
        for (var network : networks) {
            truncated |= network.truncated();
            for (var node : network.nodes()) {
                if (nodes.containsKey(node.key())) {
                    continue;
                }
                if (nodes.size() >= NETWORK_NODES) {
                    truncated = true;
                    continue;
                }
                nodes.put(node.key(), node.subject() || !children.contains(node.id()) ? node : node.asSubject());
            }
            network.edges().stream()
                    .filter(e -> nodes.containsKey(e.source()) && nodes.containsKey(e.target()))
                    .forEach(e -> edges.putIfAbsent(e.key(), e));
        }
        return new Network(
                children.isEmpty() ? null : children.get(0),
                day,
                NETWORK_DEPTH,
                List.copyOf(nodes.values()),
                List.copyOf(edges.values()),
                truncated);
    }

    // --- reading it -----------------------------------------------------------------------------

    /**
     * The snapshot as the reader may see it: everyone in it checked once and audited; NOT_FOUND, in
     * the words of an unknown id, when there is none or the reader may see none of its children.
     */
    public MeetingSnapshot snapshot(String meetingId) {
        requireId(meetingId);
        var row = repository.snapshot(meetingId).orElseThrow(() -> unknown(READ, meetingId));
        var frozen = JsonMapper.shared().readValue(row.get("data").asString(), Frozen.class);
        var meeting = frozen.meeting();
        var concerned = needToKnow.check(READ, meeting.concerns());
        if (meeting.concerns().stream().noneMatch(concerned::sees) || hiddenKind(meeting.kind())) {
            throw NotFoundException.of("meeting snapshot", meetingId);
        }
        var asOf = Views.date(row, "asOf");
        var ids = new LinkedHashSet<String>(meeting.concerns());
        meeting.actions().forEach(a -> ids.addAll(a.forPeople()));
        ids.addAll(NetworkService.people(frozen.network()));
        frozen.siblings().values().forEach(s -> ids.addAll(SiblingsService.people(s)));
        ids.addAll(InvolvementService.people(frozen.involvement()));
        ids.addAll(RiskService.touched(frozen.flags()));
        // decided first: a reader who may not see someone born in the meeting's month reads the network
        // and family matrix worked out without them (as network and agencyInvolvement answer on that
        // day), and only the people of what is shown are recorded (and counted)
        var decided = needToKnow.decide(ids);
        var newborns = frozen.newborns();
        var hidden = newborns == null
                ? Set.<String>of()
                : newborns.ids().stream().filter(id -> !decided.sees(id)).collect(Collectors.toSet());
        var without = hidden.isEmpty() ? null : newborns.without(hidden);
        var network = without == null ? frozen.network() : without.network();
        var involved = without == null ? frozen.involvement() : without.involvement();
        var shownSiblings = new LinkedHashMap<String, SiblingsService.Raw>();
        frozen.siblings()
                .forEach((child, raw) -> shownSiblings.put(child, asOf == null ? raw : raw.childrenOn(decided, asOf)));
        var recorded = new LinkedHashSet<String>(meeting.concerns());
        meeting.actions().forEach(a -> recorded.addAll(a.forPeople()));
        recorded.addAll(NetworkService.people(network));
        shownSiblings.values().forEach(s -> recorded.addAll(SiblingsService.people(s)));
        recorded.addAll(InvolvementService.people(involved));
        recorded.addAll(risk.touched(frozen.flags(), meeting.concerns(), decided));
        var visibility = needToKnow.check(READ, recorded);
        var related = new Relation("CONCERNED", null, null);
        var children = Visibility.placeholdersLast(meeting.concerns().stream()
                .map(id -> person(id, frozen, visibility, related))
                .toList());
        var siblingsAtRisk = new ArrayList<Siblings>();
        shownSiblings.forEach((child, raw) -> {
            if (visibility.sees(child)) {
                siblingsAtRisk.add(new Siblings(
                        person(child, frozen, visibility, related), siblings.shown(raw, visibility, asOf)));
            }
        });
        // an agency managing offenders (probation) is named as an action's owner or among those at the
        // meeting only to readers with offender detail, as the chronology names it (reviews 85 and 87)
        var access = redaction.access();
        var actions = meeting.actions().stream()
                .map(a -> new AgreedAction(
                        a.id(),
                        // the words of an action for none the reader may see may name them (hostile review 89):
                        // the action is there, with its placeholders, without its words
                        a.forPeople().isEmpty() || a.forPeople().stream().anyMatch(visibility::sees)
                                ? a.description()
                                : null,
                        a.dueOn(),
                        a.completedOn(),
                        redaction.named(a.owner(), access),
                        Visibility.placeholdersLast(a.forPeople().stream()
                                .map(id -> person(id, frozen, visibility, new Relation("ACTION_FOR", null, null)))
                                .toList())))
                .toList();
        var record = new MeetingRecord(
                meeting.id(),
                meeting.kind(),
                meeting.heldOn(),
                meeting.chair(),
                meeting.decision(),
                meeting.decisionReason(),
                meeting.nextMeetingOn(),
                meeting.attendance().stream()
                        .filter(a -> a.agency() == null || redaction.named(a.agency(), access) != null)
                        .toList(),
                actions);
        return new MeetingSnapshot(
                meetingId,
                row.get("takenAt").asZonedDateTime(),
                asOf,
                record,
                children,
                // the subject is the first child the reader may see, never a hidden one's id
                networks.shown(
                                new Network(
                                        meeting.concerns().stream()
                                                .filter(visibility::sees)
                                                .findFirst()
                                                .orElse(null),
                                        network.asOf(),
                                        network.depth(),
                                        network.nodes(),
                                        network.edges(),
                                        network.truncated()),
                                visibility)
                        .withDepthsFromSubjects(),
                risk.shown(frozen.flags(), meeting.concerns(), visibility),
                siblingsAtRisk,
                involvement.shown(involved, Scope.FAMILY, visibility, asOf));
    }

    /** The meetings about a person held by asOf, newest first, as the reader may see them. */
    public List<MeetingHeld> meetingsAbout(String personId, LocalDate asOf) {
        if (personId == null || personId.isBlank() || personId.length() > 200) {
            throw new BadRequestException("personId", "must be a non-blank id of at most 200 characters");
        }
        var rows = repository.meetingsConcerning(personId, asOf);
        var ids = new LinkedHashSet<String>();
        rows.forEach(r -> ids.addAll(r.get("concerns").asList(Value::asString)));
        // decided first: only the people of the meetings shown are recorded (and counted), not those
        // of meetings whose kind is offender detail to the reader (MAPPA)
        needToKnow.decide("meetingsAbout", List.of(personId), ids);
        var shownIds = new HashSet<String>();
        var shownRows = new ArrayList<org.neo4j.driver.Record>();
        var shownPeople = new LinkedHashSet<String>();
        for (var row : rows) {
            var m = row.get("meeting");
            if (!hiddenKind(Views.string(m, "kind")) && shownIds.add(Views.string(m, "id"))) {
                shownRows.add(row);
                shownPeople.addAll(row.get("concerns").asList(Value::asString));
            }
        }
        var visibility = needToKnow.check("meetingsAbout", personId, shownPeople);
        var meetings = new ArrayList<MeetingHeld>();
        for (var row : shownRows) {
            var m = row.get("meeting");
            var kind = Views.string(m, "kind");
            var concerns = row.get("concerns").asList(Value::asString);
            var all = new ArrayList<PersonView>(
                    repository.people(concerns.stream().filter(visibility::sees).toList()));
            all.addAll(visibility.placeholders(
                    concerns.stream().filter(id -> !visibility.sees(id)).toList(),
                    new Relation("CONCERNED", null, null)));
            meetings.add(new MeetingHeld(
                    Views.string(m, "id"),
                    kind,
                    Views.date(m, "heldOn"),
                    Views.string(m, "decision"),
                    Views.date(m, "nextMeetingOn"),
                    row.get("snapshotTaken").asBoolean(),
                    all));
        }
        return meetings;
    }

    private boolean hiddenKind(String kind) {
        return !redaction.access().offenderDetail() && redaction.restrictedMeetingKind(kind);
    }

    private static PersonView person(String id, Frozen frozen, Visibility visibility, Relation relation) {
        var person = frozen.people().get(id);
        if (person != null && visibility.sees(id)) {
            return person;
        }
        return visibility.placeholder(id, relation);
    }

    /** An unknown meeting or snapshot: the refusal audited, the words those of any unknown id. */
    private NotFoundException unknown(String operation, String meetingId) {
        needToKnow.viewer();
        audit.record(needToKnow.actor(), operation, List.of(Subject.denied(null, "unknown meeting")));
        return NotFoundException.of(READ.equals(operation) ? "meeting snapshot" : "meeting", meetingId);
    }

    private static void requireId(String meetingId) {
        if (meetingId == null || meetingId.isBlank() || meetingId.length() > 200) {
            throw new BadRequestException("meetingId", "must be a non-blank id of at most 200 characters");
        }
    }

    private static FrozenMeeting meeting(Record row) {
        var m = row.get("meeting");
        var attendance = row.get("attendance")
                .asList(a -> new Attendance(
                        AgencyView.from(a.get("agency")),
                        a.get("invited").asBoolean(true),
                        a.get("attended").asBoolean(false)));
        var actions = row.get("actions")
                .asList(a -> new FrozenAction(
                        Views.string(a, "id"),
                        Views.string(a, "description"),
                        Views.date(a, "dueOn"),
                        Views.date(a, "completedOn"),
                        a.get("owner").isNull() ? null : AgencyView.from(a.get("owner")),
                        a.get("for").asList(Value::asString)));
        return new FrozenMeeting(
                Views.string(m, "id"),
                Views.string(m, "kind"),
                Views.date(m, "heldOn"),
                Views.string(m, "chair"),
                Views.string(m, "decision"),
                Views.string(m, "decisionReason"),
                Views.date(m, "nextMeetingOn"),
                Views.string(m, "source"),
                row.get("concerns").asList(Value::asString),
                attendance,
                actions);
    }
}
