package uk.safeguarding.explorer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What one request may record: the people it names and shows count against its limit; hidden people
 * an answer only found are recorded without counting, one by one up to the limit and then together.
 */
class RequestAuditTests {

    private static AuditDraft draft(String operation, String subjectId, String outcome) {
        return new AuditDraft(
                subjectId + "-" + operation,
                ZonedDateTime.parse("2026-12-01T10:00:00Z"),
                "teacher",
                "school",
                "PRACTITIONER",
                operation,
                subjectId,
                List.of(operation),
                "NEED_TO_KNOW",
                null,
                outcome,
                "request-1",
                null);
    }

    private static List<AuditDraft> drafts(String operation, String prefix, int n, String outcome) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> draft(operation, prefix + i, outcome))
                .toList();
    }

    private static Set<String> ids(List<AuditDraft> drafts) {
        var ids = new HashSet<String>();
        drafts.forEach(d -> ids.add(d.subjectId()));
        return ids;
    }

    @Test
    void hiddenPeopleAnAnswerFoundAreRecordedWithoutCounting() {
        var audit = new RequestAudit(10);
        var hidden = drafts("riskFlags", "h-", 8, AuditLog.DENIED);
        audit.add(hidden, ids(hidden));
        // ten people shown still fit: the eight hidden ones did not count
        audit.add(drafts("riskFlags", "v-", 10, AuditLog.ALLOWED), Set.of());
        assertThat(audit.takePending()).hasSize(18);
        assertThatThrownBy(() -> audit.add(List.of(draft("riskFlags", "v-11", AuditLog.ALLOWED)), Set.of()))
                .isInstanceOf(TooManySubjectsException.class);
        assertThat(audit.refusedAt()).isEqualTo(11);
    }

    @Test
    void pastTheLimitTheFoundHiddenPeopleAreRecordedTogether() {
        var audit = new RequestAudit(10);
        var hidden = drafts("triageQueue", "h-", 25, AuditLog.DENIED);
        audit.add(hidden, ids(hidden));
        var more = drafts("riskFlags", "g-", 3, AuditLog.DENIED);
        audit.add(more, ids(more));
        var events = audit.takePending();
        // ten one by one, then one event per operation saying how many more
        assertThat(events.stream().filter(e -> e.subjectId() != null)).hasSize(10);
        assertThat(events.stream().filter(e -> e.subjectId() == null).map(e -> e.operation() + ": " + e.reason()))
                .containsExactly(
                        "triageQueue: 15 more people the answer found and did not show (people the user may not "
                                + "see, recorded together)",
                        "riskFlags: 3 more people the answer found and did not show (people the user may not "
                                + "see, recorded together)");
        assertThat(audit.takePending()).isEmpty();
    }

    @Test
    void aPersonNamedIsCountedEvenWhenHidden() {
        var audit = new RequestAudit(3);
        audit.add(drafts("export:PNG", "u-", 3, AuditLog.DENIED), Set.of());
        assertThatThrownBy(() -> audit.add(List.of(draft("export:PNG", "u-4", AuditLog.DENIED)), Set.of()))
                .isInstanceOf(TooManySubjectsException.class);
    }
}
