package uk.safeguarding.explorer.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.safeguarding.explorer.audit.AuditLog;
import uk.safeguarding.explorer.config.ExplorerModeEnvironmentPostProcessor;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.identity.IdentityViews.AddressRecordView;
import uk.safeguarding.explorer.identity.IdentityViews.MatchCandidateView;
import uk.safeguarding.explorer.identity.IdentityViews.SourceRecordView;
import uk.safeguarding.explorer.model.matching.MatchRecord;
import uk.safeguarding.explorer.paging.Connection;
import uk.safeguarding.explorer.paging.Cursors;
import uk.safeguarding.explorer.security.ExplorerPrincipal;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;
import uk.safeguarding.explorer.security.Role;

/**
 * A data steward's work on identity resolution (DESIGN §9): the review queue, one record, and the
 * decisions (SAME, DIFFERENT, split, link). Stewards, and the administrator in local mode, see matching
 * fields only; every read is audited for the people it shows before it is answered, every
 * decision and split before it is made. A decision takes effect at once: relationships follow
 * their records in the same transaction.
 */
@Service
@PreAuthorize("hasAnyRole('DATA_STEWARD', 'ADMIN')")
public class StewardService {

    public static final int MAX_FIRST = 100;
    public static final int MAX_NOTE = 2_000;

    private final StewardRepository repository;
    private final AuditLog audit;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;
    private final Clock clock;
    private final boolean local;

    StewardService(
            StewardRepository repository,
            AuditLog audit,
            NeedToKnow needToKnow,
            Redaction redaction,
            Clock clock,
            @Value("${explorer.mode}") String mode) {
        this.repository = repository;
        this.redaction = redaction;
        this.audit = audit;
        this.needToKnow = needToKnow;
        this.clock = clock;
        this.local = ExplorerModeEnvironmentPostProcessor.LOCAL.equals(mode);
    }

    public List<MatchCandidateView> matchCandidates(Integer first) {
        steward();
        return audited(repository.pending(Connection.size(first, 20, MAX_FIRST)));
    }

    /**
     * A page of {@code first} pending candidates after the candidate the cursor {@code after} names
     * (null: the strongest first), in the queue's order: the whole queue can be paged, however long
     * (review 91: it stopped at the 100 strongest and said no more followed). Only the steward's own
     * check comes before the arguments' (review 92); a cursor that is not one, or names no candidate,
     * is BAD_REQUEST naming {@code after}. One more is read to know whether more follow; the audit
     * records the page's people only.
     */
    public Connection<MatchCandidateView> matchCandidatesPage(Integer first, String cursor) {
        steward();
        var size = Connection.size(first, 20, MAX_FIRST);
        var after = cursor == null ? null : Cursors.decode("matchCandidates", cursor);
        if (after != null && !repository.candidateExists(after)) {
            throw new BadRequestException(
                    "after", "points to a candidate that is no longer in the queue; start again without after");
        }
        var read = repository.pending(after, size + 1);
        var page = audited(read.subList(0, Math.min(size, read.size())));
        return Connection.of("matchCandidates", page, MatchCandidateView::id, read.size() > size);
    }

    /** How many match candidates wait for a steward. */
    public long pendingCount() {
        steward();
        return repository.pendingCount();
    }

    private List<MatchCandidateView> audited(List<MatchCandidateView> candidates) {
        audit.record(
                needToKnow.actor(),
                "matchCandidates",
                peopleOf(List.of(candidates)),
                List.of(),
                "identity review queue");
        return candidates;
    }

    /** The people the candidates shown name: each record's person and each candidate person, once. */
    private static Set<String> peopleOf(Collection<List<MatchCandidateView>> shown) {
        var people = new LinkedHashSet<String>();
        shown.forEach(list -> list.forEach(c -> {
            people.add(c.record().personId());
            people.add(c.person().id());
        }));
        return people;
    }

    public SourceRecordView sourceRecord(String source, String localId) {
        steward();
        checkKey(source, localId);
        var record = repository
                .record(source, localId)
                .orElseThrow(() -> NotFoundException.of("source record", source + ":" + localId));
        audit.record(
                needToKnow.actor(),
                "sourceRecord",
                people(record.personId()),
                List.of(),
                "source record " + source + ":" + localId);
        return record;
    }

    public MatchCandidateView decideMatch(String candidateId, String decision, String note) {
        var user = steward();
        checkNote(note);
        checkId("candidateId", candidateId, "id");
        var state = repository
                .candidate(candidateId)
                .orElseThrow(
                        () -> refuse("decideMatch", List.of(), NotFoundException.of("match candidate", candidateId)));
        var candidate = state.candidate();
        var own = candidate.record().personId();
        var other = candidate.person().id();
        var both = List.of(own, other);
        if (!"PENDING".equals(candidate.status())) {
            throw refuse(
                    "decideMatch",
                    both,
                    new BadRequestException(
                            "candidateId", "names a candidate already decided (" + candidate.status() + ")"));
        }
        if (own.equals(other)) {
            return decideChanged(candidateId, state, decision, note, user);
        }
        if ("SAME".equals(decision)) {
            if (state.ownAnchored() && state.personAnchored() && !own.equals(other)) {
                throw refuse(
                        "decideMatch",
                        both,
                        new BadRequestException(
                                "decision",
                                "cannot merge two people whose ids were given by bundles without resolve (" + own + ", "
                                        + other + "); correct the bundles instead"));
            }
            if (state.declaredDifferent()) {
                throw refuse(
                        "decideMatch",
                        both,
                        new BadRequestException(
                                "decision",
                                "cannot join " + candidate.record().source() + ":"
                                        + candidate.record().localId() + " to " + other
                                        + ": a steward already decided they are different people (a "
                                        + "DIFFERENT decision, a split or a link kept a record of one apart from the "
                                        + "other); they are never merged"));
            }
            if (state.otherNhsNumber()) {
                throw twoPeople(both, "their records give two different NHS numbers");
            }
            if (state.related()) {
                throw twoPeople(both, "the records say they are parent and child or partners");
            }
            if ("CHANGED_SINCE_LINKED".equals(candidate.reason())) {
                // review 96: a record split off after its agency changed it, joined back after a reopen,
                // would give the person an identifier a third person's record gives
                var r = candidate.record();
                var holders = repository.identifierHolders(
                        r.nhsNumber(), r.pncId() == null ? null : MatchRecord.pnc(r.pncId()), r.upn(), both);
                if (!holders.isEmpty()) {
                    // not "two people" (review 101: a third person holding the number does not show that)
                    throw refuse(
                            "decideMatch",
                            both,
                            new BadRequestException(
                                    "decision",
                                    "cannot join " + r.source() + ":" + r.localId() + " to " + other + ": the record's "
                                            + "NHS number, PNC id or UPN is also given by a record of "
                                            + String.join(", ", holders) + "; decide who holds it first (look those "
                                            + "records up)"));
                }
            }
        }
        audit.record(
                needToKnow.actor(),
                "decideMatch",
                both,
                List.of(),
                decision + " on candidate " + candidateId + " (record "
                        + candidate.record().source() + ":" + candidate.record().localId() + "): " + note.strip());
        var now = now();
        boolean written;
        if ("DIFFERENT".equals(decision)) {
            written = repository.different(candidateId, own, other, user.username(), note.strip(), now);
        } else {
            // the person holding an id given by a bundle survives, so that re-imports still find it
            var from = state.ownAnchored() ? other : own;
            var into = state.ownAnchored() ? own : other;
            written = repository.same(candidateId, own, other, from, into, user.username(), note.strip(), now);
        }
        if (!written) {
            // read again under the candidate's lock: another steward's decision or an import came first
            throw refuse(
                    "decideMatch",
                    both,
                    new BadRequestException(
                            "candidateId",
                            "names a candidate another steward decided, or an import changed, while you were "
                                    + "deciding it; nothing was written: look at the queue again"));
        }
        return repository.candidate(candidateId).orElseThrow().candidate();
    }

    /**
     * A candidate of a record the agency changed after it was linked (CHANGED_SINCE_LINKED: the
     * candidate's person is the record's own): SAME keeps the record with the person, linked by review
     * with the candidate's score and evidence; DIFFERENT splits the record off onto a person of its
     * own, as splitRecord does, and keeps it apart from the person. Refused, with nothing written, when
     * the record gave the person its id or is the person's only record now. Audited before it is written.
     */
    private MatchCandidateView decideChanged(
            String candidateId,
            StewardRepository.CandidateState checked,
            String decision,
            String note,
            ExplorerPrincipal user) {
        var candidate = checked.candidate();
        var person = candidate.person().id();
        var source = candidate.record().source();
        var localId = candidate.record().localId();
        var record = source + ":" + localId;
        String newId = null;
        StewardRepository.RecordState state = null;
        if ("SAME".equals(decision)) {
            var why = whyNotKept(candidateId, candidate);
            if (why != null) {
                // a split is named only where there is one (review 101: the only record's card offers none)
                var splittable = repository
                        .state(source, localId)
                        .map(s -> !s.anchored() && s.personRecords() >= 2)
                        .orElse(false);
                throw notDecided(
                        person,
                        "cannot keep " + record + " with " + person + ": " + why
                                + (splittable ? ", split it off (DIFFERENT)," : "")
                                + " or keep the record as it was linked and set the version aside (setAsideVersion)");
            }
        }
        if ("DIFFERENT".equals(decision)) {
            state = repository.state(source, localId).orElse(null);
            if (state == null || !person.equals(state.personId())) {
                throw changedMeanwhile("decideMatch", person);
            }
            if (state.anchored() || state.personRecords() < 2) {
                throw notDecided(
                        person,
                        "cannot split " + record + " off " + person + ": "
                                + (state.anchored()
                                        ? "it gives the person the id (a bundle without resolve)"
                                        : "it is the person's only record now")
                                // a keep is named only where it would be made (review 102)
                                + (whyNotKept(candidateId, candidate) == null ? "; keep the version (SAME), or" : ";")
                                + " keep the record as it was linked and set the version aside (setAsideVersion)");
            }
            newId = freeId(NewIds.person(source, localId), repository::personExists);
        }
        var people = newId == null ? List.of(person) : List.of(person, newId);
        audit.record(
                needToKnow.actor(),
                "decideMatch",
                people,
                List.of(),
                decision + " on candidate " + candidateId + " (record " + record
                        + ", changed by its agency since it was"
                        + " linked"
                        + (newId == null ? ": kept with " + person : ": split off " + person + " onto " + newId)
                        + "): " + note.strip());
        var written = newId == null
                ? repository.keep(candidateId, person, user.username(), note.strip(), now())
                : repository.split(source, localId, state, newId, user.username(), note.strip(), now(), candidateId);
        if (!written) {
            throw changedMeanwhile("decideMatch", person);
        }
        return repository.candidate(candidateId).orElseThrow().candidate();
    }

    /**
     * A steward keeps a record its agency changed since it was linked as it was linked, and sets the
     * agency's version aside (review 98 #2: a version giving another person's identifier, of a person's
     * only record, could be neither kept nor split off, and waited for ever). Only for a pending question
     * about the record's own person (CHANGED_SINCE_LINKED); the version, sent again while the record is as
     * it was, is not asked about again; reopenMatch puts it back in the queue. Audited before it is
     * written.
     */
    public MatchCandidateView setAsideVersion(String candidateId, String note) {
        var user = steward();
        checkNote(note);
        checkId("candidateId", candidateId, "id");
        var state = repository
                .candidate(candidateId)
                .orElseThrow(() ->
                        refuse("setAsideVersion", List.of(), NotFoundException.of("match candidate", candidateId)));
        var candidate = state.candidate();
        var person = candidate.person().id();
        if (!"PENDING".equals(candidate.status())) {
            throw refuse(
                    "setAsideVersion",
                    List.of(person),
                    new BadRequestException(
                            "candidateId", "names a candidate already decided (" + candidate.status() + ")"));
        }
        if (!"CHANGED_SINCE_LINKED".equals(candidate.reason())
                || !person.equals(candidate.record().personId())) {
            throw refuse(
                    "setAsideVersion",
                    List.of(candidate.record().personId(), person),
                    new BadRequestException(
                            "candidateId",
                            "names a question whether a record is another person, not about a version its agency sent "
                                    + "of a record linked to this person: decide it SAME or DIFFERENT (decideMatch)"));
        }
        var record = candidate.record().source() + ":" + candidate.record().localId();
        audit.record(
                needToKnow.actor(),
                "setAsideVersion",
                List.of(person),
                List.of(),
                "set aside the version of " + record + " on candidate " + candidateId + ", kept as linked with "
                        + person + ": " + note.strip());
        if (!repository.setAside(candidateId, person, user.username(), note.strip(), now())) {
            throw changedMeanwhile("setAsideVersion", person);
        }
        return repository.candidate(candidateId).orElseThrow().candidate();
    }

    /**
     * Why the version a changed record's question holds cannot be kept with the record's person, read now,
     * ending with what to do first; null when it can. Review 94: two NHS numbers on one person (review 102:
     * read from the person's records now, not from the evidence of when it was asked, which a merge or a
     * late reopen leaves behind); review 95, 96: an identifier another person's record gives.
     */
    private String whyNotKept(String candidateId, MatchCandidateView candidate) {
        var person = candidate.person().id();
        var was = candidate.record();
        var given = repository.changedIdentifiers(candidateId);
        var others = repository.recordsOf(List.of(person), null).get(person).stream()
                .filter(r -> !(r.source().equals(was.source()) && r.localId().equals(was.localId())))
                .map(SourceRecordView::nhsNumber)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        var nhs = given.get(0);
        if (candidate.evidence().stream().anyMatch(e -> "nhsNumber".equals(e.field()) && "DIFFERENT".equals(e.level()))
                || (nhs != null && !others.isEmpty() && !others.contains(nhs))) {
            return "its NHS number is not the one the person's other records give, and two NHS numbers are two people;"
                    + " have the agency correct it";
        }
        // only what the version gives anew: what the record gave when linked was weighed then (review 97)
        var holders = repository.identifierHolders(
                anew(nhs, was.nhsNumber()),
                anew(given.get(1), was.pncId() == null ? null : MatchRecord.pnc(was.pncId())),
                anew(given.get(2), was.upn()),
                List.of(person));
        return holders.isEmpty()
                ? null
                : "its NHS number, PNC id or UPN is also given by a record of " + String.join(", ", holders)
                        + "; decide who holds it first (look those records up)";
    }

    /** An identifier a version gives, when the record did not give it as linked; else null. */
    private static String anew(String given, String was) {
        return given == null || given.equals(was) ? null : given;
    }

    /** A decision on a changed record refused for what the records say: BAD_REQUEST naming decision, audited. */
    private RuntimeException notDecided(String person, String why) {
        return refuse(
                "decideMatch", List.of(person), new BadRequestException("decision", why + "; nothing was written"));
    }

    private RuntimeException changedMeanwhile(String operation, String person) {
        var error = new BadRequestException(
                "candidateId",
                "names a candidate another steward decided, or an import changed, while you were deciding it; nothing"
                        + " was written: look at the queue again");
        return refuse(operation, List.of(person), error, "not done: " + error.getMessage());
    }

    /**
     * Reopens a DIFFERENT decision made by mistake (walk 71: it could never be undone, even by an
     * administrator): the candidate is pending again, in the queue, with the decision kept as its
     * history; the declaration that kept the record from the person is removed. Refused for a candidate
     * not decided DIFFERENT, and for one whose record now belongs to that person. Audited with the note,
     * for both people, before it is written.
     */
    public MatchCandidateView reopenMatch(String candidateId, String note) {
        var user = steward();
        checkNote(note);
        checkId("candidateId", candidateId, "id");
        var state = repository
                .candidate(candidateId)
                .orElseThrow(
                        () -> refuse("reopenMatch", List.of(), NotFoundException.of("match candidate", candidateId)));
        var candidate = state.candidate();
        var own = candidate.record().personId();
        var other = candidate.person().id();
        var both = List.of(own, other);
        if ("SET_ASIDE".equals(candidate.status())) {
            return reopenSetAside(candidateId, candidate, note, user);
        }
        if (!"DIFFERENT".equals(candidate.status())) {
            throw refuse(
                    "reopenMatch",
                    both,
                    new BadRequestException(
                            "candidateId",
                            "names a candidate that is " + candidate.status()
                                    + "; only a DIFFERENT decision or a version set aside is reopened"));
        }
        if (own.equals(other)) {
            throw refuse(
                    "reopenMatch",
                    both,
                    new BadRequestException(
                            "candidateId",
                            "names a candidate whose record now belongs to " + other + "; there is nothing to decide"));
        }
        audit.record(
                needToKnow.actor(),
                "reopenMatch",
                both,
                List.of(),
                "reopened DIFFERENT on candidate " + candidateId + " (record "
                        + candidate.record().source() + ":" + candidate.record().localId() + "): " + note.strip());
        if (!repository.reopen(candidateId, own, other, user.username(), note.strip(), now())) {
            var error = new BadRequestException(
                    "candidateId",
                    "names a candidate another steward reopened, or an import changed, while you were reopening it; "
                            + "nothing was written: look at the record again");
            throw refuse("reopenMatch", both, error, "not done: " + error.getMessage());
        }
        return repository.candidate(candidateId).orElseThrow().candidate();
    }

    /**
     * A version set aside by mistake back in the queue (review 98 #2: set aside, it would never be asked
     * about again while the agency sent it): refused, with nothing written, once it no longer stands (the
     * record moved, the agency sent another version, or another steward reopened it). Audited with the note.
     */
    private MatchCandidateView reopenSetAside(
            String candidateId, MatchCandidateView candidate, String note, ExplorerPrincipal user) {
        var person = candidate.person().id();
        var record = candidate.record().source() + ":" + candidate.record().localId();
        var error = new BadRequestException(
                "candidateId",
                "names a version set aside that no longer stands (the record moved, its agency sent another "
                        + "version, or another steward reopened it); nothing was written: look at the record again");
        if (!person.equals(candidate.record().personId())) {
            throw refuse("reopenMatch", List.of(person), error);
        }
        audit.record(
                needToKnow.actor(),
                "reopenMatch",
                List.of(person),
                List.of(),
                "reopened the version of " + record + " set aside on candidate " + candidateId + ": " + note.strip());
        if (!repository.reopenSetAside(candidateId, person, user.username(), note.strip(), now())) {
            throw refuse("reopenMatch", List.of(person), error, "not done: " + error.getMessage());
        }
        return repository.candidate(candidateId).orElseThrow().candidate();
    }

    /**
     * The versions of each record a steward set aside that still stand (newest first), by
     * "source:localId": for stewards and the local administrator only; others get none. Audited.
     */
    @PreAuthorize("hasAnyRole('DATA_STEWARD', 'ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
    public Map<String, List<MatchCandidateView>> setAsideVersions(Collection<SourceRecordView> records) {
        return standing(records, "SET_ASIDE", "records' versions set aside");
    }

    /**
     * The candidates of each record a steward decided DIFFERENT (newest first), by "source:localId":
     * for stewards and the local administrator only (each names a person the record is not); others
     * get none. Audited for the people they show.
     */
    @PreAuthorize("hasAnyRole('DATA_STEWARD', 'ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
    public Map<String, List<MatchCandidateView>> decidedDifferent(Collection<SourceRecordView> records) {
        return standing(records, "DIFFERENT", "records' DIFFERENT decisions");
    }

    /**
     * The records' standing decisions of {@code status} (identity/decided-different), to stewards and the
     * local administrator only, audited as {@code what}; none to others.
     */
    private Map<String, List<MatchCandidateView>> standing(
            Collection<SourceRecordView> records, String status, String what) {
        if (records.isEmpty() || !stewarding()) {
            return Map.of();
        }
        var found = repository.decided(records, status);
        auditShown("sourceRecord", found.values(), what);
        return found;
    }

    /**
     * The birth dates of the children each record's agency makes it the parent of, by "source:localId":
     * for stewards and the local administrator only (a child may be someone a practitioner may not
     * see, and a hidden person's birth date is never told); others get none. Audited for the children.
     */
    @PreAuthorize("hasAnyRole('DATA_STEWARD', 'ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
    public Map<String, List<LocalDate>> parentOfChildrenBorn(Collection<SourceRecordView> records) {
        if (records.isEmpty() || !stewarding()) {
            return Map.of();
        }
        var found = repository.parentOfChildrenBorn(records);
        var children = found.values().stream()
                .flatMap(c -> c.ids().stream())
                .distinct()
                .toList();
        if (!children.isEmpty()) {
            // review 95: the children whose birth dates a steward read
            audit.record(needToKnow.actor(), "sourceRecord", children, List.of(), "records' children's birth dates");
        }
        var result = new LinkedHashMap<String, List<LocalDate>>();
        found.forEach((key, c) -> result.put(key, c.born()));
        return result;
    }

    /**
     * What each record's agency sent since it was linked that waits for a steward, by "source:localId"
     * (identity/record-waiting-changes): to whoever may read the records (Person.records gives a
     * practitioner their own agency's only), so that the agency is told why its correction is not
     * shown yet.
     */
    @PreAuthorize("hasAnyRole('DATA_STEWARD', 'ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
    public Map<String, List<String>> waitingChanges(Collection<SourceRecordView> records) {
        return records.isEmpty() ? Map.of() : repository.versionChanges(records, "PENDING");
    }

    /**
     * What each record's agency sent that a data steward set aside, keeping the record as it was linked,
     * by "source:localId" (still standing: see identity/record-waiting-changes): to whoever may read the
     * records, so that the agency is told its version is not shown and why not to expect it to be. Never
     * the steward's note (it may name other agencies' records).
     */
    @PreAuthorize("hasAnyRole('DATA_STEWARD', 'ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
    public Map<String, List<String>> setAsideChanges(Collection<SourceRecordView> records) {
        return records.isEmpty() ? Map.of() : repository.versionChanges(records, "SET_ASIDE");
    }

    /** Whether the user works as a steward: a data steward, or the administrator in local mode. */
    private boolean stewarding() {
        var user = NeedToKnow.principal();
        return user != null && (user.role() == Role.DATA_STEWARD || (user.role() == Role.ADMIN && local));
    }

    /**
     * For each candidate, by id, the other pending candidates of its record (walk 71: the cards of twins
     * competing for one record did not name each other, and a SAME on one closed the other unseen).
     * Audited for the people they show.
     */
    public Map<String, List<MatchCandidateView>> competing(Collection<MatchCandidateView> candidates) {
        steward();
        if (candidates.isEmpty()) {
            return Map.of();
        }
        var found = repository.competing(
                candidates.stream().map(MatchCandidateView::id).distinct().toList());
        auditShown("matchCandidates", found.values(), "identity review queue: the record's other candidates");
        return found;
    }

    /** Records the people the candidates shown name (the record's person, the candidate person). */
    private void auditShown(String operation, Collection<List<MatchCandidateView>> shown, String reason) {
        var people = peopleOf(shown);
        if (!people.isEmpty()) {
            audit.record(needToKnow.actor(), operation, people, List.of(), reason);
        }
    }

    public SourceRecordView splitRecord(String source, String localId, String note) {
        var user = steward();
        checkKey(source, localId);
        checkNote(note);
        var state = repository
                .state(source, localId)
                .orElseThrow(() -> refuse(
                        "splitRecord", List.of(), NotFoundException.of("source record", source + ":" + localId)));
        refuseUnsplittable(
                "splitRecord",
                List.of(state.personId()),
                state.anchored(),
                state.personRecords() < 2,
                "person",
                state.personId());
        var newId = freeId(NewIds.person(source, localId), repository::personExists);
        audit.record(
                needToKnow.actor(),
                "splitRecord",
                List.of(state.personId(), newId),
                List.of(),
                "split " + source + ":" + localId + " off " + state.personId() + " onto " + newId + ": "
                        + note.strip());
        if (!repository.split(source, localId, state, newId, user.username(), note.strip(), now(), null)) {
            var error = new BadRequestException(
                    "localId",
                    "names a record another steward or an import changed while you were splitting it; "
                            + "nothing was written: look at the record again");
            // the attempt was recorded as allowed, for both people, before the write: now as not done
            throw refuse("splitRecord", List.of(state.personId(), newId), error, "not done: " + error.getMessage());
        }
        return repository.record(source, localId).orElseThrow();
    }

    /**
     * An address record with the address it was joined to and that address's other records (review 91:
     * a steward had no way to see, nor to undo, a wrong join of addresses). Matching fields only; the
     * read is audited for the people living there through the record.
     */
    public AddressRecordView addressRecord(String source, String localId) {
        steward();
        checkKey(source, localId);
        var record = repository
                .addressRecord(source, localId, this::caseDataAddress)
                .orElseThrow(() -> NotFoundException.of("address record", source + ":" + localId));
        audit.record(
                needToKnow.actor(),
                "addressRecord",
                record.residents(),
                List.of(),
                "address record " + source + ":" + localId + " of " + record.addressId());
        return record;
    }

    /**
     * Splits an address record off the address it was wrongly joined to (review 91: a record giving a
     * family's first line and postcode by mistake made the man it came with the children's co-resident):
     * the record gets an address of its own, made from its fields; the people living there through it,
     * and the markers it carried, move with it; the old address takes its fields again from its other
     * records; a re-import leaves it apart. Refused for a record that gave its address the id (a bundle
     * without resolve: split the others off) and for an address's only record. Audited with the note,
     * for the people who move, before it is made.
     */
    public AddressRecordView splitAddressRecord(String source, String localId, String note) {
        var user = steward();
        checkKey(source, localId);
        checkNote(note);
        var record = repository
                .addressRecord(source, localId, this::caseDataAddress)
                .orElseThrow(() -> refuse(
                        "splitAddressRecord",
                        List.of(),
                        NotFoundException.of("address record", source + ":" + localId)));
        refuseUnsplittable(
                "splitAddressRecord",
                record.residents(),
                record.anchored(),
                record.others().isEmpty(),
                "address",
                record.addressId());
        var newId = freeId(NewIds.address(source, localId), repository::addressExists);
        audit.record(
                needToKnow.actor(),
                "splitAddressRecord",
                record.residents(),
                List.of(),
                "split address record " + source + ":" + localId + " off " + record.addressId() + " onto " + newId
                        + ": " + note.strip());
        if (!repository.splitAddress(
                source, localId, record.addressId(), newId, user.username(), note.strip(), now())) {
            var error = new BadRequestException(
                    "localId",
                    "names a record another steward or an import changed while you were splitting it; "
                            + "nothing was written: look at the record again");
            throw refuse("splitAddressRecord", record.residents(), error, "not done: " + error.getMessage());
        }
        return repository.addressRecord(source, localId, this::caseDataAddress).orElseThrow();
    }

    /** What a steward is told before a link: whether it would be made, and what to check first. */
    public record LinkCheck(boolean allowed, String refusal, List<String> warnings, boolean merges) {}

    /**
     * Says whether {@link #linkRecord} would link the record to the person now, and if not why (the
     * sentence the link would be refused with), and the differences a steward should check first: a
     * missing date of birth, or a sex, date of birth, name, PNC id or UPN the person's records do not
     * give, or a link that moved the record off the person before. Nothing is written but the audit event
     * (the matching fields of both people were read).
     */
    public LinkCheck linkCheck(String source, String localId, String personId) {
        steward();
        var link = linkState("linkCheck", source, localId, personId);
        var refusal = refusal(link);
        audit.record(
                needToKnow.actor(),
                "linkCheck",
                link.people(),
                List.of(),
                "checked linking " + link.key() + " (" + link.state().personId() + ") to " + personId);
        return new LinkCheck(
                refusal == null,
                refusal == null ? null : refusal.getMessage(),
                List.copyOf(warnings(link).keySet()),
                link.state().personRecords() == 1);
    }

    /**
     * Links a record to the person a steward found it belongs to: one the engine left apart (below
     * the review threshold, or a new person), or the right person after a split. The record's
     * relationships follow it; when it was its person's only record, that person is merged into the
     * target. Refused where two people are kept apart: a steward's DIFFERENT or split between them
     * (from either side), an NHS number other than the target's, an anchored record, or a person
     * the record makes a relative, contact, ancestor or descendant of its own person; and where a
     * warning of {@link #linkCheck} (see {@link #warnings}) is not among {@code acceptWarnings}, so that a warning that came after the check refuses
     * the link. Audited with the note before it is made; the checks are read again in the
     * write.
     */
    public SourceRecordView linkRecord(
            String source, String localId, String personId, String note, List<String> acceptWarnings) {
        var user = steward();
        checkNote(note);
        if (acceptWarnings != null
                && (acceptWarnings.size() > 20 || acceptWarnings.stream().anyMatch(w -> w.length() > MAX_NOTE))) {
            throw new BadRequestException(
                    "acceptWarnings", "must hold at most 20 warnings of at most " + MAX_NOTE + " characters");
        }
        var link = linkState("linkRecord", source, localId, personId);
        var refusal = refusal(link);
        if (refusal != null) {
            throw refuse("linkRecord", link.people(), refusal);
        }
        var warnings = warnings(link);
        var accepted = acceptWarnings == null ? List.<String>of() : acceptWarnings;
        var unaccepted =
                warnings.keySet().stream().filter(w -> !accepted.contains(w)).toList();
        if (!unaccepted.isEmpty()) {
            // the steward is told the values; the audit log, which auditors read, only what kind they were
            throw refuse(
                    "linkRecord",
                    link.people(),
                    new BadRequestException(
                            "acceptWarnings",
                            "does not accept " + String.join("; ", unaccepted)
                                    + ". Check with the agencies; if it is the same person all the same, link "
                                    + "with acceptWarnings listing the warnings linkCheck gives"),
                    "warnings not accepted: "
                            + String.join(
                                    ", ", unaccepted.stream().map(warnings::get).toList()));
        }
        var state = link.state();
        audit.record(
                needToKnow.actor(),
                "linkRecord",
                link.people(),
                List.of(),
                "linked " + link.key() + " (was " + state.personId() + ") to " + personId
                        + (warnings.isEmpty() ? "" : " despite warnings: " + String.join(", ", warnings.values()))
                        + ": "
                        + note.strip());
        if (!repository.link(source, localId, personId, state, user.username(), note.strip(), now())) {
            throw refuse(
                    "linkRecord",
                    link.people(),
                    new BadRequestException(
                            "localId",
                            "names a record that changed while it was being linked (another steward's decision "
                                    + "or an import); look it up again"));
        }
        return repository.record(source, localId).orElseThrow();
    }

    /** A link asked for: the record's key, what the checks read, and the people it concerns. */
    private record Link(String key, String personId, StewardRepository.LinkState state, List<String> people) {}

    /** Reads the checks of a link; an unknown record or person is NOT_FOUND (audited as refused). */
    private Link linkState(String operation, String source, String localId, String personId) {
        checkKey(source, localId);
        checkId("personId", personId, "person id");
        var key = source + ":" + localId;
        var state = repository
                .linkState(source, localId, personId)
                .orElseThrow(() -> refuse(operation, List.of(), NotFoundException.of("source record", key)));
        if (!state.exists()) {
            throw refuse(operation, List.of(state.personId()), NotFoundException.of("person", personId));
        }
        return new Link(
                key,
                personId,
                state,
                Stream.of(state.personId(), personId).distinct().toList());
    }

    /** Why the link is refused, or null when it may be made. */
    private static BadRequestException refusal(Link link) {
        var key = link.key();
        var state = link.state();
        if (state.personId().equals(link.personId())) {
            return new BadRequestException("personId", "is already the person of record " + key);
        }
        if (state.anchored()) {
            return new BadRequestException(
                    "localId",
                    "names a record that gives its person the id (a bundle without resolve); link the "
                            + "other person's records to " + state.personId() + " instead");
        }
        if (state.declaredDifferent()) {
            return new BadRequestException(
                    "personId",
                    "names a person kept apart from record " + key + " (or from the person it belongs to) by "
                            + state.keptApart() + "; they are never joined again");
        }
        if (state.otherNhsNumber()) {
            return new BadRequestException(
                    "personId",
                    "names a person with another NHS number than record " + key + "; two NHS numbers are two people");
        }
        if (state.related()) {
            return new BadRequestException(
                    "personId",
                    "names a person that record " + key + " makes a parent, child, partner, sibling, "
                            + "contact, ancestor or descendant of " + state.personId() + ", so another person");
        }
        return null;
    }

    /**
     * What contradicts the link without ruling it out, for the steward to check first: a steward's link
     * moved the record off this person before (linking it back undoes that); the record gives no date
     * of birth (a parent or child of the same name is another person); it gives a sex (male or
     * female), a date of birth (a day and month swapped too: the steward checks which is right), a
     * given name, a family name (aliases count), a PNC id or a UPN that none of the person's records
     * gives, where they give one.
     */
    private static Map<String, String> warnings(Link link) {
        var state = link.state();
        var record = "record " + link.key();
        var person = "person " + link.personId() + "'s records";
        var warnings = new LinkedHashMap<String, String>();
        if (state.movedOff() != null) {
            warnings.put(
                    record + " was moved off person " + link.personId() + " by a link (" + state.movedOff()
                            + "); linking it back undoes that",
                    "moved off by a link");
        }
        if (state.otherMovedOff() != null) {
            warnings.put(
                    "a record of person " + link.personId() + " was moved off person " + state.personId()
                            + " by a link (" + state.otherMovedOff() + "); this link joins them again",
                    "a record moved off by a link");
        }
        if (state.dateOfBirth() == null) {
            warnings.put(
                    record + " gives no date of birth: make sure it is not a parent or child of the same name",
                    "no date of birth");
        }
        var known = List.of("MALE", "FEMALE");
        var sex = state.sex() == null || !known.contains(state.sex()) ? null : state.sex();
        var sexes = lower(state.sexes().stream().filter(known::contains).toList());
        differs(warnings, "sex", record + " says", lower(sex), sexes, sexes, person + " say");
        differs(
                warnings,
                "date of birth",
                record + " gives born",
                state.dateOfBirth(),
                state.births(),
                List.of(),
                person + " give");
        differs(
                warnings,
                "given name",
                record + " gives given name",
                state.givenName(),
                state.givenNames(),
                List.of(),
                person + " give");
        // an alias is a whole name ("Joanne Wood"): its last word is a family name too
        var lastWords = state.familyNames().stream()
                .map(name -> name.strip().substring(name.strip().lastIndexOf(' ') + 1))
                .toList();
        differs(
                warnings,
                "family name",
                record + " gives family name",
                state.familyName(),
                state.familyNames(),
                lastWords,
                person + " give");
        // a PNC id is written with or without its slash (walk 71: 2014/4135798O was said to differ from
        // 20144135798O): compared as the matching engine compares it
        var pnc = MatchRecord.pnc(state.pncId());
        if (pnc != null
                && !state.pncIds().isEmpty()
                && state.pncIds().stream().map(MatchRecord::pnc).noneMatch(pnc::equals)) {
            warnings.put(
                    record + " gives PNC id " + state.pncId() + " where " + person + " give "
                            + String.join(" or ", state.pncIds()),
                    "PNC id");
        }
        differs(warnings, "UPN", record + " gives UPN", state.upn(), state.upns(), List.of(), person + " give");
        return warnings;
    }

    /**
     * Adds "{said} {value} where {theirs} {values}", of its kind (what the audit log says), when the
     * record's value is none of the person's (nor of {@code also}), ignoring case and the spaces
     * around.
     */
    private static void differs(
            Map<String, String> warnings,
            String kind,
            String said,
            String value,
            List<String> values,
            List<String> also,
            String theirs) {
        if (value == null || value.isBlank() || values.isEmpty()) {
            return;
        }
        var folded = Stream.concat(values.stream(), also.stream())
                .map(StewardService::fold)
                .toList();
        if (!folded.contains(fold(value))) {
            warnings.put(said + " " + value + " where " + theirs + " " + String.join(" or ", values), kind);
        }
    }

    private static String fold(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(StewardService::lower).toList();
    }

    /**
     * A person's records as the user may see them: all of them for stewards and the local
     * administrator, the user's own agency's for practitioners and meeting chairs. The people were
     * checked (and audited) by the query that returned them.
     */
    @PreAuthorize("hasAnyRole('DATA_STEWARD', 'ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
    public Map<String, List<SourceRecordView>> recordsOf(Collection<String> personIds) {
        var user = NeedToKnow.principal();
        if (user == null || user.role() == Role.AUDITOR) {
            throw new AccessDeniedException("no records for this user");
        }
        var all = user.role() == Role.DATA_STEWARD || (user.role() == Role.ADMIN && local);
        if (!all && user.agency() == null) {
            throw new AccessDeniedException("no records for this user");
        }
        return repository.recordsOf(personIds, all ? null : user.agency());
    }

    /**
     * The addresses each record gives its person, by "source:localId": a matching field, for whoever
     * was given the record (a steward, or a practitioner their own agency's records of a person they
     * may see).
     */
    public Map<String, List<String>> addressesOf(Collection<SourceRecordView> records) {
        var user = NeedToKnow.principal();
        if (user == null || user.role() == Role.AUDITOR) {
            throw new AccessDeniedException("no records for this user");
        }
        // a placement (where a child in care lives) and an offender's address (approved premises, by
        // the redaction policy) are case data: left out, for a steward and a practitioner alike, and
        // not named either (code review 51: "approved premises (address withheld)" told a school that
        // a parent is managed as an offender)
        return records.isEmpty() ? Map.of() : repository.addressesOf(records, this::caseDataAddress);
    }

    /** An address kind that is case data, withheld from stewards: a placement, an offender's address (policy). */
    private boolean caseDataAddress(String kind) {
        return "PLACEMENT".equals(kind) || redaction.offenderAddress(kind);
    }

    /** Pending candidates between the given people (for the network), seen by whoever sees those people. */
    @PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
    public List<StewardRepository.Pending> pendingAmong(Collection<String> personIds) {
        return personIds.isEmpty() ? List.of() : repository.pendingAmong(personIds);
    }

    private ExplorerPrincipal steward() {
        var user = NeedToKnow.principal();
        if (user == null || (user.role() != Role.DATA_STEWARD && !(user.role() == Role.ADMIN && local))) {
            throw new AccessDeniedException("only data stewards (and the administrator in local mode) review matches");
        }
        return user;
    }

    /**
     * Records a refused decision as DENIED for the people it concerned (or as the act alone), with the
     * sentence the steward is given, and returns the error to throw: refusals are denials, audited as
     * the reads and the decisions are.
     */
    /** A SAME refused because the records say the two people ({@code both}: own, other) are two people. */
    private RuntimeException twoPeople(List<String> both, String because) {
        return refuse(
                "decideMatch",
                both,
                new BadRequestException(
                        "decision",
                        "cannot merge " + both.get(0) + " and " + both.get(1) + ": " + because
                                + ", so they are two people; decide DIFFERENT, or split the record that joined the "
                                + "wrong one"));
    }

    private RuntimeException refuse(String operation, List<String> people, RuntimeException error) {
        return refuse(operation, people, error, error.getMessage());
    }

    /** As above, with a reason of its own where the steward's sentence must not go into the log. */
    private RuntimeException refuse(String operation, List<String> people, RuntimeException error, String reason) {
        audit.record(needToKnow.actor(), operation, AuditLog.Subject.each(people, AuditLog.DENIED, reason));
        return error;
    }

    /**
     * A split is refused (audited as DENIED for {@code people}) for a record that gives its person or
     * address ({@code what} {@code owner}) the id, and for its only record.
     */
    private void refuseUnsplittable(
            String operation, List<String> people, boolean anchored, boolean alone, String what, String owner) {
        if (anchored) {
            throw refuse(
                    operation,
                    people,
                    new BadRequestException(
                            "localId",
                            "names a record that gives its " + what + " the id (a bundle without resolve); split the "
                                    + "other records off instead"));
        }
        if (alone) {
            throw refuse(
                    operation,
                    people,
                    new BadRequestException(
                            "localId",
                            "names the only record of " + what + " " + owner + "; there is nothing to split it from"));
        }
    }

    /** {@code base}, or the first of base~2, base~3, … that {@code taken} says is free. */
    private static String freeId(String base, Predicate<String> taken) {
        if (!taken.test(base)) {
            return base;
        }
        for (int i = 2; i < 100; i++) {
            if (!taken.test(base + "~" + i)) {
                return base + "~" + i;
            }
        }
        return base + "~" + UUID.randomUUID();
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static List<String> people(String id) {
        return id == null ? List.of() : List.of(id);
    }

    private static void checkKey(String source, String localId) {
        checkId("source", source, "agency id");
        checkId("localId", localId, "id");
    }

    private static void checkId(String field, String value, String kind) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new BadRequestException(field, "must be a non-blank " + kind + " of at most 200 characters");
        }
    }

    private static void checkNote(String note) {
        if (note == null || note.isBlank() || note.length() > MAX_NOTE) {
            throw new BadRequestException("note", "must be 1 to " + MAX_NOTE + " characters and not blank");
        }
    }
}
