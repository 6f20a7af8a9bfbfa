package uk.safeguarding.explorer.identity;

/**
 * What resolving an agency extract did (contract, DESIGN §9: the import answer's
 * {@code resolution}): person records linked to an existing person, new persons created, and match
 * candidates queued for a data steward; and (an addition to the contract) {@code held}: records sent
 * again whose version was not applied, a steward being asked about it (queued now or before), having set
 * it aside, or having written while the import weighed it (each named in the answer's warnings).
 */
public record ResolutionCounts(long linked, long created, long queued, long held) {

    public static final ResolutionCounts NONE = new ResolutionCounts(0, 0, 0, 0);

    public ResolutionCounts plus(ResolutionCounts other) {
        return new ResolutionCounts(
                linked + other.linked, created + other.created, queued + other.queued, held + other.held);
    }
}
