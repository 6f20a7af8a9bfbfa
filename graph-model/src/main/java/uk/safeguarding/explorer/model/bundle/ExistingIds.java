package uk.safeguarding.explorer.model.bundle;

import java.util.Map;
import java.util.Set;

/**
 * Asks the database which of the referenced ids already exist, per label
 * ({@code Person}, {@code Address}, {@code Agency}, {@code Professional}), so that a bundle may
 * refer to records imported earlier.
 */
@FunctionalInterface
public interface ExistingIds {

    Map<String, Set<String>> existing(Map<String, Set<String>> idsByLabel);

    /**
     * The type stored for each of these agencies that exists (an agency's type decides what its
     * users see, so an import is checked against it); none by default.
     */
    default Map<String, String> agencyTypes(Set<String> agencyIds) {
        return Map.of();
    }

    /**
     * The name stored for each of these agencies that exists (every user reads an agency's name as
     * who holds information, so an import is checked against it); none by default.
     */
    default Map<String, String> agencyNames(Set<String> agencyIds) {
        return Map.of();
    }

    /**
     * The agency each of these professionals works for, where the professional exists (a
     * professional's involvements give their agency a relationship, so a move is checked); none by
     * default.
     */
    default Map<String, String> professionalAgencies(Set<String> professionalIds) {
        return Map.of();
    }

    /**
     * Of the ids of records that a user can also record through the explorer (per array: referrals,
     * meetings, actions, assessments, markers), those a user did record: an import never changes or
     * takes over one of them. None by default.
     */
    default Map<String, Set<String>> recordedIds(Map<String, Set<String>> idsByArray) {
        return Map.of();
    }

    /** For a bundle that must stand alone (or an empty database). */
    ExistingIds NONE = ids -> Map.of();
}
