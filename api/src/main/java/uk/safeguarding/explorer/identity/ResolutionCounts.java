package uk.safeguarding.explorer.identity;

/**
 * What resolving an agency extract did (contract, DESIGN §9: the import answer's
 * {@code resolution}): person records linked to an existing person, new persons created, and match
 * candidates queued for a data steward.
 */
public record ResolutionCounts(long linked, long created, long queued) {

    public static final ResolutionCounts NONE = new ResolutionCounts(0, 0, 0);

    public ResolutionCounts plus(ResolutionCounts other) {
        return new ResolutionCounts(linked + other.linked, created + other.created, queued + other.queued);
    }
}
