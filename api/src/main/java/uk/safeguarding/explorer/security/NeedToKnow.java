package uk.safeguarding.explorer.security;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import uk.safeguarding.explorer.audit.AuditLog;
import uk.safeguarding.explorer.audit.AuditLog.Subject;
import uk.safeguarding.explorer.config.ExplorerModeEnvironmentPostProcessor;
import uk.safeguarding.explorer.errors.NotFoundException;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * Which people the signed-in user may see on a day (DESIGN §7, need-to-know). A practitioner sees a
 * person when their agency has a legitimate relationship on that day: a current involvement with
 * the person or anyone in their family or household, a meeting about them it attended or was
 * invited to, or a referral it made about them. A meeting chair sees everyone concerned by a
 * meeting and their family and household. Beyond that, a user who broke the glass (a stated
 * purpose and reason, {@code breakGlass}) sees the person named and their family and household
 * until the grant expires; every such look is audited as BREAK_GLASS. An administrator sees
 * everyone in local mode only (the demo users exist nowhere else); in production no role sees
 * everything, and an auditor sees no case data. A person the user may not see is answered exactly
 * as an unknown id, and left out wherever else they would appear.
 */
@Component
public class NeedToKnow {

    private final Graph graph;
    private final AuditLog audit;
    private final Clock clock;
    private final boolean local;

    NeedToKnow(Graph graph, AuditLog audit, Clock clock, @Value("${explorer.mode}") String mode) {
        this.graph = graph;
        this.audit = audit;
        this.clock = clock;
        this.local = ExplorerModeEnvironmentPostProcessor.LOCAL.equals(mode);
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
            return new AuditLog.Actor(user.username(), user.agency(), user.role().name());
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

    /**
     * The given people the user may see on the day; every one of them is recorded in the audit log,
     * ALLOWED, BREAK_GLASS or DENIED, before anything is returned.
     */
    public Set<String> visible(String operation, Collection<String> ids, LocalDate asOf) {
        var user = viewer();
        var all = new LinkedHashSet<>(ids);
        var subjects = new ArrayList<Subject>();
        var visible = new HashSet<String>();
        if (user.role() == Role.ADMIN) {
            all.forEach(id -> subjects.add(Subject.allowed(id)));
            visible.addAll(all);
        } else if (!all.isEmpty()) {
            var rows = graph.read("queries/visible-people", Map.of("ids", List.copyOf(all), "asOf", asOf,
                    "chair", user.role() == Role.MEETING_CHAIR, "agency", user.agency() == null ? "" : user.agency(),
                    "user", user.username(), "now", ZonedDateTime.now(clock)), r -> r);
            for (var row : rows) {
                var id = row.get("id").asString();
                visible.add(id);
                subjects.add(row.get("related").asBoolean() ? Subject.allowed(id)
                        : Subject.breakGlass(id, row.get("purpose").asString(), row.get("reason").asString(),
                                row.get("grantId").asString()));
            }
            all.stream().filter(id -> !visible.contains(id)).forEach(id -> subjects.add(Subject.denied(id)));
        }
        if (!subjects.isEmpty()) {
            audit.record(actor(), operation, subjects);
        }
        return visible;
    }

    /** Refuses, as an unknown id would be refused, a person the user may not see. */
    public void require(String operation, String personId, LocalDate asOf) {
        if (!visible(operation, List.of(personId), asOf).contains(personId)) {
            throw NotFoundException.person(personId);
        }
    }
}
