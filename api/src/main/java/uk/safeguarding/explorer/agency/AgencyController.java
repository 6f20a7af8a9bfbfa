package uk.safeguarding.explorer.agency;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import uk.safeguarding.explorer.graph.Views.AgencyView;
import uk.safeguarding.explorer.security.Redaction;

/**
 * The partnership's agencies by name, for the forms that name one (a meeting's attendance and the
 * owners of its actions): a chair records every agency at the table, not only those drawn in the
 * graph. Agencies are not personal data, so every signed-in user may list them; nothing is audited.
 * Read from the agencies the redaction policy keeps (reloaded after an import).
 */
@Controller
class AgencyController {

    private final Redaction redaction;

    AgencyController(Redaction redaction) {
        this.redaction = redaction;
    }

    @QueryMapping
    List<AgencyView> agencies() {
        return redaction.agencies().stream()
                .filter(a -> a.name() != null && a.type() != null)
                .sorted(Comparator.comparing((AgencyView a) -> a.name().toLowerCase(Locale.ROOT))
                        .thenComparing(AgencyView::id))
                .toList();
    }

    /**
     * Whether the agency's type is one the redaction policy calls offender management
     * ({@code offenderManagementAgencyTypes}; probation by default): its involvements are shown only to
     * agencies with offender detail, and so is its attendance at a meeting (the chronology), so a
     * meeting's form leaves inviting it to the chair. By type alone, as the chronology judges it.
     */
    @SchemaMapping(typeName = "Agency")
    boolean offenderManagement(AgencyView agency) {
        return redaction.offenderManagement(agency.type(), null);
    }
}
