package uk.safeguarding.explorer.model.bundle;

import java.util.List;
import java.util.Map;

/**
 * The outcome of validating a bundle: the good records as parameter rows ready to write
 * (grouped by write statement, in write order), how many good records each array had, the
 * rejected records and the warnings (unknown fields, which do not reject a record). {@code resolve}
 * is set for an agency extract (DESIGN §9), whose ids are the supplying agency's ({@code source})
 * local ids and whose people and addresses must be resolved before anything is written.
 */
public record ValidatedBundle(
        Map<String, List<Map<String, Object>>> rows,
        Map<String, Integer> accepted,
        List<Rejection> rejected,
        List<Rejection> warnings,
        boolean resolve,
        String source) {}
