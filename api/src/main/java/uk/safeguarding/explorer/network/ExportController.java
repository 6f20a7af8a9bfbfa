package uk.safeguarding.explorer.network;

import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code recordExport}: the page records an export in the audit log before it makes the file. The
 * {@code asOf} argument says which day the export shows; who may be in it is decided today.
 */
@Controller
class ExportController {

    private final ExportService service;

    ExportController(ExportService service) {
        this.service = service;
    }

    @MutationMapping
    int recordExport(@Argument String kind, @Argument List<String> personIds, @Argument LocalDate asOf) {
        return service.recordExport(kind, personIds, asOf);
    }
}
