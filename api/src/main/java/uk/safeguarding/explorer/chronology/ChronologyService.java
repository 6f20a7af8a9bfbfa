package uk.safeguarding.explorer.chronology;

import static uk.safeguarding.explorer.model.Wording.capital;
import static uk.safeguarding.explorer.model.Wording.meeting;
import static uk.safeguarding.explorer.model.Wording.words;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.neo4j.driver.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.graph.Views.PersonView.Relation;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;

/**
 * chronology (DESIGN §5): one time-ordered list across agencies of referrals, meetings,
 * assessments, markers, moves, partnerships, events and agreed actions, each in one sentence.
 * Starts and ends of periods (a move out, a marker ended, a partnership ended) are entries too.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
public class ChronologyService {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Within one day and without a time: the order entries read best in. */
    private static final List<String> ORDER =
            List.of("REFERRAL", "EVENT", "MEETING", "ACTION", "ASSESSMENT", "MARKER", "MOVE", "PARTNERSHIP");

    private static final String OPERATION = "chronology";

    private final ChronologyRepository repository;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;

    ChronologyService(ChronologyRepository repository, NeedToKnow needToKnow, Redaction redaction) {
        this.repository = repository;
        this.needToKnow = needToKnow;
        this.redaction = redaction;
    }

    /**
     * The person's chronology as the user may see it: the rows are read first, then the subject and
     * every partner the entries name are checked once; a partner the user may not see is "someone
     * your agency cannot see" (with their placeholder on the entry), offender detail and health
     * detail are restricted entries for agencies that may not see them.
     */
    public List<ChronologyEntry> chronology(String personId, LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadRequestException("to", "must not be before 'from'");
        }
        var found = repository.chronology(personId);
        if (found.isEmpty()) {
            // audited and answered exactly as a hidden person is
            needToKnow.require(OPERATION, personId);
            throw NotFoundException.person(personId);
        }
        var rows = found.get();
        var partners = rows.stream()
                .filter(r -> "PARTNERSHIP".equals(r.get("kind").asString()))
                .map(r -> r.get("related").get(0).asString())
                .toList();
        var visibility = needToKnow.check(OPERATION, personId, partners);
        var access = redaction.access();
        var offenderTypes = redaction.offenderMarkerTypes();
        var entries = new ArrayList<ChronologyEntry>();
        for (var row : rows) {
            var kind = row.get("kind").asString();
            var day = Views.date(row, "day");
            var at = row.get("at").isNull() ? null : row.get("at").asZonedDateTime();
            var source = Views.string(row, "source");
            // an agency managing offenders (probation) is named only to readers with offender detail, in
            // every entry: "Referral from Probation service" told a health visitor that probation manages
            // someone of the child's household (review 92)
            var agency =
                    redaction.named(row.get("agency").isNull() ? null : AgencyView.from(row.get("agency")), access);
            var data = row.get("data");
            var related = row.get("related").asList(Value::asString);
            var subjectOffender =
                    row.get("everCarried").asList(Value::asString).stream().anyMatch(offenderTypes::contains);
            switch (kind) {
                case "REFERRAL" ->
                    entries.add(new ChronologyEntry(
                            day,
                            at,
                            kind,
                            "Referral"
                                    + (agency == null ? "" : " from " + agency.name()) + ": "
                                    + words(Views.string(data, "concern"))
                                    + urgency(Views.string(data, "urgency")) + incident(data, at) + decided(data, to),
                            source,
                            agency,
                            related,
                            null));
                case "MEETING" -> {
                    if (!access.offenderDetail()
                            && redaction.restrictedMeetingKind(Views.string(data, "meetingKind"))) {
                        entries.add(ChronologyEntry.restricted(
                                day, at, kind, "Restricted meeting. " + redaction.restrictedDetailFrom(source)));
                        continue;
                    }
                    entries.add(new ChronologyEntry(
                            day,
                            at,
                            kind,
                            capital(meeting(Views.string(data, "meetingKind")))
                                    + listed(" attended by ", data.get("attended"), access)
                                    + listed("; invited but absent: ", data.get("absent"), access),
                            source,
                            agency,
                            related,
                            null));
                }
                case "ASSESSMENT" -> {
                    if (!access.healthDetail()
                            && redaction.healthAssessmentType(Views.string(data, "assessmentType"))) {
                        entries.add(new ChronologyEntry(
                                day, at, kind, redaction.healthDetail(), null, null, List.of(), null));
                        continue;
                    }
                    var type = words(Views.string(data, "assessmentType"));
                    entries.add(new ChronologyEntry(
                            day,
                            at,
                            kind,
                            capital(type) + " assessment started" + (agency == null ? "" : " by " + agency.name()),
                            source,
                            agency,
                            related,
                            null));
                    var completed = Views.date(data, "completedOn");
                    if (completed != null) {
                        entries.add(new ChronologyEntry(
                                completed,
                                null,
                                kind,
                                capital(type) + " assessment completed",
                                source,
                                agency,
                                related,
                                null));
                    }
                }
                case "MARKER" -> {
                    if (!access.offenderDetail()
                            && (redaction.restrictedMarkerType(Views.string(data, "markerType"))
                                    || redaction.offenderManagementRecord(subjectOffender, source))) {
                        entries.add(ChronologyEntry.restricted(
                                day, at, kind, "Restricted information. " + redaction.restrictedDetailFrom(source)));
                        continue;
                    }
                    var type = words(Views.string(data, "markerType"));
                    var detail = Views.string(data, "detail");
                    entries.add(new ChronologyEntry(
                            day,
                            at,
                            kind,
                            "Marker added: " + type + (detail == null ? "" : " (" + detail + ")"),
                            source,
                            agency,
                            related,
                            null));
                    var ended = Views.date(data, "to");
                    if (ended != null) {
                        entries.add(new ChronologyEntry(
                                ended, null, kind, "Marker ended: " + type, source, agency, related, null));
                    }
                }
                case "MOVE" -> {
                    // the agencies that gave the move, in order of id, whatever order the records came in
                    var sources = data.get("sources").asList(Value::asString).stream()
                            .sorted()
                            .toList();
                    if (!access.offenderDetail() && redaction.offenderAddress(Views.string(data, "addressKind"))) {
                        var holder = sources.isEmpty() ? null : sources.get(0);
                        entries.add(ChronologyEntry.restricted(
                                day,
                                at,
                                kind,
                                "Moved to a restricted address. " + redaction.restrictedDetailFrom(holder)));
                        continue;
                    }
                    var address = Views.string(data, "address");
                    source = moveSource(sources, access);
                    entries.add(new ChronologyEntry(
                            day,
                            at,
                            kind,
                            "Moved to " + address + kindOf(Views.string(data, "addressKind")),
                            source,
                            agency,
                            related,
                            null));
                    var left = Views.date(data, "to");
                    if (left != null) {
                        entries.add(new ChronologyEntry(
                                left, null, kind, "Left " + address, source, agency, related, null));
                    }
                }
                case "PARTNERSHIP" -> {
                    var partnerId = related.get(0);
                    var shown = visibility.sees(partnerId);
                    var partner = shown ? Views.string(data, "partner") : PersonView.HIDDEN;
                    var ended = Views.date(data, "to");
                    var placeholder =
                            shown ? null : visibility.placeholder(partnerId, new Relation("PARTNER", day, ended));
                    related = shown ? related : List.of();
                    var status = Views.string(data, "status");
                    entries.add(new ChronologyEntry(
                            day,
                            at,
                            kind,
                            "Partnership with " + partner + " began"
                                    + (shown && status != null ? " (" + words(status) + ")" : ""),
                            source,
                            agency,
                            related,
                            placeholder));
                    if (ended != null) {
                        entries.add(new ChronologyEntry(
                                ended,
                                null,
                                kind,
                                "Partnership with " + partner + " ended",
                                source,
                                agency,
                                related,
                                placeholder));
                    }
                }
                case "EVENT" -> {
                    var involvesOffender = data.get("involvedCarried").asList(Value::asString).stream()
                            .anyMatch(offenderTypes::contains);
                    if (!access.offenderDetail() && redaction.offenderManagementRecord(involvesOffender, source)) {
                        entries.add(ChronologyEntry.restricted(
                                day, at, kind, "Restricted information. " + redaction.restrictedDetailFrom(source)));
                        continue;
                    }
                    entries.add(new ChronologyEntry(
                            day,
                            at,
                            kind,
                            capital(words(Views.string(data, "eventKind"))) + ": " + Views.string(data, "summary")
                                    + (data.get("independent").isNull()
                                            ? ""
                                            : data.get("independent").asBoolean()
                                                    ? " (held by someone independent)"
                                                    : " (not independent)"),
                            source,
                            agency,
                            related,
                            null));
                }
                case "ACTION" -> {
                    var due = Views.date(data, "dueOn");
                    var done = Views.date(data, "completedOn");
                    entries.add(new ChronologyEntry(
                            day,
                            at,
                            kind,
                            "Action agreed: " + Views.string(data, "description")
                                    + (agency == null ? "" : " (owner: " + agency.name() + ")")
                                    + (due == null ? "" : ", due " + due)
                                    + (done == null
                                            ? ", not completed"
                                            : to != null && done.isAfter(to)
                                                    ? ", not completed by " + to
                                                    : ", completed " + done),
                            source,
                            agency,
                            related,
                            null));
                }
                default -> throw new IllegalStateException("unknown chronology kind " + kind);
            }
        }
        return entries.stream()
                .map(e -> untold(e, access))
                .filter(e -> e.date() == null
                        || ((from == null || !e.date().isBefore(from))
                                && (to == null || !e.date().isAfter(to))))
                .sorted(Comparator.comparing(ChronologyEntry::date, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(ChronologyEntry::at, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(e -> ORDER.indexOf(e.kind()))
                        // a total order: the answer must not depend on the order the store holds records in
                        .thenComparing(ChronologyEntry::summary))
                .toList();
    }

    /**
     * The source to show for a move that several agencies' records give (in order of id): the first
     * the reader may be told of ({@link Redaction#sourceNamed}: walk 71, a health visitor read that
     * probation gave a man's address, and so that probation manages him); null when there is none.
     */
    private String moveSource(List<String> sources, Redaction.Access access) {
        return sources.stream()
                .filter(s -> redaction.sourceNamed(s, access))
                .findFirst()
                .orElse(null);
    }

    /**
     * An entry without its source where the reader may not be told of it ({@link
     * Redaction#sourceNamed}): that an offender-management agency recorded something of the person
     * tells that it manages them (or someone in their household).
     */
    private ChronologyEntry untold(ChronologyEntry entry, Redaction.Access access) {
        // the ids of a probation extract's records ("probation:R1") tell it too (review 93)
        var related = entry.relatedIds().stream()
                .map(id -> redaction.recordId(id, access))
                .toList();
        var named = redaction.sourceNamed(entry.source(), access);
        if (named && related.equals(entry.relatedIds())) {
            return entry;
        }
        return new ChronologyEntry(
                entry.date(),
                entry.at(),
                entry.kind(),
                entry.summary(),
                named ? entry.source() : null,
                entry.agency(),
                related,
                entry.restrictedPerson());
    }

    private static String incident(Value data, ZonedDateTime received) {
        var incident = data.get("incidentAt");
        if (incident.isNull() || received == null) {
            return "";
        }
        return "; incident on " + incident.asZonedDateTime().toLocalDate();
    }

    /** The decision as known by the day the list ends ({@code to}, never after the as-of day). */
    private static String decided(Value data, LocalDate to) {
        var decided = data.get("decidedAt");
        if (decided.isNull()) {
            return "; no decision recorded";
        }
        var day = decided.asZonedDateTime().withZoneSameInstant(LONDON).toLocalDate();
        return to != null && day.isAfter(to) ? "; not decided by " + to : "; decided on " + day;
    }

    private static String urgency(String urgency) {
        return urgency == null ? "" : " (" + words(urgency) + ")";
    }

    /**
     * A meeting's agencies ({name, type}) by name; an offender-management agency (probation) only to a
     * reader with offender detail: at a child's meeting it says that someone in the family is managed as
     * an offender, which the matrix hides from the others (review 85).
     */
    private String listed(String prefix, Value agencies, Redaction.Access access) {
        var list = agencies.asList(a -> a).stream()
                .filter(a -> access.offenderDetail() || !redaction.offenderManagement(Views.string(a, "type"), null))
                .map(a -> Views.string(a, "name"))
                .toList();
        return list.isEmpty() ? "" : prefix + String.join(", ", list);
    }

    private static String kindOf(String kind) {
        return kind == null || "HOME".equals(kind) ? "" : " (" + words(kind) + ")";
    }
}
