package uk.safeguarding.explorer.security;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import uk.safeguarding.explorer.audit.AuditLog;
import uk.safeguarding.explorer.graphql.NotFoundException;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * Which people the signed-in user may see on a day (DESIGN §7, need-to-know). A practitioner sees a
 * person when their agency has a legitimate relationship on that day: a current involvement with
 * the person or anyone in their family or household, a meeting about them it attended or was
 * invited to, or a referral it made about them. A meeting chair sees everyone concerned by a
 * meeting and their family and household. An administrator sees everyone (local mode only: the
 * demo users exist nowhere else); an auditor sees no case data. A person the user may not see is
 * answered exactly as an unknown id, and left out wherever else they would appear.
 */
@Component
public class NeedToKnow {

    private final Graph graph;
    private final AuditLog audit;

    NeedToKnow(Graph graph, AuditLog audit) {
        this.graph = graph;
        this.audit = audit;
    }

    /** The signed-in user as the audit log names them. */
    public AuditLog.Actor actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ExplorerUser user) {
            return new AuditLog.Actor(user.getUsername(), user.agency(), user.role().name());
        }
        return new AuditLog.Actor(authentication == null ? null : authentication.getName(), null, null);
    }

    /** The signed-in user, or an exception when there is none that may see case data. */
    public ExplorerUser viewer() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ExplorerUser user)) {
            throw new AccessDeniedException("not signed in as an explorer user");
        }
        if (user.role() == Role.AUDITOR) {
            throw new AccessDeniedException("auditors see the audit log, not case data");
        }
        return user;
    }

    /**
     * The given people the user may see on the day; every one of them is recorded in the audit log,
     * ALLOWED or DENIED, before anything is returned.
     */
    public Set<String> visible(String operation, Collection<String> ids, LocalDate asOf) {
        var user = viewer();
        var all = new HashSet<>(ids);
        Set<String> visible;
        if (user.role() == Role.ADMIN || all.isEmpty()) {
            visible = all;
        } else {
            visible = new HashSet<>(graph.read("queries/visible-people", Map.of("ids", List.copyOf(all),
                    "asOf", asOf, "chair", user.role() == Role.MEETING_CHAIR,
                    "agency", user.agency() == null ? "" : user.agency()), r -> r.get("id").asString()));
        }
        if (!all.isEmpty()) {
            var denied = new HashSet<>(all);
            denied.removeAll(visible);
            audit.record(actor(), operation, visible, denied, null);
        }
        return visible;
    }

    /** Refuses, as an unknown id would be refused, a person the user may not see. */
    public void require(String operation, String personId, LocalDate asOf) {
        if (!visible(operation, List.of(personId), asOf).contains(personId)) {
            throw new NotFoundException("No person with id '" + personId + "'");
        }
    }
}
