package uk.safeguarding.explorer.involvement;

import java.time.LocalDate;
import java.util.List;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.model.AgencyType;

/**
 * Which agencies are involved with the people of a scope, and who is missing (contract type
 * {@code AgencyInvolvement}): a person x agency matrix of current involvements, the gaps, and the
 * gap rules they were found by, one sentence each (so that a page says what the rules expect in the
 * server's words, and no "no gap" is read as "nothing missing").
 */
public record AgencyInvolvement(List<PersonInvolvement> people, List<InvolvementGap> gaps, List<String> rules) {

    /** One row of the matrix. */
    public record PersonInvolvement(PersonView person, List<Involvement> involvements) {}

    /** A current involvement of an agency (through one of its professionals) with the person. */
    public record Involvement(
            AgencyView agency,
            ProfessionalView professional,
            String role,
            LocalDate from,
            LocalDate to,
            LocalDate lastContactOn) {}

    /** A professional. */
    public record ProfessionalView(String id, String name, String role, AgencyView agency) {}

    /** An agency expected but absent, with the reason naming the rule. */
    public record InvolvementGap(PersonView person, AgencyType agencyType, String rule, String reason) {}

    /** The people an involvement matrix covers. */
    public enum Scope {
        PERSON,
        HOUSEHOLD,
        FAMILY
    }
}
