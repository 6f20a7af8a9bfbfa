package uk.safeguarding.explorer.model.matching;

import java.util.List;
import java.util.Set;

/**
 * A resolved person a record might belong to: the person's records that the blocking keys found,
 * the identifiers and addresses the person holds (from all their records), and whether the record
 * may not join them at all ({@code excluded}: a steward declared the record DIFFERENT from this
 * person, or the record's own extract says they are two people, e.g. parent and child).
 */
public record Candidate(
        String personId,
        List<MatchRecord> records,
        Set<String> nhsNumbers,
        Set<String> pncIds,
        Set<String> upns,
        Set<String> addressIds,
        Set<String> postcodes,
        boolean excluded) {}
