package uk.safeguarding.explorer.risk;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import uk.safeguarding.explorer.audit.AuditLog;
import uk.safeguarding.explorer.audit.AuditLog.Subject;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.errors.RecordedDenialException;
import uk.safeguarding.explorer.graph.AsOf;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.importing.ImportService;
import uk.safeguarding.explorer.model.AgencyType;
import uk.safeguarding.explorer.model.AssessmentType;
import uk.safeguarding.explorer.model.MarkerType;
import uk.safeguarding.explorer.model.bundle.BundleValidator;
import uk.safeguarding.explorer.security.ExplorerPrincipal;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;
import uk.safeguarding.explorer.security.Role;
import uk.safeguarding.explorer.security.Visibility;

/**
 * Recording what happens (the risk issue's mutations): a referral, a strategy meeting with its
 * attendance and actions, an assessment, a marker on a person or an address, the completion of an
 * action and the end of a marker, and the undoing of those two (reopenAction, reinstateMarker: only
 * of a completion or end recorded through the explorer, never of an agency's own records; the end a
 * marker had before is given back). New records go through the import's validator and writer as a
 * one-record bundle from the user's agency, so the rules, messages (array, field, reason) and
 * all-or-nothing writing are the import's; each is audited before it is written.
 *
 * <p>Writes cannot open doors (DESIGN §7, "Writes"): every person and address a mutation names must
 * be one the user may see (need-to-know or a break-glass grant), else the answer is exactly that of
 * an unknown id (NOT_FOUND, same words); a practitioner records only in their own agency's name
 * ({@code from}, {@code by}, the {@code owner} of actions and the attendance they record: another
 * agency is refused with BAD_REQUEST naming the field, never silently changed); a meeting chair
 * records a meeting's attendance and actions for every agency; RSO and MAPPA markers are recorded
 * only by agencies that see offender detail. Records written here are marked
 * {@code recordedVia: 'API'} and never make a need-to-know relationship; they are always new
 * records, never changes to existing ones, with ids the explorer gives them ({@code
 * explorer-<kind>-<uuid>}, a form no import may use).
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
public class RecordingService {

    static final String RECORDED_VIA = "API";

    private final ImportService imports;
    private final RecordingRepository recordings;
    private final FollowUpRepository followUps;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;
    private final AuditLog audit;
    private final AsOf asOf;
    private final ApplicationEventPublisher events;

    RecordingService(
            ImportService imports,
            RecordingRepository recordings,
            FollowUpRepository followUps,
            NeedToKnow needToKnow,
            Redaction redaction,
            AuditLog audit,
            AsOf asOf,
            ApplicationEventPublisher events) {
        this.imports = imports;
        this.recordings = recordings;
        this.followUps = followUps;
        this.needToKnow = needToKnow;
        this.redaction = redaction;
        this.audit = audit;
        this.asOf = asOf;
        this.events = events;
    }

    /** A referral about a person the user may see, from their own agency. */
    public String recordReferral(Map<String, Object> input) {
        var user = needToKnow.viewer();
        var person = text(input, "about");
        requirePeople("recordReferral", List.of(person));
        ownAgency(user, "recordReferral", List.of(person), "referral.from", text(input, "from"));
        var record = withNewId(input, "referral", "referral.id");
        write("referral", "referrals", record, "recordReferral", List.of(person));
        return (String) record.get("id");
    }

    /**
     * A strategy meeting about people the user may see, with actions for people the user may see. A
     * practitioner records their own agency's attendance and actions only; a meeting chair any. The
     * chair's name, the decision with its reason and the next meeting's day are validated like an
     * import's. Once written, what the meeting saw is kept ({@link MeetingRecorded}: its snapshot).
     */
    public RecordedMeeting recordStrategyMeeting(Map<String, Object> input) {
        var user = needToKnow.viewer();
        var record = withNewId(input, "meeting", "meeting.id");
        record.put("kind", "STRATEGY");
        var people = new ArrayList<String>(strings(input.get("concerns")));
        var actions = list(input.get("actions"));
        actions.forEach(a -> people.addAll(strings(a.get("for"))));
        requirePeople("recordStrategyMeeting", people);
        if (user.role() == Role.PRACTITIONER) {
            var attendance = list(input.get("attendance"));
            for (int i = 0; i < attendance.size(); i++) {
                ownAgency(
                        user,
                        "recordStrategyMeeting",
                        people,
                        "meeting.attendance[" + i + "].agency",
                        text(attendance.get(i), "agency"));
            }
            for (int i = 0; i < actions.size(); i++) {
                ownAgency(
                        user,
                        "recordStrategyMeeting",
                        people,
                        "meeting.actions[" + i + "].owner",
                        text(actions.get(i), "owner"));
            }
        }
        // recorded once held (walk 69: a meeting dated 2026-12-31 was saved on 2026-12-06, and would read as
        // held in every chronology and Changes list), checked after the audited refusals of another
        // agency's name (review 87); a day that is no date is the validator's to name
        if (input.get("heldOn") instanceof LocalDate held && held.isAfter(asOf.today())) {
            throw new BadRequestException(
                    "meeting.heldOn", "is in the future (" + held + "): record a meeting once it has been held");
        }
        var recordedActions = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < actions.size(); i++) {
            recordedActions.add(withNewId(actions.get(i), "action", "meeting.actions[" + i + "].id"));
        }
        record.put("actions", recordedActions);
        var id = (String) record.get("id");
        write("meeting", "meetings", record, "recordStrategyMeeting", people);
        events.publishEvent(new MeetingRecorded(id));
        return new RecordedMeeting(
                id, recordedActions.stream().map(a -> (String) a.get("id")).toList());
    }

    /** The ids the explorer gave a meeting it recorded and its actions (in the order given). */
    public record RecordedMeeting(String id, List<String> actionIds) {}

    /**
     * An assessment of a person the user may see, by their own agency, of a kind that agency carries
     * out ({@link AssessmentType#doneBy}): an AIM3 ends risk flag 5, so a school recording one would
     * end a flag that asks for it (hostile review 61); flag 4 counts an assessment of any kind (DESIGN
     * §6), and any agency records its own of kind OTHER. Refused otherwise (BAD_REQUEST naming
     * {@code assessment.type}, or {@code assessment.by} for an agency the partnership does not have)
     * and audited.
     */
    public String recordAssessment(Map<String, Object> input) {
        var user = needToKnow.viewer();
        var person = text(input, "of");
        requirePeople("recordAssessment", List.of(person));
        var byId = text(input, "by");
        ownAgency(user, "recordAssessment", List.of(person), "assessment.by", byId);
        var type = enumValue(AssessmentType.class, text(input, "type"));
        var by = redaction.agency(byId);
        if (byId != null && by == null) {
            throw refusedRequest(
                    "recordAssessment",
                    List.of(person),
                    "assessment.by",
                    "names no agency of the partnership: '" + byId + "'");
        }
        if (type != null && by != null && !type.doneBy(enumValue(AgencyType.class, by.type()))) {
            throw refusedRequest(
                    "recordAssessment",
                    List.of(person),
                    "assessment.type",
                    "'" + type + "' assessments are carried out and recorded by "
                            + type.doneBy().stream().map(AgencyType::inWords).collect(Collectors.joining(", "))
                            + ", not by " + by.name() + "; record your agency's own as OTHER");
        }
        var record = withNewId(input, "assessment", "assessment.id");
        write("assessment", "assessments", record, "recordAssessment", List.of(person));
        return (String) record.get("id");
    }

    /**
     * A marker on a person the user may see or on an address where someone they may see lives or
     * lived; RSO and MAPPA markers, and any marker on an address, only by those who see offender
     * detail: an address marker ends risk flag 2, which rests on a registered sex offender or a
     * sexual-abuse referral at the address, so another agency could end it, and learn from it ending
     * what it rests on (hostile review 61); other agencies' address markers come from their own
     * systems. Refused otherwise (BAD_REQUEST naming {@code marker.on} or {@code marker.type}) and
     * audited. A marker on an address is audited for the residents the user may see.
     */
    public String recordMarker(Map<String, Object> input) {
        var user = needToKnow.viewer();
        var on = text(input, "on");
        if (on == null || on.isEmpty() || on.length() > 200) {
            throw new BadRequestException("marker.on", "must be a non-blank id of at most 200 characters");
        }
        var target = recordings.recordTarget(on);
        var access = redaction.access();
        List<String> people;
        if (target.get("person").asBoolean()) {
            try {
                requirePeople("recordMarker", List.of(on));
            } catch (NotFoundException hidden) {
                // the same sentence as for an unknown id, or the answer tells a hidden person apart (the
                // refusal is recorded by the need-to-know check)
                throw NotFoundException.of("person or address", on);
            }
            people = List.of(on);
        } else if (target.get("address").asBoolean()) {
            var address = address("recordMarker", target, access);
            if (!address.known()) {
                // an address the user may not know of answers as an unknown id, refused once in the log
                throw address.recorded() ? NotFoundException.of("person or address", on) : unknownTarget(on);
            }
            people = address.residents();
            if (!access.offenderDetail()) {
                throw refusedRequest(
                        "recordMarker",
                        people,
                        "marker.on",
                        "is an address: markers on an address are recorded only by " + offenderDetailSeers()
                                + " (an address marker ends a flag that can rest on offender detail); ask one of them");
            }
        } else {
            // an unknown id: the same answer as a hidden person, refused once in the log as one is
            throw unknownTarget(on);
        }
        if (!access.offenderDetail() && redaction.restrictedMarkerType(text(input, "type"))) {
            throw refusedRequest(
                    "recordMarker",
                    people,
                    "marker.type",
                    "'" + text(input, "type") + "' markers are recorded only by " + offenderDetailSeers());
        }
        var type = enumValue(MarkerType.class, text(input, "type"));
        var agency = user.agency() == null ? null : redaction.agency(user.agency());
        if (type != null
                && user.role() != Role.ADMIN
                && !type.recordedBy(agency == null ? null : enumValue(AgencyType.class, agency.type()))) {
            throw refusedRequest(
                    "recordMarker",
                    people,
                    "marker.type",
                    "'" + type + "' markers are the local authority's decisions, recorded only by "
                            + type.recordedOnlyBy().stream()
                                    .map(AgencyType::inWords)
                                    .sorted()
                                    .collect(Collectors.joining(", ")));
        }
        var record = withNewId(input, "marker", "marker.id");
        record.remove("from");
        record.remove("to");
        record.put("start", input.get("from"));
        record.put("end", input.get("to"));
        write("marker", "markers", record, "recordMarker", people);
        return (String) record.get("id");
    }

    /**
     * Completes an action the user may know of (an unknown action otherwise): by its owner agency, a
     * meeting chair or (local) the administrator.
     */
    public String completeAction(String actionId, LocalDate completedOn) {
        var row = knownAction("completeAction", actionId);
        requireActionOwner("completeAction", row, "completes");
        var already = Views.date(row.get("ac"), "completedOn");
        if (already != null) {
            // completing it again would overwrite the day, and its Undo would lose the completion
            throw new BadRequestException("actionId", "is an action completed already, on " + already);
        }
        var heldOn = Views.date(row.get("m"), "heldOn");
        if (heldOn != null && completedOn.isBefore(heldOn)) {
            throw new BadRequestException("completedOn", "must not be before the meeting on " + heldOn);
        }
        if (completedOn.isAfter(asOf.today())) {
            throw new BadRequestException("completedOn", "must not be in the future");
        }
        var people = FollowUpService.shownPeople(row);
        auditedWrite(
                "completeAction",
                people,
                "completed " + actionId + " on " + completedOn,
                "risk/complete-action",
                Map.of("id", actionId, "completedOn", completedOn),
                "actionId",
                "is an action completed already, a moment ago, by someone else");
        return actionId;
    }

    /**
     * Undoes {@link #completeAction}: the action is open again. Allowed to exactly whoever may
     * complete it, with the same answers for an action the user may not know of (NOT_FOUND, as an
     * unknown id); an action that is not completed is refused (BAD_REQUEST naming actionId), and so is
     * one completed on another day than {@code completedOn}, when given (BAD_REQUEST naming it: recorded
     * again since the reader saw it, review 87).
     */
    public String reopenAction(String actionId, LocalDate expected) {
        var row = knownAction("reopenAction", actionId);
        requireActionOwner("reopenAction", row, "reopens");
        var completedOn = Views.date(row.get("ac"), "completedOn");
        if (completedOn == null) {
            throw new BadRequestException("actionId", "is an action that is not completed: there is nothing to reopen");
        }
        if (expected != null && !expected.equals(completedOn)) {
            throw new BadRequestException(
                    "completedOn",
                    "is not the day the action is completed on now (" + completedOn
                            + "): its completion was recorded again since; look at it again before reopening it");
        }
        if (!RECORDED_VIA.equals(Views.string(row.get("ac"), "completedVia"))) {
            // an agency's own records completed it: the explorer undoes only what was done in it
            throw new BadRequestException(
                    "actionId",
                    "is an action whose completion comes from its agency's own records, not from the explorer: "
                            + "it can be reopened only there");
        }
        var people = FollowUpService.shownPeople(row);
        auditedWrite(
                "reopenAction",
                people,
                "reopened " + actionId + " (it was completed on " + completedOn + ")",
                "risk/reopen-action",
                Map.of("id", actionId, "completedOn", completedOn),
                "actionId",
                "is an action whose completion has just changed (recorded again, or now its agency's own): "
                        + "look at it again before reopening it");
        return actionId;
    }

    /**
     * A practitioner acts on an action only for its owner agency; a meeting chair or (local) admin on any.
     * Acts on an action are audited for the people it is for or, for nobody, those its meeting concerned
     * ({@link FollowUpService#shownPeople}), as its lists are.
     */
    private void requireActionOwner(String operation, Record row, String verb) {
        var owner = row.get("owner").isNull() ? null : Views.string(row.get("owner"), "id");
        var user = needToKnow.viewer();
        if (user.role() == Role.PRACTITIONER && (owner == null || !owner.equals(user.agency()))) {
            refuse(
                    operation,
                    FollowUpService.shownPeople(row),
                    "only the owner agency or a meeting chair " + verb + " an action");
        }
    }

    /**
     * Refuses (FORBIDDEN) an act on another agency's record about people the user may see, and
     * records the attempt in the audit log first, as DENIED for each of them.
     */
    private void refuse(String operation, List<String> people, String reason) {
        throw refused(operation, people, reason, new RecordedDenialException(reason));
    }

    /**
     * The action as the user may know of it, checked once for need-to-know: an action for people the
     * user may not see (or agreed at a meeting whose kind is offender detail to them) is unknown.
     */
    Record knownAction(String operation, String actionId) {
        if (actionId == null || actionId.isBlank() || actionId.length() > 200) {
            throw new BadRequestException("actionId", "must be a non-blank id of at most 200 characters");
        }
        var row = followUps.action(actionId).orElseThrow(() -> unknown(operation, "action", actionId));
        var touched = FollowUpService.touched(row);
        var visibility = needToKnow.checkWrite(operation, touched);
        if (!FollowUpService.known(row, visibility, redaction.access(), redaction)) {
            // refused once in the log: by the need-to-know check for the hidden people, else here
            throw touched.stream().anyMatch(id -> !visibility.sees(id))
                    ? NotFoundException.of("action", actionId)
                    : unknown(operation, "action", actionId);
        }
        return row;
    }

    /**
     * Ends a marker the user may know of (an unknown marker otherwise: one on a person they may not
     * see, offender detail they may not see, or on an address where nobody they may see lived): its
     * source agency, a meeting chair or (local) the administrator.
     */
    public String endMarker(String markerId, LocalDate on) {
        var known = knownMarker("endMarker", markerId);
        var row = known.row();
        requireMarkerSource("endMarker", known, "ends");
        var from = Views.date(row.get("m"), "from");
        if (from != null && on.isBefore(from)) {
            throw new BadRequestException("on", "must not be before the marker began on " + from);
        }
        auditedWrite(
                "endMarker",
                known.people(),
                "ended " + markerId + " on " + on,
                "risk/end-marker",
                Map.of("id", markerId, "to", on));
        return markerId;
    }

    /**
     * Undoes {@link #endMarker}: the marker goes on again. Allowed to exactly whoever may end it, with
     * the same answers for a marker the user may not know of (NOT_FOUND, as an unknown id); a marker
     * that has no end day is refused (BAD_REQUEST naming markerId).
     */
    public String reinstateMarker(String markerId) {
        var known = knownMarker("reinstateMarker", markerId);
        var row = known.row();
        requireMarkerSource("reinstateMarker", known, "reinstates");
        var to = Views.date(row.get("m"), "to");
        if (to == null) {
            throw new BadRequestException("markerId", "is a marker that has not ended: there is nothing to reinstate");
        }
        if (!RECORDED_VIA.equals(Views.string(row.get("m"), "endedVia"))) {
            // its agency's own records ended it: the explorer undoes only what was done in it
            throw new BadRequestException(
                    "markerId",
                    "is a marker whose end comes from its agency's own records, not from the explorer: "
                            + "it can be reinstated only there");
        }
        auditedWrite(
                "reinstateMarker",
                known.people(),
                "reinstated " + markerId + " (it ended on " + to + ")",
                "risk/reinstate-marker",
                Map.of("id", markerId),
                "markerId",
                "is a marker whose end has just come from its agency's own records: it can be reinstated only there");
        return markerId;
    }

    /** Audits an operation on the people it touches, then runs its statement in one write transaction. */
    private void auditedWrite(
            String operation, List<String> people, String reason, String statement, Map<String, Object> parameters) {
        audit.record(needToKnow.actor(), operation, needToKnow.writeSubjects(people, reason));
        recordings.change(statement, parameters);
    }

    /**
     * The same for a change whose statement acts only on a record still in the state checked before
     * it (two people pressing at once, a re-import between the check and the write): when it changed
     * nothing, the attempt is recorded as DENIED too and refused (BAD_REQUEST naming the argument).
     */
    private void auditedWrite(
            String operation,
            List<String> people,
            String reason,
            String statement,
            Map<String, Object> parameters,
            String argument,
            String refusal) {
        audit.record(needToKnow.actor(), operation, needToKnow.writeSubjects(people, reason));
        if (!recordings.change(statement, parameters)) {
            audit.record(needToKnow.actor(), operation, Subject.each(people, AuditLog.DENIED, "not done: " + refusal));
            throw new BadRequestException(argument, refusal);
        }
    }

    /**
     * A practitioner acts on a marker only for the agency that recorded it; a meeting chair or (local)
     * admin on any. A marker on an address is ended or reinstated only by those who see offender detail,
     * as it is recorded (review 63: its end turns flag 2 on and off as its recording did); an agency's
     * own systems end theirs through an import.
     */
    private void requireMarkerSource(String operation, KnownMarker known, String verb) {
        var user = needToKnow.viewer();
        var source = Views.string(known.row().get("m"), "source");
        if (user.role() == Role.PRACTITIONER && (source == null || !source.equals(user.agency()))) {
            refuse(
                    operation,
                    known.people(),
                    "only the agency that recorded a marker, or a meeting chair, " + verb + " it");
        }
        if (known.onAddress() && !redaction.access().offenderDetail()) {
            throw refusedRequest(
                    operation,
                    known.people(),
                    "markerId",
                    "is a marker on an address: it is ended and reinstated here only by " + offenderDetailSeers()
                            + " (its end turns on a flag that can rest on offender detail); your agency's own "
                            + "system ends it through an import");
        }
    }

    /**
     * A marker the user may know of (its risk/marker row), the people to audit an act on it for (those
     * it is on, or the residents the user may see of the address it is on) and whether it is on an
     * address.
     */
    record KnownMarker(Record row, List<String> people, boolean onAddress) {}

    /** The marker (risk/marker row) as the user may know of it, or NOT_FOUND exactly as for an unknown id. */
    KnownMarker knownMarker(String operation, String markerId) {
        if (markerId == null || markerId.isBlank() || markerId.length() > 200) {
            throw new BadRequestException("markerId", "must be a non-blank id of at most 200 characters");
        }
        var row = followUps.marker(markerId).orElseThrow(() -> unknown(operation, "marker", markerId));
        var access = redaction.access();
        var people = row.get("people").asList(Value::asString);
        boolean known;
        boolean recorded;
        var audited = people;
        if (!people.isEmpty()) {
            var visibility = needToKnow.checkWrite(operation, people);
            var offender = row.get("everCarried").asList(Value::asString).stream()
                    .anyMatch(redaction.offenderMarkerTypes()::contains);
            known = visibility.sees(people.get(0))
                    && (access.offenderDetail()
                            || (!redaction.restrictedMarkerType(Views.string(row.get("m"), "type"))
                                    && !redaction.offenderManagementRecord(
                                            offender, Views.string(row.get("m"), "source"))));
            recorded = people.stream().anyMatch(id -> !visibility.sees(id));
        } else {
            // an RSO or MAPPA marker on an ordinary home is offender detail too: unknown, not FORBIDDEN
            var address = address(operation, row, access);
            known = address.known()
                    && (access.offenderDetail() || !redaction.restrictedMarkerType(Views.string(row.get("m"), "type")));
            recorded = address.recorded();
            audited = address.residents();
        }
        if (!known) {
            // refused once in the log: by the need-to-know check for the hidden people, else here
            throw recorded ? NotFoundException.of("marker", markerId) : unknown(operation, "marker", markerId);
        }
        return new KnownMarker(row, audited, people.isEmpty());
    }

    /**
     * What the user may know of an address (a row with {@code residents} and {@code addressKind}):
     * whether they may know of it (someone who lives or lived there is a person they may see, and it is
     * no approved premises hidden from them by the redaction policy), the residents they may see, and
     * whether the need-to-know check recorded a refusal (of a hidden resident) deciding it.
     */
    private record AddressKnown(boolean known, List<String> residents, boolean recorded) {}

    private AddressKnown address(String operation, Record row, Redaction.Access access) {
        if (needToKnow.viewer().role() == Role.ADMIN) {
            // the local administrator (demo data only) knows every address
            return new AddressKnown(true, List.of(), false);
        }
        var residents = row.get("residents").asList(Value::asString);
        if (residents.isEmpty()) {
            return new AddressKnown(false, List.of(), false);
        }
        var visibility = needToKnow.checkWrite(operation, residents);
        var seen = residents.stream().filter(visibility::sees).toList();
        var known = !seen.isEmpty()
                && (access.offenderDetail() || !redaction.offenderAddress(Views.string(row, "addressKind")));
        return new AddressKnown(known, seen, seen.size() < residents.size());
    }

    /** Who sees offender detail by the redaction policy, in words ("police, probation, … and meeting chairs"). */
    private String offenderDetailSeers() {
        var offender = redaction.policy().offender();
        var who = new ArrayList<String>();
        offender.seenByAgencyTypes().stream()
                .map(type -> enumValue(AgencyType.class, type))
                .filter(Objects::nonNull)
                .sorted()
                .forEach(type -> who.add(type.inWords()));
        offender.seenByRoles().stream()
                .sorted()
                .forEach(role -> who.add(role.toLowerCase(Locale.ROOT).replace('_', ' ') + "s"));
        return who.isEmpty() ? "nobody in this partnership" : String.join(", ", who);
    }

    /** Refuses, exactly as an unknown id, anyone the user may not see: one need-to-know call for all. */
    private Visibility requirePeople(String operation, Collection<String> people) {
        var ids = new LinkedHashSet<String>();
        people.stream().filter(Objects::nonNull).forEach(ids::add);
        var visibility = needToKnow.checkWrite(operation, ids);
        for (var id : ids) {
            if (!visibility.sees(id)) {
                throw NotFoundException.person(id);
            }
        }
        return visibility;
    }

    /**
     * A practitioner or meeting chair acts in their own agency's name; the local administrator in any.
     * A write in another agency's name is refused (BAD_REQUEST naming the field) and recorded as
     * DENIED for the people it named (hostile review 61: it left no trace).
     */
    private void ownAgency(
            ExplorerPrincipal user, String operation, Collection<String> people, String field, String agency) {
        if (user.role() == Role.ADMIN || agency == null) {
            return;
        }
        if (!agency.equals(user.agency())) {
            throw refusedRequest(operation, people, field, "must be your own agency '" + user.agency() + "'");
        }
    }

    /** The same for a refusal that names the field and why (BAD_REQUEST), recorded with its sentence. */
    private BadRequestException refusedRequest(
            String operation, Collection<String> people, String field, String reason) {
        var error = new BadRequestException(field, reason);
        refused(operation, people, "refused: " + error.getMessage(), error);
        return error;
    }

    /** Records a refused write as DENIED, for the people it named (or none), and answers the refusal to throw. */
    private RuntimeException refused(
            String operation, Collection<String> people, String reason, RuntimeException error) {
        audit.record(needToKnow.actor(), operation, Subject.each(people, AuditLog.DENIED, reason));
        return error;
    }

    /**
     * The record with the id the explorer gives it: {@code explorer-<kind>-<random UUID>}, a form no
     * import may use ({@link BundleValidator#EXPLORER_SOURCE_PREFIX}), so that what users record and
     * what agencies send never take each other's ids, and a recording tells nobody which ids exist
     * (reviews 48 and 49: a recording could take an id a partnership bundle brought later, and its
     * "id in use" refusal told a practitioner which record ids existed). An id given in the input
     * (deprecated) is refused, naming the field, whatever it is.
     */
    private static LinkedHashMap<String, Object> withNewId(Map<?, ?> input, String kind, String field) {
        if (input.get("id") != null) {
            throw new BadRequestException(
                    field, "is given by the explorer: leave it out (the answer carries the id the record gets)");
        }
        var record = new LinkedHashMap<String, Object>();
        record.put("id", BundleValidator.EXPLORER_SOURCE_PREFIX + kind + "-" + UUID.randomUUID());
        input.forEach((k, v) -> {
            if (!"id".equals(k)) {
                record.put(String.valueOf(k), v);
            }
        });
        return record;
    }

    private void write(
            String argument, String array, Map<String, Object> input, String operation, List<String> people) {
        var user = needToKnow.viewer();
        var source = user.agency() != null
                ? user.agency()
                : BundleValidator.EXPLORER_SOURCE_PREFIX + user.role().name().toLowerCase(Locale.ROOT);
        var record = new LinkedHashMap<String, Object>();
        input.forEach((k, v) -> record.put(k, json(v)));
        var bundle = new LinkedHashMap<String, Object>();
        bundle.put("source", source);
        bundle.put(array, List.of(record));
        // validated first, so nothing is audited or written for a record the import would refuse
        var validated = imports.validateRecorded(JsonMapper.shared().valueToTree(bundle));
        if (!validated.rejected().isEmpty()) {
            var first = validated.rejected().get(0);
            throw new BadRequestException(
                    argument + (first.field() == null ? "" : "." + first.field()),
                    // the record is the one being recorded: its id, which the explorer gave it, says nothing
                    first.reason());
        }
        // recorded through the API: never a need-to-know relationship
        validated.rows().values().forEach(rows -> rows.forEach(row -> row.put("recordedVia", RECORDED_VIA)));
        audit.record(
                needToKnow.actor(),
                operation,
                needToKnow.writeSubjects(people, "recorded " + array + " " + record.get("id")));
        imports.write(validated);
    }

    private static Object json(Object value) {
        if (value instanceof ZonedDateTime z) {
            return DateTimeFormatter.ISO_INSTANT.format(z);
        }
        if (value instanceof OffsetDateTime o) {
            return DateTimeFormatter.ISO_INSTANT.format(o);
        }
        if (value instanceof TemporalAccessor t) {
            return t.toString();
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), json(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RecordingService::json).toList();
        }
        return value;
    }

    /** The constant of an enum a text names, or null (the validator refuses an unknown one, naming the field). */
    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        for (var constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }

    /**
     * The answer to an action or marker the user may not know of, the same whether it is unknown or
     * hidden, recorded as DENIED (no person named) either way (hostile review 61: an unknown one left
     * no trace and answered sooner than a hidden one, whose people's refusals were recorded).
     */
    private RuntimeException unknown(String operation, String kind, String id) {
        return refused(
                operation,
                List.of(),
                "refused: " + kind + " " + id + " is not one the user may know of",
                NotFoundException.of(kind, id));
    }

    /**
     * The answer to a marker's target that is no person and no address someone lived at, recorded as
     * DENIED as the need-to-know check records a hidden person or the residents of a hidden address, so
     * that neither the audit log nor the time the answer takes tells them apart (hostile review 61).
     */
    private RuntimeException unknownTarget(String on) {
        return refused(
                "recordMarker",
                List.of(on),
                "refused: not a person or address the user may know of",
                NotFoundException.of("person or address", on));
    }

    /** A text argument as the validator reads it, without surrounding white space. */
    private static String text(Map<?, ?> input, String key) {
        var value = input.get(key);
        return value == null ? null : value.toString().strip();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static List<Map<?, ?>> list(Object value) {
        var maps = new ArrayList<Map<?, ?>>();
        if (value instanceof List<?> list) {
            list.forEach(v -> {
                if (v instanceof Map<?, ?> map) {
                    maps.add(map);
                }
            });
        }
        return maps;
    }
}
