package uk.safeguarding.explorer.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.errors.BadRequestException;

/** Cursor pages over a list: in order, stable when the list changes, cursors checked. */
class ConnectionTests {

    private static final List<String> LIST = List.of("a-1", "a-2", "a-3", "a-4", "a-5");

    @Test
    void pagesWalkTheWholeListInOrderAndTheLastSaysNoMore() {
        var first = Connection.page("things", LIST, Function.identity(), 2, 20, 100, null);
        assertThat(first.edges()).extracting(Connection.Edge::node).containsExactly("a-1", "a-2");
        assertThat(first.pageInfo().hasNextPage()).isTrue();
        var second = Connection.page(
                "things",
                LIST,
                Function.identity(),
                2,
                20,
                100,
                first.pageInfo().endCursor());
        assertThat(second.edges()).extracting(Connection.Edge::node).containsExactly("a-3", "a-4");
        var last = Connection.page(
                "things",
                LIST,
                Function.identity(),
                2,
                20,
                100,
                second.pageInfo().endCursor());
        assertThat(last.edges()).extracting(Connection.Edge::node).containsExactly("a-5");
        assertThat(last.pageInfo().hasNextPage()).isFalse();
        assertThat(last.pageInfo().endCursor()).isEqualTo(last.edges().get(0).cursor());
    }

    @Test
    void aPageStartsAfterItsCursorsItemWhereverItNowStands() {
        var first = Connection.page("things", LIST, Function.identity(), 2, 20, 100, null);
        var changed = List.of("a-0", "a-1", "a-2", "a-4", "a-5");
        var next = Connection.page(
                "things",
                changed,
                Function.identity(),
                2,
                20,
                100,
                first.pageInfo().endCursor());
        assertThat(next.edges()).extracting(Connection.Edge::node).containsExactly("a-4", "a-5");
    }

    @Test
    void cursorsAreOpaqueAndACursorOfAnotherListOrOfNothingIsABadRequestNamingAfter() {
        var cursor = Cursors.encode("things", "a-2");
        assertThat(cursor).doesNotContain("a-2").doesNotContain("things");
        assertThat(Cursors.decode("things", cursor)).isEqualTo("a-2");
        for (var bad :
                List.of(Cursors.encode("other", "a-2"), "***", "", "x".repeat(700), Cursors.encode("things", "gone"))) {
            assertThatThrownBy(() -> Connection.page("things", LIST, Function.identity(), 2, 20, 100, bad))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("after");
        }
        assertThatThrownBy(() -> Connection.page("things", LIST, Function.identity(), 0, 20, 100, null))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("first");
        assertThatThrownBy(() -> Cursors.decodeNumber("auditEvents", Cursors.encode("auditEvents", "x")))
                .isInstanceOf(BadRequestException.class);
    }
}
