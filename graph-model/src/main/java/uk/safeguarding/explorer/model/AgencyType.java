package uk.safeguarding.explorer.model;

/** The agencies of a local safeguarding partnership. */
public enum AgencyType {
    CHILDRENS_SOCIAL_CARE,
    POLICE,
    HEALTH,
    YOUTH_OFFENDING,
    PROBATION,
    EDUCATION,
    HOUSING,
    VOLUNTARY;

    /** The type in words, as a sentence names it ("children's social care"). */
    public String inWords() {
        return switch (this) {
            case CHILDRENS_SOCIAL_CARE -> "children's social care";
            case POLICE -> "police";
            case HEALTH -> "health";
            case YOUTH_OFFENDING -> "youth offending";
            case PROBATION -> "probation";
            case EDUCATION -> "education";
            case HOUSING -> "housing";
            case VOLUNTARY -> "voluntary sector";
        };
    }
}
