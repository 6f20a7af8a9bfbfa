package uk.safeguarding.explorer.importing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.identity.ExtractLease;
import uk.safeguarding.explorer.identity.Resolution;
import uk.safeguarding.explorer.identity.ResolutionCounts;
import uk.safeguarding.explorer.model.bundle.BundleValidator;
import uk.safeguarding.explorer.model.bundle.ValidatedBundle;
import uk.safeguarding.explorer.model.matching.MatchingSettings;
import uk.safeguarding.explorer.neo4j.CreatedTally;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * Imports a bundle (DESIGN §4): validates every record, writes the good ones and reports the bad
 * ones. An agency extract ({@code "resolve": true}, DESIGN §9) has its people and addresses
 * resolved to persons and addresses first ({@link Resolution}), with the matching settings of
 * {@code EXPLORER_MATCHING_FILE} (checked at start-up) or the defaults. Used by
 * {@code POST /api/import}, the demo-data loader and the seed CLI alike.
 */
@Service
public class ImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final BundleValidator validator;
    private final BundleWriter writer;
    private final Resolution resolution;
    private final ExtractLease lease;

    /** How many times an extract's rows are written again after a steward's writes during theirs, at most. */
    private static final int SETTLE_ROUNDS = 3;

    /** How long an agency extract waits for another to finish, by default: half an hour. */
    static final Duration EXTRACT_WAIT = Duration.ofMinutes(30);

    /** Writes in batches of {@code batchSize} rows ({@code EXPLORER_IMPORT_BATCH_SIZE}, default 2,000). */
    @Autowired
    public ImportService(
            Graph graph,
            Clock clock,
            @Value("${explorer.import.batch-size:2000}") int batchSize,
            @Value("${explorer.matching-file:}") String matchingFile,
            @Value("${explorer.import.resolve-in-memory:true}") boolean resolveInMemory,
            @Value("${explorer.import.writers:0}") int writers,
            @Value("${explorer.import.extract-wait-seconds:1800}") long extractWaitSeconds) {
        this(
                graph,
                clock,
                batchSize,
                matchingFile.isBlank() ? MatchingSettings.defaults() : MatchingSettings.load(Path.of(matchingFile)),
                resolveInMemory,
                writers,
                Duration.ofSeconds(extractWaitSeconds));
    }

    public ImportService(Graph graph, Clock clock, int batchSize) {
        this(graph, clock, batchSize, MatchingSettings.defaults(), true, 0, EXTRACT_WAIT);
    }

    /**
     * {@code resolveInMemory} ({@code EXPLORER_IMPORT_RESOLVE_IN_MEMORY}, default true): an agency extract's
     * person records are matched against the store's records held in memory while it is resolved,
     * else against index seeks in the store, batch by batch (slower; needs no heap for the records).
     */
    public ImportService(Graph graph, Clock clock, int batchSize, MatchingSettings settings, boolean resolveInMemory) {
        this(graph, clock, batchSize, settings, resolveInMemory, 0, EXTRACT_WAIT);
    }

    /**
     * {@code writers} ({@code EXPLORER_IMPORT_WRITERS}): how many batches of one kind of record are
     * written at once; 0 for {@link BundleWriter#defaultWriters()}. {@code extractWait}
     * ({@code EXPLORER_IMPORT_EXTRACT_WAIT_SECONDS}): how long an agency extract waits at most for
     * another to finish (one is resolved at a time: {@link ExtractLease}).
     */
    public ImportService(
            Graph graph,
            Clock clock,
            int batchSize,
            MatchingSettings settings,
            boolean resolveInMemory,
            int writers,
            Duration extractWait) {
        if (batchSize < 1) {
            throw new IllegalStateException("EXPLORER_IMPORT_BATCH_SIZE must be at least 1");
        }
        this.validator = new BundleValidator(clock);
        // (BundleWriter checks the number of writers)
        this.writer = new BundleWriter(graph, batchSize, writers);
        this.resolution = new Resolution(graph, settings, batchSize, resolveInMemory);
        this.lease = new ExtractLease(graph, extractWait);
    }

    /** The turns agency extracts take (one at a time), for what they publish (how often one was found held). */
    public ExtractLease extractTurns() {
        return lease;
    }

    /**
     * Validates a bundle from outside without writing anything (for a caller that must act between
     * the two): its sources may not be the explorer's own ({@link BundleValidator#EXPLORER_SOURCE_PREFIX}).
     */
    public ValidatedBundle validate(JsonNode bundle) {
        return Graph.areaWide(() -> validateInArea(bundle, false));
    }

    /** Validates what the explorer records itself (a user's recording, under a source of its own). */
    public ValidatedBundle validateRecorded(JsonNode bundle) {
        return Graph.areaWide(() -> validateInArea(bundle, true));
    }

    /** Whether a bundle from outside is, by its shape, an agency extract of a named source. */
    private static boolean extract(JsonNode bundle) {
        return bundle != null
                && bundle.isObject()
                && bundle.path("resolve").isBoolean()
                && bundle.path("resolve").booleanValue()
                && bundle.path("source").isString();
    }

    /**
     * The turn an agency extract waits for before it is validated and written (one extract at a time:
     * {@link ExtractLease}); nothing for any other bundle. Throws {@link
     * uk.safeguarding.explorer.identity.ExtractBusyException} when another extract kept it too long.
     */
    private ExtractLease.Turn turnFor(JsonNode bundle) {
        return extract(bundle) ? lease.take(bundle.path("source").stringValue().strip()) : () -> {};
    }

    private ValidatedBundle validateInArea(JsonNode bundle, boolean recorded) {
        var extract = extract(bundle);
        var existing = extract
                ? writer.existingRecordIds(bundle.path("source").stringValue().strip())
                : writer.existingIds();
        return recorded ? validator.validateRecorded(bundle, existing) : validator.validate(bundle, existing);
    }

    public ImportResult importBundle(JsonNode bundle) {
        return importBundle(bundle, ImportProgress.NONE);
    }

    public ImportResult importBundle(JsonNode bundle, ImportProgress progress) {
        return importBundle(bundle, progress, validated -> {});
    }

    /**
     * Validates and writes a bundle from outside, {@code beforeWrite} told of it just before it is written
     * (the administrator's import audits it there). A bundle that is not valid is refused before any wait;
     * an agency extract then waits for its turn (one at a time), and one that waited is validated again in
     * its turn (the records it refers to are the store's when it is written).
     */
    public ImportResult importBundle(JsonNode bundle, ImportProgress progress, Consumer<ValidatedBundle> beforeWrite) {
        var validated = validate(bundle);
        try (var turn = turnFor(bundle)) {
            var checked = turn.waited() ? validate(bundle) : validated;
            beforeWrite.accept(checked);
            return write(checked, progress);
        }
    }

    /** Writes the records of a validated bundle and reports the rejected ones. */
    public ImportResult write(ValidatedBundle validated) {
        return write(validated, ImportProgress.NONE);
    }

    /**
     * Writes the records of a validated bundle. An import reads across the whole area (the ids
     * already taken, the candidates of every record), so its reads get the area-wide timeout, not the
     * one of a practitioner's question.
     */
    public ImportResult write(ValidatedBundle validated, ImportProgress progress) {
        return Graph.areaWide(() -> writeInArea(validated, progress));
    }

    private ImportResult writeInArea(ValidatedBundle validated, ImportProgress progress) {
        var counts = ResolutionCounts.NONE;
        var warnings = new ArrayList<>(validated.warnings());
        var created = new CreatedTally();
        if (validated.resolve()) {
            // resolved and written whole before the next extract is (ExtractLease)
            // (taken again at once when the caller took it to validate)
            try (var turn = lease.take(validated.source())) {
                var resolved = resolution.resolveExtract(validated, progress, created, turn);
                counts = resolved.counts();
                warnings.addAll(resolved.warnings());
                // by the persons their records belong to when each kind is written (a steward may move them)
                var rows = resolved.rows();
                writer.write(rows.all(), rows::group, progress, created);
                // a steward's write while a kind was written: what moved follows, and the rows mapped otherwise now
                // are written again
                for (int again = 0; again < SETTLE_ROUNDS && rows.settle(); again++) {
                    writer.write(rows.all(), rows::group, ImportProgress.NONE, created);
                }
                warnings.addAll(rows.warnings());
            }
            LOG.info(
                    "Imported agency extract of {}: {} records ({} rejected, {} warnings); resolution: {} linked, "
                            + "{} new, {} queued for review, {} held for a steward",
                    validated.source(),
                    validated.accepted(),
                    validated.rejected().size(),
                    warnings.size(),
                    counts.linked(),
                    counts.created(),
                    counts.queued(),
                    counts.held());
        } else {
            resolution.prepareAnchored(validated);
            writer.write(validated.rows(), progress, created);
            LOG.info(
                    "Imported {} records ({} rejected, {} warnings)",
                    validated.accepted(),
                    validated.rejected().size(),
                    validated.warnings().size());
        }
        return new ImportResult(
                validated.accepted(),
                validated.rejected(),
                List.copyOf(warnings),
                counts,
                new ImportResult.Created(created.nodes(), created.relationships()));
    }
}
