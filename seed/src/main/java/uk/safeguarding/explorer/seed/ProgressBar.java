package uk.safeguarding.explorer.seed;

import java.io.PrintStream;
import uk.safeguarding.explorer.importing.ImportProgress;

/**
 * A progress bar for long loads, on standard error: records done of the total, records per
 * second and the time left at that rate. Redrawn at most a few times a second.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long total;
    private final long started = System.nanoTime();
    private long done;
    private long drawn;

    ProgressBar(PrintStream out, long total) {
        this.out = out;
        this.total = Math.max(total, 1);
    }

    /** Adds to the records done and redraws. */
    void advance(long records) {
        done += records;
        draw(false);
    }

    /** A listener that moves the bar as one bundle of {@code bundleRecords} records is imported. */
    ImportProgress within(long bundleRecords) {
        var base = done;
        return (phase, phaseDone, phaseTotal) -> {
            // people are resolved before the rest is written: count each phase's share of the bundle
            var share = "people".equals(phase) ? 0.5 : 0.5;
            var offset = "people".equals(phase) ? 0 : bundleRecords / 2;
            done = base + offset + (long) (share * bundleRecords * phaseDone / Math.max(phaseTotal, 1));
            draw(false);
        };
    }

    void finish() {
        draw(true);
        out.println();
    }

    /** The line the bar shows, for a given state (kept apart so that it can be tested). */
    static String line(long done, long total, double seconds) {
        var fraction = Math.min(1.0, (double) done / total);
        var filled = (int) Math.round(fraction * WIDTH);
        var rate = seconds > 0 ? done / seconds : 0;
        var left = rate > 0 ? (total - done) / rate : Double.NaN;
        return String.format(
                "[%s%s] %3.0f%% %,d/%,d records  %,.0f records/s  ETA %s",
                "#".repeat(filled),
                "-".repeat(WIDTH - filled),
                fraction * 100,
                done,
                total,
                rate,
                Double.isNaN(left) ? "--" : String.format("%.0f s", Math.max(0, left)));
    }

    private void draw(boolean force) {
        var now = System.nanoTime();
        if (!force && now - drawn < 250_000_000L) {
            return;
        }
        drawn = now;
        out.print("\r" + line(Math.min(done, total), total, (now - started) / 1e9));
        out.flush();
    }
}
