package uk.safeguarding.explorer.importing;

/**
 * Told how far a long import has got, so that a caller can show it (the seed loader's progress
 * bar); {@code done} of {@code total} records of the current phase.
 */
@FunctionalInterface
public interface ImportProgress {

    void update(String phase, long done, long total);

    /** Tells nobody. */
    ImportProgress NONE = (phase, done, total) -> {};
}
