package uk.safeguarding.explorer.security;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import uk.safeguarding.explorer.audit.AuditLog;
import uk.safeguarding.explorer.audit.AuditLog.Subject;
import uk.safeguarding.explorer.config.ExplorerModeEnvironmentPostProcessor;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.model.AgencyType;
import uk.safeguarding.explorer.model.access.NeedToKnowRules;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.neo4j.Parameters;
import uk.safeguarding.explorer.neo4j.PlanBuckets;
import uk.safeguarding.explorer.observability.ServerTiming;
import uk.safeguarding.explorer.observability.ServerTiming.Phase;

/**
 * Which people the signed-in user may see (DESIGN §7, "Need-to-know"). It is judged on today (the
 * injected clock, Europe/London), never on a query's as-of date: an agency that may see a person
 * today sees their whole history, and one that may not sees nothing of them at any date.
 *
 * <p>A practitioner's agency has a relationship with a person through a current involvement (or one
 * that ended within {@code EXPLORER_RELATIONSHIP_GRACE_MONTHS}, default 12), a meeting it attended
 * or was invited to, or a referral it made from its own systems; a meeting chair through the
 * meetings their agency attended or was invited to. Nothing recorded through the API makes a
 * relationship. A relationship lets the user see the person's circle (parents, siblings, partners,
 * children, current household); for children's social care, police and meeting chairs, a
 * relationship with a child lets them see the child's wider network too (see
 * {@code queries/visible-people.cypher}). A break-glass grant lets the user see the person named and
 * their circle until it expires. An administrator sees everyone in local mode only; an auditor sees
 * no case data.
 *
 * <p>Services compute their raw answer, collect every person it touches, and call {@link #check}
 * once: the decision for each person is made by one query and kept for the rest of the HTTP request
 * (nested fields never ask again), and every person checked is recorded in the audit log, ALLOWED,
 * BREAK_GLASS or DENIED, before the answer leaves. A person the user may not see is answered
 * exactly as an unknown id when asked for, and shown as a placeholder inside other answers
 * ({@link Visibility#placeholder}).
 */
@Component
public class NeedToKnow {

    private static final String CACHE = NeedToKnow.class.getName() + ".decisions";
    private static final Logger LOG = LoggerFactory.getLogger(NeedToKnow.class);

    /** The decision about one person for the user of the request. */
    record Decision(boolean visible, String grantId, String purpose, String reason) {

        static final Decision RELATED = new Decision(true, null, null, null);
        static final Decision HIDDEN = new Decision(false, null, null, null);
    }

    /** Decisions and holders kept for one HTTP request (one user). */
    static final class RequestDecisions {
        final String user;
        final Map<String, Decision> decisions = new ConcurrentHashMap<>();
        final Map<String, List<AgencyView>> holders = new ConcurrentHashMap<>();

        RequestDecisions(String user) {
            this.user = user;
        }
    }

    private final Graph graph;
    private final AuditLog audit;
    private final Clock clock;
    private final Redaction redaction;
    private final Placeholders placeholders;
    private final boolean local;
    private final int graceMonths;
    private final AtomicLong visibilityQueries = new AtomicLong();

    NeedToKnow(
            Graph graph,
            AuditLog audit,
            Clock clock,
            Redaction redaction,
            Placeholders placeholders,
            @Value("${explorer.mode}") String mode,
            @Value("${explorer.relationship-grace-months:" + NeedToKnowRules.DEFAULT_GRACE_MONTHS + "}")
                    int graceMonths) {
        this.graph = graph;
        this.audit = audit;
        this.clock = clock;
        this.redaction = redaction;
        this.placeholders = placeholders;
        this.local = ExplorerModeEnvironmentPostProcessor.LOCAL.equals(mode);
        // checked at start-up: a typo must not open or close doors silently
        NeedToKnowRules.involvementEndedOnOrAfter(LocalDate.now(clock), graceMonths);
        this.graceMonths = graceMonths;
    }

    /** The signed-in explorer user, or null. */
    public static ExplorerPrincipal principal() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ExplorerPrincipal user ? user : null;
    }

    /** The signed-in user as the audit log names them. */
    public AuditLog.Actor actor() {
        var user = principal();
        if (user != null) {
            return new AuditLog.Actor(
                    user.username(), user.agency(), user.role().name());
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return new AuditLog.Actor(authentication == null ? null : authentication.getName(), null, null);
    }

    /** The signed-in user, or an exception when there is none that may see case data. */
    public ExplorerPrincipal viewer() {
        var user = principal();
        if (user == null) {
            throw new AccessDeniedException("not signed in as an explorer user");
        }
        if (user.role() == Role.AUDITOR) {
            throw new AccessDeniedException("auditors see the audit log, not case data");
        }
        if (user.role() == Role.DATA_STEWARD) {
            throw new AccessDeniedException("data stewards see matching fields, not case data");
        }
        if (user.role() == Role.ADMIN && !local) {
            throw new AccessDeniedException("administrators see no case data in production");
        }
        return user;
    }

    /** The day need-to-know is judged on: today in Europe/London. */
    public LocalDate today() {
        return NeedToKnowRules.today(clock);
    }

    /**
     * Decides, once per request, which of the people an answer found the user may see, and records
     * every one of them in the audit log for the operation before anything is returned. The hidden
     * ones are recorded but not counted against the request's limit of people
     * ({@code EXPLORER_AUDIT_MAX_SUBJECTS_PER_REQUEST}): whether the database found a hidden person
     * can turn on a day the user may not learn (a birth day, an 18th birthday), and a refusal says
     * how many people were counted.
     */
    public Visibility check(String operation, Collection<String> found) {
        return checkAsked(operation, List.of(), found, null);
    }

    /**
     * The same for people the request named ({@code asked}: ids given as arguments, which count
     * against the limit whatever the decision) and the people the answer found around them.
     * {@code detail}, when given, is what the operation was about, written on every event as its
     * reason (an export's as-of day); after a break-glass grant's own reason when there is one.
     */
    public Visibility checkAsked(String operation, Collection<String> asked, Collection<String> found, String detail) {
        var user = viewer();
        var all = new LinkedHashSet<String>();
        asked.stream().filter(Objects::nonNull).forEach(all::add);
        found.stream().filter(Objects::nonNull).forEach(all::add);
        var decisions = decide(user, all);
        if (!all.isEmpty()) {
            audit.record(
                    actor(),
                    operation,
                    subjects(all, decisions).stream()
                            .map(s -> s.withDetail(detail))
                            .toList(),
                    foundHidden(all, new HashSet<>(asked), decisions));
        }
        return new Visibility(this, user, today(), decisions, cache(user));
    }

    /**
     * Decides which of the people the user may see, recording nothing: only to work out what an
     * answer is (which flags stand for the reader, which people a network keeps), whose people are
     * then checked and recorded with {@link #check}. Counting the people of a raw answer instead would
     * count someone found only through a hidden newborn from the newborn's birth day.
     */
    public Visibility decide(Collection<String> ids) {
        var user = viewer();
        var asked = new LinkedHashSet<String>();
        ids.stream().filter(Objects::nonNull).forEach(asked::add);
        return new Visibility(this, user, today(), decide(user, asked), cache(user));
    }

    /**
     * The same for an answer about subjects (a person, both ends of a connection) and the people it
     * found: the first subject the user may not see is refused, and recorded, exactly as an unknown id
     * ({@link #check(String, List, Collection)}); otherwise nothing is recorded yet.
     */
    public Visibility decide(String operation, List<String> subjects, Collection<String> others) {
        var everyone = new LinkedHashSet<String>(subjects);
        others.stream().filter(Objects::nonNull).forEach(everyone::add);
        var decided = decide(everyone);
        if (!subjects.stream().allMatch(decided::sees)) {
            check(operation, subjects, List.of());
        }
        return decided;
    }

    /**
     * The same for a write (a recording mutation) about the people it names: refusals are recorded
     * in the audit log now, not counted against the request's limit (one per hidden person past 500
     * are recorded together): a write refused about people found around the one named (the residents
     * of an address) would otherwise tell how many hidden people there are. What the write does is
     * recorded by the write itself, once.
     */
    public Visibility checkWrite(String operation, Collection<String> ids) {
        var user = viewer();
        var asked = new LinkedHashSet<String>();
        ids.stream().filter(Objects::nonNull).forEach(asked::add);
        var decisions = decide(user, asked);
        var denied = asked.stream()
                .filter(id -> !decisions.get(id).visible())
                .map(Subject::denied)
                .toList();
        if (!denied.isEmpty()) {
            audit.record(
                    actor(),
                    operation,
                    denied,
                    denied.stream().map(Subject::id).collect(java.util.stream.Collectors.toSet()));
        }
        return new Visibility(this, user, today(), decisions, cache(user));
    }

    /**
     * The audit subjects of a write the user was allowed about the people it touches: each as
     * need-to-know, or, for someone the user sees only under a break-glass grant, as done under that
     * grant (its purpose and id), so that the grant's review counts the write among its uses (hostile
     * review 61: writes under a grant were recorded as need-to-know, and the auditor never saw them).
     * The decisions are this request's (checked already by the write): nothing is recorded here.
     * Someone the write touches whom the user may not see is left out: the check before the write
     * ({@link #checkWrite}) recorded them as DENIED, and a write is never recorded as allowed about
     * them (review 88: an action for nobody was recorded as completed about everyone its meeting
     * concerned, people hidden from the writer among them).
     */
    public List<Subject> writeSubjects(Collection<String> ids, String reason) {
        var asked = new LinkedHashSet<String>();
        ids.stream().filter(Objects::nonNull).forEach(asked::add);
        if (asked.isEmpty()) {
            return Subject.each(List.of(), AuditLog.ALLOWED, reason);
        }
        var decisions = decide(viewer(), asked);
        var subjects = new ArrayList<Subject>();
        for (var id : asked) {
            var decision = decisions.get(id);
            if (!decision.visible()) {
                continue;
            }
            subjects.add(
                    decision.grantId() == null
                            ? Subject.allowed(id, reason)
                            : Subject.breakGlass(id, decision.purpose(), reason, decision.grantId()));
        }
        return subjects.isEmpty() ? Subject.each(List.of(), AuditLog.ALLOWED, reason) : subjects;
    }

    /**
     * The same for an answer about a subject: when the user may not see the subject, the refusal is
     * recorded and the answer is exactly that of an unknown id (NOT_FOUND), whatever else it touched.
     */
    public Visibility check(String operation, String subjectId, Collection<String> others) {
        return check(operation, List.of(subjectId), others);
    }

    /**
     * The same for an answer about several subjects (both ends of a connection): the first the user
     * may not see is refused, and recorded, exactly as an unknown id; nothing else is recorded then.
     */
    public Visibility check(String operation, List<String> subjects, Collection<String> others) {
        var user = viewer();
        var asked = new LinkedHashSet<String>(subjects);
        others.stream().filter(Objects::nonNull).forEach(asked::add);
        var decisions = decide(user, asked);
        for (var subject : subjects) {
            if (!decisions.get(subject).visible()) {
                audit.record(actor(), operation, List.of(Subject.denied(subject)));
                throw NotFoundException.person(subject);
            }
        }
        audit.record(
                actor(), operation, subjects(asked, decisions), foundHidden(asked, new HashSet<>(subjects), decisions));
        return new Visibility(this, user, today(), decisions, cache(user));
    }

    /** Refuses, as an unknown id would be refused, a person the user may not see. */
    public Visibility require(String operation, String personId) {
        return check(operation, personId, List.of());
    }

    /**
     * The hidden person behind a placeholder that appeared in an answer about a person the user may
     * see ({@code personId}): the person must be one the user may see (else NOT_FOUND, as unknown),
     * the placeholder must have been made for this user today and lead to someone near that person
     * (else NOT_FOUND, as an unknown id).
     */
    public String hiddenBehind(String operation, String personId, String placeholderId) {
        require(operation, personId);
        var user = viewer();
        var hidden = placeholders
                .personId(user, today(), placeholderId)
                .filter(id -> !id.equals(personId))
                .filter(id ->
                        graph
                                .read(
                                        "queries/near",
                                        Map.of("id", personId, "otherId", id),
                                        r -> r.get("near").asBoolean())
                                .stream()
                                .findFirst()
                                .orElse(false));
        return hidden.orElseThrow(() -> NotFoundException.person(placeholderId));
    }

    /**
     * Plans the need-to-know queries at start-up (deciding about nobody), for each size of list a
     * request asks about ({@link PlanBuckets}), so that the first users do not wait for Neo4j to plan
     * them: they run on every request. Called by the start-up warm-up.
     */
    public void warmUp() {
        var today = today();
        for (var ids : PlanBuckets.NOBODY) {
            // a user of no agency or of one; user names short and long
            for (var agency : List.of("", PlanBuckets.text(3))) {
                for (var length : PlanBuckets.NAME_LENGTHS) {
                    var parameters = Parameters.with("ids", ids)
                            .and("agency", agency)
                            .and("user", PlanBuckets.text(length))
                            .and("chair", false)
                            .and("wide", true)
                            .and("today", today)
                            .and(
                                    "involvementEndedOnOrAfter",
                                    NeedToKnowRules.involvementEndedOnOrAfter(today, graceMonths))
                            .and("now", ZonedDateTime.now(clock));
                    graph.read("queries/visible-people", parameters, r -> r);
                }
            }
            graph.read(
                    "queries/holders", Map.of("ids", ids, "today", today, "involvementEndedOnOrAfter", today), r -> r);
        }
    }

    /** How many visibility queries this instance ran: lets tests check that a request costs one. */
    public long visibilityQueries() {
        return visibilityQueries.get();
    }

    private Map<String, Decision> decide(ExplorerPrincipal user, Collection<String> ids) {
        return ServerTiming.time(Phase.NTK, () -> decided(user, ids));
    }

    private Map<String, Decision> decided(ExplorerPrincipal user, Collection<String> ids) {
        var cache = cache(user);
        var missing = ids.stream()
                .filter(id -> cache == null || !cache.decisions.containsKey(id))
                .toList();
        var fresh = missing.isEmpty() ? Map.<String, Decision>of() : query(user, missing);
        var result = new LinkedHashMap<String, Decision>();
        for (var id : ids) {
            var decision = fresh.containsKey(id) ? fresh.get(id) : cache == null ? null : cache.decisions.get(id);
            result.put(id, decision == null ? Decision.HIDDEN : decision);
        }
        if (cache != null) {
            cache.decisions.putAll(fresh);
        }
        return result;
    }

    private Map<String, Decision> query(ExplorerPrincipal user, List<String> ids) {
        var result = new HashMap<String, Decision>();
        if (user.role() == Role.ADMIN) {
            ids.forEach(id -> result.put(id, Decision.RELATED));
            return result;
        }
        ids.forEach(id -> result.put(id, Decision.HIDDEN));
        var agency = user.agency() == null ? "" : user.agency();
        var agencyView = redaction.agency(user.agency());
        var type = agencyView == null || agencyView.type() == null ? null : AgencyType.valueOf(agencyView.type());
        var chair = user.role() == Role.MEETING_CHAIR;
        var today = today();
        var parameters = Parameters.with("ids", ids)
                .and("agency", agency)
                .and("user", user.username())
                .and("chair", chair)
                .and("wide", NeedToKnowRules.seesChildNetwork(type, chair))
                .and("today", today)
                .and("involvementEndedOnOrAfter", NeedToKnowRules.involvementEndedOnOrAfter(today, graceMonths))
                .and("now", ZonedDateTime.now(clock));
        visibilityQueries.incrementAndGet();
        for (var row : graph.read("queries/visible-people", parameters, r -> r)) {
            var id = row.get("id").asString();
            if (row.get("related").asBoolean()) {
                result.put(id, Decision.RELATED);
            } else {
                // the grant that runs longest
                var grant = row
                        .get("grants")
                        .asList(g -> Map.entry(
                                g.get("until").asZonedDateTime(),
                                new Decision(
                                        true,
                                        g.get("id").asString(),
                                        g.get("purpose").asString(),
                                        g.get("reason").asString())))
                        .stream()
                        .max(Map.Entry.comparingByKey())
                        .orElseThrow()
                        .getValue();
                result.put(id, grant);
            }
        }
        return result;
    }

    /** The agencies holding information about hidden people, loaded once per request for all of them. */
    List<AgencyView> holders(RequestDecisions cache, Collection<String> hiddenIds, String id) {
        if (cache != null && cache.holders.containsKey(id)) {
            return cache.holders.get(id);
        }
        var missing = hiddenIds.stream()
                .filter(h -> cache == null || !cache.holders.containsKey(h))
                .toList();
        var today = today();
        var loaded = new HashMap<String, List<AgencyView>>();
        missing.forEach(h -> loaded.put(h, List.of()));
        if (!missing.isEmpty()) {
            ServerTiming.time(
                            Phase.NTK,
                            () -> graph.read(
                                    "queries/holders",
                                    Map.of(
                                            "ids",
                                            missing,
                                            "today",
                                            today,
                                            "involvementEndedOnOrAfter",
                                            NeedToKnowRules.involvementEndedOnOrAfter(today, graceMonths)),
                                    r -> r))
                    .forEach(r -> loaded.put(
                            r.get("id").asString(),
                            r.get("holders").asList(AgencyView::from).stream()
                                    .sorted(Comparator.comparing(AgencyView::name))
                                    .toList()));
        }
        if (cache != null) {
            cache.holders.putAll(loaded);
        }
        return loaded.getOrDefault(id, List.of());
    }

    String placeholderId(ExplorerPrincipal user, LocalDate day, String personId) {
        return placeholders.idFor(user, day, personId);
    }

    /** The people the user may not see among those the answer found, not named by the request. */
    private static Set<String> foundHidden(Collection<String> ids, Set<String> asked, Map<String, Decision> decisions) {
        var hidden = new HashSet<String>();
        for (var id : ids) {
            if (!asked.contains(id) && !decisions.get(id).visible()) {
                hidden.add(id);
            }
        }
        return hidden;
    }

    private static List<Subject> subjects(Collection<String> ids, Map<String, Decision> decisions) {
        var subjects = new ArrayList<Subject>();
        for (var id : ids) {
            var decision = decisions.get(id);
            subjects.add(
                    !decision.visible()
                            ? Subject.denied(id)
                            : decision.grantId() == null
                                    ? Subject.allowed(id)
                                    : Subject.breakGlass(
                                            id, decision.purpose(), decision.reason(), decision.grantId()));
        }
        return subjects;
    }

    /** The decisions of the current HTTP request, or null outside one (then nothing is kept). */
    private static RequestDecisions cache(ExplorerPrincipal user) {
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return null;
        }
        var cached = attributes.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
        if (cached instanceof RequestDecisions decisions && decisions.user.equals(user.username())) {
            return decisions;
        }
        var decisions = new RequestDecisions(user.username());
        attributes.setAttribute(CACHE, decisions, RequestAttributes.SCOPE_REQUEST);
        return decisions;
    }
}
