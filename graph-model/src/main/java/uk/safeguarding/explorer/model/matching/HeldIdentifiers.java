package uk.safeguarding.explorer.model.matching;

import java.util.Set;

/**
 * The NHS numbers, PNC ids (compact, as {@link MatchRecord#pnc}) and UPNs a candidate person holds,
 * as {@link Candidate} carries them: what {@link Scorer#ceiling} and {@link Resolver#outOfReach}
 * compare a record's identifiers with when it is known.
 */
public record HeldIdentifiers(Set<String> nhsNumbers, Set<String> pncIds, Set<String> upns) {}
