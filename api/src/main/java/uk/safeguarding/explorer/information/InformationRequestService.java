package uk.safeguarding.explorer.information;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.safeguarding.explorer.audit.AuditLog;
import uk.safeguarding.explorer.audit.AuditLog.Subject;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.graph.Views.PersonView.Relation;
import uk.safeguarding.explorer.information.InformationRequest.Direction;
import uk.safeguarding.explorer.information.InformationRequest.Reply;
import uk.safeguarding.explorer.information.InformationRequest.Status;
import uk.safeguarding.explorer.security.ExplorerPrincipal;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;
import uk.safeguarding.explorer.security.Visibility;

/**
 * Information requests (DESIGN §7, "Hidden is not absent"): a practitioner or meeting chair who met
 * a placeholder in an answer about a person they may see asks the agencies that hold information
 * about the hidden person for it, with a reason. The server reads the placeholder back (valid for
 * that user today, near that person), addresses the request to the holding agencies (never the
 * requester's own) and audits it. The holding agencies see it in their work queue with the name and
 * date of birth of the person asked about, and each answers or declines it with a reason, on its
 * own: a holder sees its own reply only, the requesting agency every reply (hostile review 61: one
 * holder's answer reached every holder, and one holder closed the request for all). Nothing else
 * about the hidden person reaches the requester.
 */
@Service
@PreAuthorize("hasAnyRole('PRACTITIONER', 'MEETING_CHAIR')")
public class InformationRequestService {

    static final int MIN_REASON = 20;
    static final int MAX_REASON = 2_000;
    static final int MAX_ANSWER = 5_000;
    static final int MAX_FIRST = 200;
    static final String PURPOSE = "INFORMATION_REQUEST";

    private final InformationRequestRepository repository;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;
    private final AuditLog audit;
    private final Clock clock;

    InformationRequestService(
            InformationRequestRepository repository,
            NeedToKnow needToKnow,
            Redaction redaction,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.needToKnow = needToKnow;
        this.redaction = redaction;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Asks the agencies holding information about the person behind the placeholder: the one
     * chosen ({@code holderId}), or every holder but the user's own agency.
     */
    public InformationRequest request(String personId, String placeholderId, String reason, String holderId) {
        id("personId", personId);
        if (placeholderId == null || placeholderId.isBlank() || placeholderId.length() > 1_000) {
            throw new BadRequestException("placeholderId", "must be a placeholder id from an answer");
        }
        var why = words("reason", reason, MIN_REASON, MAX_REASON);
        var user = user();
        var hidden = needToKnow.hiddenBehind("requestInformation", personId, placeholderId);
        var visibility = needToKnow.checkAsked("requestInformation", List.of(hidden), List.of(), null);
        var holders = visibility.holders(hidden).stream()
                .map(AgencyView::id)
                .filter(a -> !a.equals(user.agency()))
                .toList();
        if (holders.isEmpty()) {
            throw new BadRequestException(
                    "placeholderId",
                    "no other agency holds information about this person; "
                            + "ask the police public protection unit or the probation service directly");
        }
        if (holderId != null) {
            // one of the holders only; any other agency is refused without saying whether it holds anything
            if (!holders.contains(holderId)) {
                throw new BadRequestException(
                        "holderId", "must be one of the placeholder's holders other than your own agency");
            }
            holders = List.of(holderId);
        }
        // one open request per agency, hidden person and holder: the holder's queue is not for repeats
        askedAlready(user, hidden, holders);
        var id = UUID.randomUUID().toString();
        // audited first: if the audit write fails, no request exists
        audit.record(
                needToKnow.actor(),
                "requestInformation",
                List.of(
                        new Subject(personId, AuditLog.ALLOWED, PURPOSE, why, null),
                        new Subject(hidden, AuditLog.ALLOWED, PURPOSE, why, null)));
        var request = new LinkedHashMap<String, Object>();
        request.put("id", id);
        request.put("status", Status.OPEN.name());
        request.put("concerningId", personId);
        request.put("subjectId", hidden);
        request.put("reason", why);
        request.put("askedAt", now());
        request.put("fromUser", user.username());
        request.put("fromAgency", user.agency());
        request.put("fromRole", user.role().name());
        var row = repository.create(request, holders);
        if (row.isEmpty()) {
            // another request of the agency about the person was made in between: this one is not
            audit.record(
                    needToKnow.actor(),
                    "requestInformation",
                    List.of(
                            new Subject(personId, AuditLog.DENIED, PURPOSE, "refused: asked already", null),
                            new Subject(hidden, AuditLog.DENIED, PURPOSE, "refused: asked already", null)));
            askedAlready(user, hidden, holders);
            // (that request closed since): said as what happened
            throw new BadRequestException(
                    "placeholderId",
                    "your agency asked the same about this person at the same moment; its answer will appear among "
                            + "your agency's outgoing requests (Work queues, Information requests, Sent by your agency)");
        }
        return views(List.of(row.get()), Direction.OUTGOING, user).get(0);
    }

    /** Refuses a request while the agency's request about the person to one of the holders is open. */
    private void askedAlready(ExplorerPrincipal user, String hidden, List<String> holders) {
        var open = repository.openAlready(user.agency(), hidden, holders);
        if (open.isPresent()) {
            throw new BadRequestException(
                    "placeholderId",
                    "your agency has already asked "
                            + String.join(" and ", open.get().get("asked").asList(Value::asString))
                            + " about this person, and that request is still open; its answer will appear among "
                            + "your agency's outgoing requests (Work queues, Information requests, Sent by your agency)");
        }
    }

    /** The work queue: requests addressed to the user's agency (INCOMING) or made by it (OUTGOING), newest first. */
    public List<InformationRequest> list(Direction direction, Status status, Integer first) {
        var limit = first == null ? 50 : first;
        if (limit < 1 || limit > MAX_FIRST) {
            throw new BadRequestException("first", "must be from 1 to " + MAX_FIRST);
        }
        var user = user();
        var which = direction == null ? Direction.INCOMING : direction;
        var state = status == null ? null : status.name();
        var rows = which == Direction.INCOMING
                ? repository.incoming(user.agency(), state, limit)
                : repository.outgoing(user.agency(), state, limit);
        return views(rows, which, user);
    }

    /**
     * How many requests addressed to the user's agency wait for its reply: the explorer's Work queues
     * button says it (walk 49: nothing told the police a request was waiting). A count names nobody,
     * so it is not audited.
     */
    public int waiting() {
        return repository.waiting(user().agency());
    }

    /** The holding agency's answer: the requesting agency reads it. */
    public InformationRequest answer(String id, String answer) {
        id("id", id);
        var text = answer == null ? "" : answer.strip();
        if (text.isEmpty() || text.length() > MAX_ANSWER) {
            throw new BadRequestException(
                    "answer", "must be a non-blank text of at most " + MAX_ANSWER + " characters");
        }
        return close(id, Status.ANSWERED, "answerInformationRequest", "answer", text);
    }

    /** The holding agency declines, saying why. */
    public InformationRequest decline(String id, String reason) {
        id("id", id);
        var why = words("reason", reason, 10, MAX_REASON);
        return close(id, Status.DECLINED, "declineInformationRequest", "declineReason", why);
    }

    private InformationRequest close(String id, Status status, String operation, String field, String text) {
        var user = user();
        var existing = repository
                .find(id)
                .filter(r -> ownReply(replies(r), user.agency()).isPresent())
                // a request not addressed to the user's agency is answered as an unknown one
                .orElseThrow(() -> NotFoundException.of("information request", id));
        var subjectId = Views.string(existing.get("r"), "subjectId");
        audit.record(
                needToKnow.actor(),
                operation,
                List.of(new Subject(
                        subjectId,
                        AuditLog.ALLOWED,
                        PURPOSE,
                        status.name().toLowerCase() + " information request " + id,
                        null)));
        var close = new LinkedHashMap<String, Object>();
        close.put("status", status.name());
        close.put(field, text);
        close.put("closedBy", user.username());
        close.put("closedAt", now());
        var row = repository.close(id, user.agency(), close).orElseThrow(() -> {
            // the agency's reply is not open (any more): say what it is now
            var now = repository.find(id).flatMap(r -> ownReply(replies(r), user.agency()));
            return new BadRequestException(
                    "id",
                    "information request '" + id + "' has been "
                            + now.map(Reply::status).orElse(status.name()).toLowerCase()
                            + " by your agency already");
        });
        return views(List.of(row), Direction.INCOMING, user).get(0);
    }

    /**
     * The requests as the user may see them, checked for need-to-know in one call: the people are
     * shown as the user may see them (placeholders otherwise); the agencies a request is addressed to
     * learn whom it is about, and see their own reply only; the requesting agency sees every reply.
     * Answers and names disclosed this way are audited.
     */
    private List<InformationRequest> views(List<Record> rows, Direction direction, ExplorerPrincipal user) {
        var ids = new LinkedHashSet<String>();
        rows.forEach(r -> {
            ids.add(Views.string(r.get("r"), "concerningId"));
            ids.add(Views.string(r.get("r"), "subjectId"));
        });
        if (rows.isEmpty()) {
            return List.of();
        }
        var visibility = needToKnow.check("informationRequests", ids);
        var people = repository.people(ids);
        var disclosed = new ArrayList<Subject>();
        var result = new ArrayList<InformationRequest>();
        for (var row : rows) {
            var r = row.get("r");
            var subjectId = Views.string(r, "subjectId");
            var replies = replies(row);
            var own = ownReply(replies, user.agency());
            InformationRequest.Subject subject = null;
            var person = people.get(subjectId);
            if (own.isPresent() && person != null) {
                subject = new InformationRequest.Subject(
                        person.id(), person.givenName(), person.familyName(), person.dateOfBirth());
                disclosed.add(new Subject(
                        subjectId,
                        AuditLog.ALLOWED,
                        PURPOSE,
                        "named to a holding agency in request " + Views.string(r, "id"),
                        null));
            } else if (own.isEmpty() && replies.stream().anyMatch(x -> x.answer() != null)) {
                disclosed.add(new Subject(
                        subjectId,
                        AuditLog.ALLOWED,
                        PURPOSE,
                        "answer read by the requesting agency " + "in request " + Views.string(r, "id"),
                        null));
            }
            var shown = own.map(List::of).orElse(replies);
            var last = shown.stream()
                    .filter(x -> x.closedAt() != null)
                    .max(Comparator.comparing(Reply::closedAt))
                    .orElse(null);
            result.add(new InformationRequest(
                    Views.string(r, "id"),
                    own.map(Reply::status).orElse(Views.string(r, "status")),
                    Views.string(r, "fromUser"),
                    agency(Views.string(r, "fromAgency")),
                    replies.stream().map(Reply::agency).toList(),
                    shown(visibility, people, Views.string(r, "concerningId"), "CONCERNING"),
                    shown(visibility, people, subjectId, "REQUESTED_ABOUT"),
                    subject,
                    Views.string(r, "reason"),
                    instant(r, "askedAt"),
                    joined(shown, Reply::answer),
                    joined(shown, Reply::declineReason),
                    last == null ? null : last.closedBy(),
                    last == null ? null : last.agency(),
                    last == null ? null : last.closedAt(),
                    shown));
        }
        if (!disclosed.isEmpty()) {
            audit.record(needToKnow.actor(), "informationRequests", disclosed);
        }
        return result;
    }

    /** The replies of a request's row, one per agency it is addressed to, in the agencies' name order. */
    private static List<Reply> replies(Record row) {
        return row.get("replies")
                .asList(x -> new Reply(
                        AgencyView.from(x.get("agency")),
                        Views.string(x, "status"),
                        Views.string(x, "answer"),
                        Views.string(x, "declineReason"),
                        Views.string(x, "closedBy"),
                        instant(x, "closedAt")));
    }

    /** The reply of the user's agency, when the request is addressed to it. */
    private static Optional<Reply> ownReply(List<Reply> replies, String agency) {
        return agency == null
                ? Optional.empty()
                : replies.stream().filter(x -> x.agency().id().equals(agency)).findFirst();
    }

    /**
     * The texts the replies give (answers, or reasons to decline): a holder's own as it is; to the
     * requesting agency of a request with several holders, each under a line with its agency's name,
     * every line of it quoted ("> "), so that it knows who said what (review 62: one answer alone,
     * beside the latest reply's closing agency, read as that agency's; review 63: a holder's text
     * could hold a line that looked like another agency's heading). {@code replies} gives them apart.
     */
    private static String joined(List<Reply> replies, Function<Reply, String> text) {
        var given = replies.stream().filter(x -> text.apply(x) != null).toList();
        if (replies.size() < 2) {
            return given.isEmpty() ? null : text.apply(given.get(0));
        }
        return given.isEmpty()
                ? null
                : given.stream()
                        .map(x -> x.agency().name() + ":\n"
                                + text.apply(x).lines().map(line -> "> " + line).collect(Collectors.joining("\n")))
                        .collect(Collectors.joining("\n\n"));
    }

    private static PersonView shown(Visibility visibility, Map<String, PersonView> people, String id, String relation) {
        var person = people.get(id);
        if (person != null && visibility.sees(id)) {
            return person;
        }
        return visibility.placeholder(id, new Relation(relation, null, null));
    }

    private AgencyView agency(String id) {
        var agency = redaction.agency(id);
        return agency != null ? agency : id == null ? null : new AgencyView(id, id, null);
    }

    private ExplorerPrincipal user() {
        var user = needToKnow.viewer();
        if (user.agency() == null) {
            throw new BadRequestException(
                    "agency", "information requests are made and answered by agencies; " + "your sign-in names none");
        }
        return user;
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static ZonedDateTime instant(Value map, String key) {
        return map.get(key).isNull() ? null : map.get(key).asZonedDateTime();
    }

    private static void id(String argument, String id) {
        if (id == null || id.isBlank() || id.length() > 200) {
            throw new BadRequestException(argument, "must be a non-blank id of at most 200 characters");
        }
    }

    /** A reason in words: min to max characters once trimmed, and not one character repeated. */
    static String words(String argument, String text, int min, int max) {
        var value = text == null ? "" : text.strip();
        if (value.length() < min || value.length() > max) {
            throw new BadRequestException(argument, "must say why, in " + min + " to " + max + " characters");
        }
        if (value.codePoints()
                        .filter(c -> !Character.isWhitespace(c))
                        .distinct()
                        .count()
                < 2) {
            throw new BadRequestException(argument, "must say why in words, not one character repeated");
        }
        return value;
    }
}
