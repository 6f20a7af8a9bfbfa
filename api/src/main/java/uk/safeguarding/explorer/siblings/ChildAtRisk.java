package uk.safeguarding.explorer.siblings;

import java.time.LocalDate;
import java.util.List;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.PersonView;

/**
 * A child exposed to the same source of harm as the subject (contract type {@code ChildAtRisk}):
 * every way the child is linked to the subject, whether an assessment of the child started on or
 * after the concern began, a current protection plan, and the agencies involved now.
 */
public record ChildAtRisk(
        PersonView child,
        List<RiskLink> links,
        boolean assessed,
        LocalDate latestAssessmentOn,
        boolean onProtectionPlan,
        List<AgencyView> agencies) {}
