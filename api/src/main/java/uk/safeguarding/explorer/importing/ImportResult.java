package uk.safeguarding.explorer.importing;

import java.util.List;
import java.util.Map;
import uk.safeguarding.explorer.identity.ResolutionCounts;
import uk.safeguarding.explorer.model.bundle.Rejection;

/**
 * The answer to an import (contract): how many good records of each array were written, the
 * rejected records with array, index, id, field and reason, warnings that did not reject, and for
 * an agency extract what identity resolution did ({@code resolution}: person records linked to an
 * existing person, new persons, candidates queued for review; all zero for other bundles). {@code
 * created} says how many nodes and relationships the import added: none when the same bundle was
 * imported before (its records were written again, unchanged).
 */
public record ImportResult(
        Map<String, Integer> imported,
        List<Rejection> rejected,
        List<Rejection> warnings,
        ResolutionCounts resolution,
        Created created) {

    /** The nodes and relationships an import added to the graph. */
    public record Created(long nodes, long relationships) {}
}
