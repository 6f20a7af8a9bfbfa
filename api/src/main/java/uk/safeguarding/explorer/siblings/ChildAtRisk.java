package uk.safeguarding.explorer.siblings;

import java.time.LocalDate;
import java.util.List;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.PersonView;

/**
 * A child exposed to the same source of harm as the subject (contract type {@code ChildAtRisk}):
 * every way the child is linked to the subject, whether an assessment of the child started on or
 * after the concern began, a current protection plan, and the agencies involved now.
 *
 * @param concern whether a concern about the subject had begun on the as-of day ({@code null} in a
 *     meeting's snapshot frozen before this was kept: then an unassessed child reads as before)
 */
public record ChildAtRisk(
        PersonView child,
        List<RiskLink> links,
        boolean assessed,
        LocalDate latestAssessmentOn,
        boolean onProtectionPlan,
        List<AgencyView> agencies,
        Boolean concern) {

    /**
     * Whether an assessment of the child is due and has not started: a concern about the subject had
     * begun on the as-of day and no assessment of the child has started since. Before any concern
     * nothing is due, whatever {@link #assessed} says (which then counts any assessment).
     */
    public boolean notAssessed() {
        return !assessed && !Boolean.FALSE.equals(concern);
    }
}
