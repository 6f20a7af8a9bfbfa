package uk.safeguarding.explorer.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Warning markers on a person or an address. A child protection plan and being looked after are the
 * local authority's decisions, recorded through the explorer only by children's social care
 * ({@link #recordedOnlyBy}): either one reaches the siblings' cards, risk flag 10, the agencies' gaps
 * and the triage score, so another agency recording one would change what everyone reads (hostile
 * review 89).
 */
public enum MarkerType {
    REGISTERED_SEX_OFFENDER,
    MAPPA,
    CHILD_PROTECTION_PLAN,
    LOOKED_AFTER,
    HARMFUL_SEXUAL_BEHAVIOUR,
    CSA_VICTIM,
    MISSING_EPISODE,
    DOMESTIC_ABUSE,
    VIOLENCE,
    OTHER;

    /**
     * Whether an agency of the type (null: not known) records this marker through the explorer, as
     * {@link AssessmentType#doneBy(AgencyType)} says of assessments.
     */
    public boolean recordedBy(AgencyType type) {
        var only = recordedOnlyBy();
        return only.isEmpty() || (type != null && only.contains(type));
    }

    /** The agency types that alone record this marker through the explorer; empty: any agency. */
    public Set<AgencyType> recordedOnlyBy() {
        return this == CHILD_PROTECTION_PLAN || this == LOOKED_AFTER
                ? EnumSet.of(AgencyType.CHILDRENS_SOCIAL_CARE)
                : EnumSet.noneOf(AgencyType.class);
    }
}
