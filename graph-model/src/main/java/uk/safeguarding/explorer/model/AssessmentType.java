package uk.safeguarding.explorer.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Kinds of assessment; SIBLING_RISK and AIM3 are the ones the inspection found missing. Each is
 * carried out by agencies of some types ({@link #doneBy}), which alone record it through the
 * explorer: an AIM3 ends risk flag 5, so an agency that does not assess harmful sexual behaviour must
 * not be able to end it by recording one (hostile review 61). OTHER is any agency's own.
 */
public enum AssessmentType {
    /** A social work (child and family, or section 47) assessment: children's social care. */
    SOCIAL_WORK(EnumSet.of(AgencyType.CHILDRENS_SOCIAL_CARE)),
    /** An assessment of the risk to the siblings: children's social care. */
    SIBLING_RISK(EnumSet.of(AgencyType.CHILDRENS_SOCIAL_CARE)),
    /**
     * A structured assessment of harmful sexual behaviour: youth offending, social care, health (CAMHS)
     * or a voluntary-sector HSB service.
     */
    AIM3(EnumSet.of(
            AgencyType.YOUTH_OFFENDING, AgencyType.CHILDRENS_SOCIAL_CARE, AgencyType.HEALTH, AgencyType.VOLUNTARY)),
    /** A health assessment: health. */
    HEALTH(EnumSet.of(AgencyType.HEALTH)),
    /** A CAMHS assessment: health. */
    CAMHS(EnumSet.of(AgencyType.HEALTH)),
    /** Any other assessment (an early help assessment by a school): any agency. */
    OTHER(EnumSet.allOf(AgencyType.class));

    private final Set<AgencyType> doneBy;

    AssessmentType(Set<AgencyType> doneBy) {
        this.doneBy = doneBy;
    }

    /** The agency types that carry out this kind of assessment. */
    public Set<AgencyType> doneBy() {
        return EnumSet.copyOf(doneBy);
    }

    /** Whether an agency of the type (null: not known) carries out this kind of assessment: OTHER by any. */
    public boolean doneBy(AgencyType type) {
        return this == OTHER || (type != null && doneBy.contains(type));
    }
}
