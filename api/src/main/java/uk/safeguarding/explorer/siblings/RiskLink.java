package uk.safeguarding.explorer.siblings;

import java.time.LocalDate;
import java.util.List;
import uk.safeguarding.explorer.graph.Views.AddressView;
import uk.safeguarding.explorer.graph.Views.PersonView;

/**
 * One way a child is linked to the subject (contract type {@code RiskLink}): the kind, the people
 * it goes through, and for co-residence the address and the overlap of the two periods.
 */
public record RiskLink(RiskLinkKind kind, List<PersonView> via, AddressView address, LocalDate from, LocalDate to) {

    /** The kinds of link, in the order they are listed. */
    public enum RiskLinkKind {
        FULL_SIBLING,
        HALF_SIBLING,
        STEP_SIBLING,
        ADOPTIVE_SIBLING,
        FOSTER_SIBLING,
        CHILD,
        STEPCHILD,
        CO_RESIDENT,
        CONTACT
    }
}
