package uk.safeguarding.explorer.neo4j;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Parameters of each size bucket of Neo4j's plan cache. Neo4j caches a plan by its statement and the
 * types of its parameters, and the type of a list or a string carries its size rounded up to a power
 * of ten (0, 1, up to 10, up to 100, ...): a statement planned for an empty list is planned again for
 * one person, again for a household of eight and again for a network of forty; one planned for the
 * user "admin" is planned again for "social-worker". Planning a statement at start-up for each of
 * these spares the first users that wait (seconds on a cold start). The strings inside a list do not
 * count.
 */
public final class PlanBuckets {

    /**
     * Lists of ids of no one: one person, a household (2 to 10 people), a network (11 to 100), a large
     * network (101 to 1,000: the explorer draws up to 500 nodes).
     */
    public static final List<List<String>> NOBODY = List.of(nobody(1), nobody(2), nobody(11), nobody(101));

    /** The same with the empty list first (no addresses yet, nobody excluded). */
    public static final List<List<String>> NOBODY_OR_NONE =
            List.of(List.of(), nobody(1), nobody(2), nobody(11), nobody(101));

    /** Ids of no one, short ("p-sara", "csc:C39780") and long ("police:P105"). */
    public static final List<String> IDS = List.of(text(6), text(12));

    /** The lengths of a short name (an agency's id, "admin") and of a longer one ("social-worker"). */
    public static final List<Integer> NAME_LENGTHS = List.of(5, 12);

    private PlanBuckets() {}

    /**
     * A string of the given length that names nobody: it holds '{', which no imported id may
     * (RecordReader), so no record can ever be found by it.
     */
    public static String text(int length) {
        return "{" + "~".repeat(length - 1);
    }

    private static List<String> nobody(int size) {
        return IntStream.range(0, size)
                .mapToObj(i -> "{warm-up:nobody-" + i + "}")
                .toList();
    }
}
