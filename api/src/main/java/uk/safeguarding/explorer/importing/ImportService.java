package uk.safeguarding.explorer.importing;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.model.bundle.BundleValidator;
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

    @Autowired
    public ImportService(Graph graph, Clock clock) {
        this(graph, clock, BundleWriter.DEFAULT_BATCH);
    }

    public ImportService(Graph graph, Clock clock, int batchSize) {
        this.validator = new BundleValidator(clock);
        this.writer = new BundleWriter(graph, batchSize);
    }

    /** The rejections the bundle would get, without writing anything. */
    public java.util.List<uk.safeguarding.explorer.model.bundle.Rejection> validate(JsonNode bundle) {
        return validator.validate(bundle, writer.existingIds()).rejected();
    }

    public ImportResult importBundle(JsonNode bundle) {
        var validated = validator.validate(bundle, writer.existingIds());
        writer.write(validated);
        LOG.info("Imported {} records ({} rejected, {} warnings)", validated.accepted(),
                validated.rejected().size(), validated.warnings().size());
        return new ImportResult(validated.accepted(), validated.rejected(), validated.warnings());
    }
}
