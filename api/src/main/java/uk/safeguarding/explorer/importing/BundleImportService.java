package uk.safeguarding.explorer.importing;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import uk.safeguarding.explorer.audit.AuditLog;
import uk.safeguarding.explorer.model.bundle.BundleFormatException;
import uk.safeguarding.explorer.model.bundle.Rejection;
import uk.safeguarding.explorer.model.bundle.ValidatedBundle;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;

/**
 * The import an administrator sends through {@code POST /api/import}, audited like every other
 * write: the bundle is validated first (a bundle that cannot be read is refused with nothing
 * audited or written), the import is audited in the administrator's name, then written, and the
 * agencies that redaction names are read again (a bundle may add or rename one).
 * {@link ImportService} stays free of users and audit for the demo-data loader and the seed CLI.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class BundleImportService {

    private final ImportService imports;
    private final AuditLog audit;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;

    BundleImportService(ImportService imports, AuditLog audit, NeedToKnow needToKnow, Redaction redaction) {
        this.imports = imports;
        this.audit = audit;
        this.needToKnow = needToKnow;
        this.redaction = redaction;
    }

    /**
     * Imports the bundle; throws {@link BundleFormatException} when it is not a bundle at all. An agency
     * extract then waits for its turn (one at a time), is validated again if it waited (against the store it
     * is written to), and is audited only once it has its turn (review 106: one refused after its wait was
     * audited as imported).
     */
    public ImportResult importBundle(JsonNode bundle) {
        // (a bad bundle is refused, 400, before any wait: review 107)
        var result = imports.importBundle(
                bundle,
                ImportProgress.NONE,
                validated -> audit.record(needToKnow.actor(), "import", List.of(), List.of(), reason(validated)));
        redaction.forgetAgencies();
        return result;
    }

    /**
     * What an auditor needs to find the import's records and what it changed in who sees what:
     * the kind of bundle and its source, the counts, every agency whose type or name it changes
     * and every professional it moves to another agency.
     */
    static String reason(ValidatedBundle validated) {
        var what = validated.resolve()
                ? "agency extract of " + validated.source()
                : "bundle" + (validated.source() == null ? "" : " of source " + validated.source());
        var typeChanges = validated.warnings().stream()
                .filter(w -> ("agencies".equals(w.array()) && ("type".equals(w.field()) || "name".equals(w.field())))
                        || ("professionals".equals(w.array()) && "agency".equals(w.field())))
                .map(Rejection::reason)
                .toList();
        return "imported " + what + ": " + validated.accepted() + ", rejected "
                + validated.rejected().size() + (typeChanges.isEmpty() ? "" : "; " + String.join("; ", typeChanges));
    }
}
