package uk.safeguarding.explorer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.safeguarding.explorer.identity.StoredRecords.Generation;
import uk.safeguarding.explorer.identity.StoredRecords.Generation.Read;

/**
 * An import resolving against the store's records held in memory trusts them only while nobody else
 * has moved the identity generation: its own writes move it one at a time, as the writer it names.
 */
class GenerationTests {

    private static final String US = "resolution:police:1";

    @Test
    void unchangedWhileOnlyThisImportsOwnWritesMoveIt() {
        var generation = new Generation(US, 7);
        assertThat(generation.unchanged(new Read(7, "steward", 0))).isTrue();
        generation.submitted();
        // the write in flight may or may not have landed
        assertThat(generation.unchanged(new Read(7, "steward", 0))).isTrue();
        assertThat(generation.unchanged(new Read(8, US, 0))).isTrue();
        generation.landed(7, 8);
        assertThat(generation.unchanged(new Read(8, US, 0))).isTrue();
    }

    @Test
    void anotherWriterIsSeenBeforeOrAfterThisImportsWriteInFlightLands() {
        var generation = new Generation(US, 7);
        generation.submitted();
        // a steward's decision before the write in flight landed
        assertThat(generation.unchanged(new Read(8, "steward", 0))).isFalse();
        // both landed, in either order
        assertThat(generation.unchanged(new Read(9, US, 0))).isFalse();
        assertThat(generation.unchanged(new Read(9, "steward", 0))).isFalse();
        // with no write in flight, any move is someone else's
        var idle = new Generation(US, 7);
        assertThat(idle.unchanged(new Read(8, US, 0))).isFalse();
    }

    @Test
    void aWriteOfThisImportThatFoundTheGenerationMovedMakesTheMemoryStaleForGood() {
        var generation = new Generation(US, 7);
        generation.submitted();
        // another import's people landed first: this import's write moved it from 8, not 7
        generation.landed(8, 9);
        assertThat(generation.unchanged(new Read(9, US, 0))).isFalse();
        generation.submitted();
        generation.landed(9, 10);
        assertThat(generation.unchanged(new Read(10, US, 0))).isFalse();
    }
}
