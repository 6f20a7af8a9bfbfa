package uk.safeguarding.explorer.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The audit events of one HTTP request, collected while it runs and appended together before its
 * answer is written ({@link AuditInterceptor} for GraphQL, {@link AuditFilter} for the REST
 * endpoints). The same event recorded twice (two aliases, two fields about one person) is kept
 * once. A request may name at most {@code maxSubjects} distinct people: past that it is refused
 * whole. In a GraphQL mutation every event is appended as soon as it is recorded, so that a write
 * never happens before the event that records it is durable.
 */
final class RequestAudit {

    static final String ATTRIBUTE = RequestAudit.class.getName();

    private final String requestId = UUID.randomUUID().toString();
    private final int maxSubjects;
    private final Map<List<Object>, AuditDraft> pending = new LinkedHashMap<>();
    private final Set<List<Object>> appended = new HashSet<>();
    private final Set<String> subjects = new HashSet<>();
    private final Set<String> foundHidden = new HashSet<>();
    private final Map<List<Object>, AuditDraft> folded = new LinkedHashMap<>();
    private final Map<List<Object>, Long> foldedCounts = new LinkedHashMap<>();
    private boolean mutation;
    private boolean failed;
    private long refusedAt = -1;
    private AuditLog.Actor refusedBy = new AuditLog.Actor(null, null, null);

    RequestAudit(int maxSubjects) {
        this.maxSubjects = maxSubjects;
    }

    /** The audit of the request the current thread is serving, or null outside a request. */
    static RequestAudit current() {
        var attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null
                ? null
                : (RequestAudit) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }

    String requestId() {
        return requestId;
    }

    int maxSubjects() {
        return maxSubjects;
    }

    synchronized void mutation() {
        mutation = true;
    }

    synchronized boolean isMutation() {
        return mutation;
    }

    /** An append of this request's events failed: the request answers no data. */
    synchronized void failed() {
        failed = true;
    }

    synchronized boolean hasFailed() {
        return failed;
    }

    /**
     * Adds the events; refuses them all, and the request from then on, when they would take the
     * request past the number of people it may name. The people in {@code notCounted} are recorded
     * but do not count: hidden people an answer found around those it was asked about (whether they
     * are there can turn on a birth day the user may not learn, and a refusal says how many were
     * counted). Past {@code maxSubjects} of those in one request, the rest are recorded together, one
     * event per operation saying how many ({@link AuditDraft#folded}): an area-wide question of a
     * reader who may see few people would otherwise write an event for everyone it looked at.
     */
    synchronized void add(List<AuditDraft> drafts, Set<String> notCounted) {
        if (refusedAt >= 0) {
            throw new TooManySubjectsException(maxSubjects);
        }
        var fresh = new HashSet<String>();
        for (var draft : drafts) {
            if (draft.subjectId() != null
                    && !notCounted.contains(draft.subjectId())
                    && !subjects.contains(draft.subjectId())) {
                fresh.add(draft.subjectId());
            }
        }
        if (subjects.size() + fresh.size() > maxSubjects) {
            refusedAt = subjects.size() + (long) fresh.size();
            throw new TooManySubjectsException(maxSubjects);
        }
        subjects.addAll(fresh);
        for (var draft : drafts) {
            var id = draft.subjectId();
            if (id != null && notCounted.contains(id) && !subjects.contains(id) && !foundHidden.contains(id)) {
                if (foundHidden.size() >= maxSubjects) {
                    var key = List.<Object>of(draft.operation(), draft.outcome());
                    folded.putIfAbsent(key, draft);
                    foldedCounts.merge(key, 1L, Long::sum);
                    continue;
                }
                foundHidden.add(id);
            }
            var same = draft.sameness();
            if (!appended.contains(same)) {
                pending.putIfAbsent(same, draft);
            }
        }
    }

    /** Whether the request was refused for naming too many people; how many it had reached then. */
    synchronized long refusedAt() {
        return refusedAt;
    }

    /** Who made the request that was refused. */
    synchronized void refusedBy(AuditLog.Actor actor) {
        refusedBy = actor;
    }

    synchronized AuditLog.Actor refusedBy() {
        return refusedBy;
    }

    /** The events not appended yet, handed over to be appended (they will not be handed over again). */
    synchronized List<AuditDraft> takePending() {
        var drafts = new ArrayList<>(pending.values());
        foldedCounts.forEach((key, n) -> drafts.add(folded.get(key).folded(n)));
        foldedCounts.clear();
        appended.addAll(pending.keySet());
        pending.clear();
        return drafts;
    }

    /** Drops the events not appended yet: they describe reads whose answer is never sent. */
    synchronized void discardPending() {
        pending.clear();
        foldedCounts.clear();
    }
}
