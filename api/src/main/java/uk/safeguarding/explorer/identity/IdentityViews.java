package uk.safeguarding.explorer.identity;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.neo4j.driver.Value;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.model.bundle.BundleValidator;
import uk.safeguarding.explorer.model.matching.Evidence;

/** Projections of identity-resolution nodes as records, read straight from driver values. */
final class IdentityViews {

    private IdentityViews() {}

    /** One line of evidence as the API shows it. */
    record EvidenceView(String field, String level, double weight) {

        static List<EvidenceView> from(Value list) {
            if (list == null || list.isNull()) {
                return List.of();
            }
            return list.asList(v -> {
                var e = Evidence.parse(v.asString());
                return new EvidenceView(e.field().jsonName(), e.level().name(), e.weight());
            });
        }
    }

    /**
     * An address record as a steward compares it (first line, postcode, UPRN: never its kind), the
     * address it belongs to, and the other records of that address; the people living there through it,
     * by id for the audit and by name and id for the steward (none where the record is withheld).
     */
    record AddressRecordView(
            String source,
            String localId,
            String line1,
            String postcode,
            String uprn,
            String addressId,
            boolean anchored,
            String splitFrom,
            boolean withheld,
            List<AddressRecordView> others,
            List<String> residents,
            List<String> people) {

        /**
         * The record as read; its lines, postcode and UPRN withheld where its kind (or its address's) is
         * case data ({@code caseData}: a placement, an offender's address, as for SourceRecord.addresses).
         */
        static AddressRecordView from(
                Value r,
                String addressId,
                Predicate<String> caseData,
                List<AddressRecordView> others,
                List<String> residents,
                List<String> people) {
            var withheld = caseData.test(Views.string(r, "kind"));
            return new AddressRecordView(
                    Views.string(r, "source"),
                    Views.string(r, "localId"),
                    withheld ? null : Views.string(r, "line1"),
                    withheld ? null : Views.string(r, "postcode"),
                    withheld ? null : Views.string(r, "uprn"),
                    addressId,
                    !r.get("anchored").isNull() && r.get("anchored").asBoolean(),
                    Views.string(r, "splitFrom"),
                    withheld,
                    others,
                    residents,
                    withheld ? List.of() : people);
        }
    }

    /** A source record with the person it belongs to. */
    record SourceRecordView(
            String source,
            String localId,
            String givenName,
            String familyName,
            List<String> aliases,
            LocalDate dateOfBirth,
            String sex,
            String nhsNumber,
            String pncId,
            String upn,
            PersonView person,
            String linkedBy,
            Double score,
            List<EvidenceView> evidence) {

        static SourceRecordView from(Value r, Value person) {
            return new SourceRecordView(
                    Views.string(r, "source"),
                    Views.string(r, "localId"),
                    Views.string(r, "givenName"),
                    Views.string(r, "familyName"),
                    r.get("aliases").isNull() ? List.of() : r.get("aliases").asList(Value::asString),
                    Views.date(r, "dateOfBirth"),
                    Views.string(r, "sex"),
                    Views.string(r, "nhsNumber"),
                    Views.string(r, "pncId"),
                    Views.string(r, "upn"),
                    person == null || person.isNull() ? null : PersonView.from(person),
                    Views.string(r, "linkedBy"),
                    r.get("score").isNull() ? null : r.get("score").asDouble(),
                    EvidenceView.from(r.get("evidence")));
        }

        String personId() {
            return person == null ? null : person.id();
        }

        /**
         * {@code SourceRecord.nameWarnings} (IdentityController): each name as sent that could be read as another on screen
         * (BundleValidator.lookalikeName), as "field: why", the field named as the import's warning
         * names it. A steward comparing "Hаle" with "Hale" learns why they did not agree exactly.
         */
        List<String> nameWarnings() {
            var warnings = new ArrayList<String>();
            nameWarning(warnings, "givenName", givenName);
            nameWarning(warnings, "familyName", familyName);
            for (int i = 0; i < aliases.size(); i++) {
                nameWarning(warnings, "aliases[" + i + "]", aliases.get(i));
            }
            return warnings;
        }

        private static void nameWarning(List<String> warnings, String field, String name) {
            var why = BundleValidator.lookalikeName(name);
            if (why != null) {
                warnings.add(field + ": " + why);
            }
        }
    }

    /** A match candidate. */
    record MatchCandidateView(
            String id,
            SourceRecordView record,
            PersonView person,
            double score,
            List<EvidenceView> evidence,
            String status,
            String decidedBy,
            ZonedDateTime decidedAt,
            String note,
            String reason,
            String explanation,
            List<String> history,
            List<String> changes,
            RecordVersionView version) {

        static MatchCandidateView from(Value m, Value r, Value own, Value p) {
            return new MatchCandidateView(
                    Views.string(m, "id"),
                    SourceRecordView.from(r, own),
                    PersonView.from(p),
                    m.get("score").asDouble(),
                    EvidenceView.from(m.get("evidence")),
                    Views.string(m, "status"),
                    Views.string(m, "decidedBy"),
                    m.get("decidedAt").isNull() ? null : m.get("decidedAt").asZonedDateTime(),
                    Views.string(m, "note"),
                    Views.string(m, "reason"),
                    Views.string(m, "explanation"),
                    m.get("history").isNull() ? List.of() : m.get("history").asList(Value::asString),
                    m.get("changes").isNull() ? List.of() : m.get("changes").asList(Value::asString),
                    RecordVersionView.from(m, r));
        }
    }

    /**
     * The version of a record a CHANGED_SINCE_LINKED question holds (its new_… properties; walk 75: the
     * steward's card showed the fields the record was linked on beside "changed: date of birth: … → …"),
     * or null for a question that holds none.
     */
    record RecordVersionView(
            String givenName,
            String familyName,
            List<String> aliases,
            LocalDate dateOfBirth,
            String sex,
            String nhsNumber,
            String pncId,
            String upn,
            boolean givesDateOfDeath,
            boolean withdrawsDateOfDeath) {

        /** From the question {@code m} and its record {@code r} as it is now (what a keep would change). */
        static RecordVersionView from(Value m, Value r) {
            // a pending question's, or one set aside (review 99: a decided one's version is the record's, or
            // another person's; one set aside is neither)
            var status = Views.string(m, "status");
            if (m.get("newFieldNames").isNull()
                    || !"CHANGED_SINCE_LINKED".equals(Views.string(m, "reason"))
                    || !("PENDING".equals(status) || "SET_ASIDE".equals(status))) {
                return null;
            }
            return new RecordVersionView(
                    Views.string(m, "new_givenName"),
                    Views.string(m, "new_familyName"),
                    m.get("new_aliases").isNull()
                            ? List.of()
                            : m.get("new_aliases").asList(Value::asString),
                    m.get("new_dateOfBirth").isNull()
                            ? null
                            : m.get("new_dateOfBirth").asLocalDate(),
                    Views.string(m, "new_sex"),
                    Views.string(m, "new_nhsNumber"),
                    Views.string(m, "new_pncId"),
                    Views.string(m, "new_upn"),
                    // review 101, 102: a keep recorded a person dead, or took a date of death away, unsaid
                    !m.get("new_deceasedOn").isNull()
                            && !m.get("new_deceasedOn").equals(r.get("deceasedOn")),
                    m.get("new_deceasedOn").isNull()
                            && !r.get("deceasedOn").isNull()
                            && m.get("newFieldNames").asList(Value::asString).contains("deceasedOn"));
        }
    }
}
