package uk.safeguarding.explorer.importing;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.model.bundle.BundleValidator;
import uk.safeguarding.explorer.model.bundle.ValidatedBundle;
import uk.safeguarding.explorer.neo4j.Graph;

/**
 * Imports a bundle (DESIGN §4): validates every record, writes the good ones and reports the bad
 * ones. Used by {@code POST /api/import}, the demo-data loader and the seed CLI alike.
 */
@Service
public class ImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final BundleValidator validator;
    private final BundleWriter writer;

    /** Writes in batches of {@code batchSize} rows ({@code EXPLORER_IMPORT_BATCH_SIZE}, default 2,000). */
    @Autowired
    public ImportService(Graph graph, Clock clock, @Value("${explorer.import.batch-size:2000}") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalStateException("EXPLORER_IMPORT_BATCH_SIZE must be at least 1");
        }
        this.validator = new BundleValidator(clock);
        this.writer = new BundleWriter(graph, batchSize);
    }

    /** Validates the bundle without writing anything (for a caller that must act between the two). */
    public ValidatedBundle validate(JsonNode bundle) {
        return validator.validate(bundle, writer.existingIds());
    }

    public ImportResult importBundle(JsonNode bundle) {
        return write(validate(bundle));
    }

    /** Writes the records of a validated bundle and reports the rejected ones. */
    public ImportResult write(ValidatedBundle validated) {
        writer.write(validated);
        LOG.info("Imported {} records ({} rejected, {} warnings)", validated.accepted(),
                validated.rejected().size(), validated.warnings().size());
        return new ImportResult(validated.accepted(), validated.rejected(), validated.warnings());
    }
}
