package uk.safeguarding.explorer.model;

/**
 * What a strategy meeting or conference decided (Working Together): start a section 47 enquiry,
 * hold an initial child protection conference, support as a child in need (section 17), early help,
 * no further action, or something else (said in the reason).
 */
public enum MeetingDecision {
    SECTION_47_ENQUIRY,
    INITIAL_CHILD_PROTECTION_CONFERENCE,
    CHILD_PROTECTION_PLAN,
    CHILD_IN_NEED,
    EARLY_HELP,
    NO_FURTHER_ACTION,
    OTHER
}
