package uk.safeguarding.explorer.importing;

import java.util.List;
import java.util.Map;

import uk.safeguarding.explorer.model.bundle.Rejection;

/**
 * The answer to an import (contract): how many good records of each array were written, the
 * rejected records with array, index, id, field and reason, and warnings that did not reject.
 */
public record ImportResult(Map<String, Integer> imported, List<Rejection> rejected, List<Rejection> warnings) {
}
