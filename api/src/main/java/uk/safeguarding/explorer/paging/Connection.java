package uk.safeguarding.explorer.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import uk.safeguarding.explorer.errors.BadRequestException;

/**
 * One page of a list that grows with the area, as a GraphQL cursor connection ({@code edges},
 * {@code pageInfo { hasNextPage endCursor }}). The list is the answer the user may see, in its stable
 * order, need-to-know already applied, so page sizes never tell of hidden people; a cursor names the
 * last item of a page by its key ({@link Cursors}), so a page starts after that item wherever it now
 * stands in the list.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    /** One item and the cursor that starts the next page after it. */
    public record Edge<T>(String cursor, T node) {}

    /** Whether more follow, and the cursor to ask for them with. */
    public record PageInfo(boolean hasNextPage, String endCursor) {}

    /** The page of {@code first} items after the cursor {@code after} of a whole list. */
    public static <T> Connection<T> page(
            String list,
            List<T> all,
            Function<T, String> key,
            Integer first,
            int defaultFirst,
            int maxFirst,
            String after) {
        var size = size(first, defaultFirst, maxFirst);
        var start = 0;
        if (after != null) {
            var last = Cursors.decode(list, after);
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (key.apply(all.get(i)).equals(last)) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw new BadRequestException(
                        "after", "points to an item that is no longer in this list; " + "start again without after");
            }
        }
        var end = Math.min(all.size(), start + size);
        return of(list, all.subList(start, end), key, end < all.size());
    }

    /** A page already cut: its items, and whether more follow. */
    public static <T> Connection<T> of(String list, List<T> items, Function<T, String> key, boolean hasNextPage) {
        var edges = new ArrayList<Edge<T>>();
        items.forEach(item -> edges.add(new Edge<>(Cursors.encode(list, key.apply(item)), item)));
        return new Connection<>(
                edges,
                new PageInfo(
                        hasNextPage,
                        edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    /** The page size asked for, checked: BAD_REQUEST naming {@code first} outside 1 to max. */
    public static int size(Integer first, int defaultFirst, int maxFirst) {
        var size = first == null ? defaultFirst : first;
        if (size < 1 || size > maxFirst) {
            throw new BadRequestException("first", "must be from 1 to " + maxFirst);
        }
        return size;
    }
}
