package uk.safeguarding.explorer.model.access;

import java.util.Set;
import uk.safeguarding.explorer.model.AgencyType;

/**
 * What counts as offender detail beyond the offender marker types themselves (DESIGN §7): free text
 * about how an offender is managed (approved premises, licence conditions) is given away as easily
 * by an OTHER marker or a chronology event as by an RSO marker. The rule is deliberately wide, so
 * that nothing depends on how an agency worded its record:
 * <ul>
 * <li>a marker or event about an offender (someone who carries, or carried, an offender-type marker)
 * is offender detail unless it was recorded by a known agency that does not manage offenders: one
 * recorded by the police or probation (the policy's managing agency types), or by a source that is
 * no known agency, is offender detail;</li>
 * <li>an address of a kind that exists to manage offenders (approved premises) is offender detail,
 * and so are its markers.</li>
 * </ul>
 */
public final class OffenderDetailRules {

    private OffenderDetailRules() {}

    /**
     * @param aboutOffender the record is on a person who carries an offender-type marker
     * @param sourceType the type of the agency that recorded it, null when its source is no known agency
     * @param managingTypes the agency types whose records about offenders are offender management
     */
    public static boolean isOffenderManagementRecord(
            boolean aboutOffender, AgencyType sourceType, Set<AgencyType> managingTypes) {
        return aboutOffender && (sourceType == null || managingTypes.contains(sourceType));
    }

    /** An address that exists to manage offenders (approved premises, by default). */
    public static boolean isOffenderAddress(String addressKind, Set<String> offenderAddressKinds) {
        return addressKind != null && offenderAddressKinds.contains(addressKind);
    }
}
