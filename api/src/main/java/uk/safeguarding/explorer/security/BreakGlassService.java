package uk.safeguarding.explorer.security;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.safeguarding.explorer.audit.AuditLog;
import uk.safeguarding.explorer.audit.AuditLog.Subject;
import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.graph.Views;

/**
 * Break-glass access (the NHS Summary Care Record model, DOMAIN "Information sharing"): a
 * practitioner states a purpose and a reason to see a person their agency has no relationship with,
 * for a limited time (default 24 hours, at most 72). The grant is audited (BREAK_GLASS, with the
 * purpose and reason) before it exists, every look under it is audited as BREAK_GLASS, and each
 * grant waits in the auditor's review queue until reviewed as justified or not; a grant reviewed as
 * not justified ends at once. A reason is at least 20 characters of words, not filler.
 */
@Service
public class BreakGlassService {

    public static final Set<String> PURPOSES =
            Set.of("SECTION_47_ENQUIRY", "STRATEGY_DISCUSSION", "EMERGENCY_PROTECTION", "OTHER");
    public static final int DEFAULT_HOURS = 24;
    public static final int MAX_HOURS = 72;
    static final int MIN_REASON = 20;
    private static final int MAX_REASON = 2_000;

    private final BreakGlassRepository repository;
    private final AuditLog audit;
    private final NeedToKnow needToKnow;
    private final Clock clock;

    BreakGlassService(BreakGlassRepository repository, AuditLog audit, NeedToKnow needToKnow, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.needToKnow = needToKnow;
        this.clock = clock;
    }

    /**
     * A grant on a person named by id, or (with {@code placeholderId}) on the hidden person behind a
     * placeholder that appeared in an answer about {@code personId}, so that nobody needs to type a
     * hidden person's id.
     */
    @PreAuthorize("hasRole('PRACTITIONER')")
    public BreakGlassGrant breakGlass(
            String personId, String placeholderId, String purpose, String reason, Integer hours) {
        if (personId == null || personId.isBlank() || personId.length() > 200) {
            throw new BadRequestException("personId", "must be a non-blank id of at most 200 characters");
        }
        if (placeholderId != null && (placeholderId.isBlank() || placeholderId.length() > 1_000)) {
            throw new BadRequestException("placeholderId", "must be a placeholder id from an answer");
        }
        if (purpose == null || !PURPOSES.contains(purpose)) {
            throw new BadRequestException(
                    "purpose",
                    "must be one of "
                            + String.join(", ", PURPOSES.stream().sorted().toList()));
        }
        var why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON || why.length() > MAX_REASON) {
            throw new BadRequestException(
                    "reason", "must say why, in " + MIN_REASON + " to " + MAX_REASON + " characters");
        }
        if (!saysSomething(why)) {
            throw new BadRequestException(
                    "reason",
                    "must say why in words: not one character repeated, nor only " + "spaces and punctuation");
        }
        var duration = hours == null ? DEFAULT_HOURS : hours;
        if (duration < 1 || duration > MAX_HOURS) {
            throw new BadRequestException("hours", "must be from 1 to " + MAX_HOURS);
        }
        var user = needToKnow.viewer();
        var subjectId = personId;
        if (placeholderId != null) {
            subjectId = needToKnow.hiddenBehind("breakGlass", personId, placeholderId);
        } else if (!repository.personExists(personId)) {
            throw NotFoundException.person(personId);
        }
        var id = UUID.randomUUID().toString();
        // Audited first: if the audit write fails, no grant exists.
        audit.record(needToKnow.actor(), "breakGlass", List.of(Subject.breakGlass(subjectId, purpose, why, id)));
        var now = ZonedDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        var grant = new LinkedHashMap<String, Object>();
        grant.put("id", id);
        grant.put("user", user.username());
        grant.put("agency", user.agency() == null ? "" : user.agency());
        grant.put("role", user.role().name());
        grant.put("subjectId", subjectId);
        grant.put("purpose", purpose);
        grant.put("reason", why);
        grant.put("from", now);
        grant.put("until", now.plusHours(duration));
        return grant(repository.create(grant));
    }

    /**
     * A reason the auditor can read: at least two different letters or digits (so neither
     * "aaaaaaaaaaaaaaaaaaaa" nor "!!!! .... ????" nor "a.a.a.a.a.a.a.a.a.a" passes).
     */
    static boolean saysSomething(String reason) {
        return reason.codePoints()
                        .filter(Character::isLetterOrDigit)
                        .map(Character::toLowerCase)
                        .distinct()
                        .limit(2)
                        .count()
                == 2;
    }

    /** The signed-in user's grants still running. */
    @PreAuthorize("hasAnyRole('PRACTITIONER', 'MEETING_CHAIR')")
    public List<BreakGlassGrant> mine() {
        var user = needToKnow.viewer();
        return grants(user.username(), user.agency() == null ? "" : user.agency(), null, null, 100);
    }

    /** The auditor's review queue: unreviewed grants oldest first, or reviewed ones newest first. */
    @PreAuthorize("hasRole('AUDITOR')")
    public List<BreakGlassGrant> queue(Boolean reviewed, Integer first) {
        var limit = first == null ? 50 : first;
        if (limit < 1 || limit > 500) {
            throw new BadRequestException("first", "must be from 1 to 500");
        }
        return grants(null, null, reviewed == null ? Boolean.FALSE : reviewed, null, limit);
    }

    @PreAuthorize("hasRole('AUDITOR')")
    public BreakGlassGrant review(String grantId, String outcome, String note) {
        if (grantId == null || grantId.isBlank() || grantId.length() > 200) {
            throw new BadRequestException("grantId", "must be a non-blank id of at most 200 characters");
        }
        if (!"JUSTIFIED".equals(outcome) && !"NOT_JUSTIFIED".equals(outcome)) {
            throw new BadRequestException("outcome", "must be JUSTIFIED or NOT_JUSTIFIED");
        }
        if (note != null && note.length() > MAX_REASON) {
            throw new BadRequestException("note", "must be at most " + MAX_REASON + " characters");
        }
        var existing = grants(null, null, null, grantId, 1);
        if (existing.isEmpty()) {
            throw NotFoundException.of("break-glass grant", grantId);
        }
        if (existing.get(0).review() != null) {
            throw new BadRequestException("grantId", "grant '" + grantId + "' has been reviewed already");
        }
        var actor = needToKnow.actor();
        audit.record(
                actor,
                "reviewBreakGlass",
                List.of(new Subject(
                        existing.get(0).subjectId(),
                        AuditLog.ALLOWED,
                        "REVIEW",
                        outcome + (note == null || note.isBlank() ? "" : ": " + note.strip()),
                        grantId)));
        var review = new LinkedHashMap<String, Object>();
        review.put("id", UUID.randomUUID().toString());
        review.put("reviewer", actor.user());
        review.put("at", ZonedDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
        review.put("outcome", outcome);
        review.put("note", note == null || note.isBlank() ? null : note.strip());
        return grant(repository
                .review(grantId, review)
                .orElseThrow(
                        () -> new BadRequestException("grantId", "grant '" + grantId + "' has been reviewed already")));
    }

    private List<BreakGlassGrant> grants(String user, String agency, Boolean reviewed, String id, int first) {
        return repository.grants(user, agency, reviewed, id, ZonedDateTime.now(clock), first).stream()
                .map(this::grant)
                .toList();
    }

    private BreakGlassGrant grant(Record row) {
        var g = row.get("g");
        var r = row.get("review");
        var until = g.get("until").asZonedDateTime();
        return new BreakGlassGrant(
                Views.string(g, "id"),
                Views.string(g, "user"),
                Views.string(g, "agency"),
                Views.string(g, "role"),
                Views.string(g, "subjectId"),
                Views.string(g, "purpose"),
                Views.string(g, "reason"),
                g.get("from").asZonedDateTime(),
                until,
                until.isAfter(ZonedDateTime.now(clock)),
                row.get("uses").asLong(),
                r.isNull() ? null : review(r));
    }

    private static BreakGlassGrant.Review review(Value r) {
        return new BreakGlassGrant.Review(
                Views.string(r, "id"),
                Views.string(r, "reviewer"),
                r.get("at").asZonedDateTime(),
                Views.string(r, "outcome"),
                Views.string(r, "note"));
    }
}
