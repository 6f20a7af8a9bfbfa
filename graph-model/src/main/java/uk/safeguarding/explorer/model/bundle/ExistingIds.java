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

    /** For a bundle that must stand alone (or an empty database). */
    ExistingIds NONE = ids -> Map.of();
}
