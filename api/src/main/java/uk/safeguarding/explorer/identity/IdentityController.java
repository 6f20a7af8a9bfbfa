package uk.safeguarding.explorer.identity;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.identity.IdentityViews.AddressRecordView;
import uk.safeguarding.explorer.identity.IdentityViews.MatchCandidateView;
import uk.safeguarding.explorer.identity.IdentityViews.SourceRecordView;
import uk.safeguarding.explorer.paging.Connection;

/**
 * The identity-resolution part of the schema (identity.graphqls): the steward's queue, records and
 * decisions, and {@code Person.records}, batched so that a list of people costs one query.
 */
@Controller
class IdentityController {

    private final StewardService service;

    IdentityController(StewardService service) {
        this.service = service;
    }

    @QueryMapping
    List<MatchCandidateView> matchCandidates(@Argument Integer first) {
        return service.matchCandidates(first);
    }

    /** The whole queue, a page at a time, each page after the candidate its cursor names. */
    @QueryMapping
    Connection<MatchCandidateView> matchCandidatesConnection(@Argument Integer first, @Argument String after) {
        return service.matchCandidatesPage(first, after);
    }

    /** How many candidates wait in all, whatever the page. */
    @SchemaMapping(typeName = "MatchCandidateConnection", field = "totalCount")
    long totalCount(Connection<MatchCandidateView> connection) {
        return service.pendingCount();
    }

    @QueryMapping
    SourceRecordView sourceRecord(@Argument String source, @Argument String localId) {
        return service.sourceRecord(source, localId);
    }

    @MutationMapping
    MatchCandidateView decideMatch(@Argument String candidateId, @Argument String decision, @Argument String note) {
        return service.decideMatch(candidateId, decision, note);
    }

    @QueryMapping
    AddressRecordView addressRecord(@Argument String source, @Argument String localId) {
        return service.addressRecord(source, localId);
    }

    @MutationMapping
    AddressRecordView splitAddressRecord(@Argument String source, @Argument String localId, @Argument String note) {
        return service.splitAddressRecord(source, localId, note);
    }

    @MutationMapping
    MatchCandidateView setAsideVersion(@Argument String candidateId, @Argument String note) {
        return service.setAsideVersion(candidateId, note);
    }

    @BatchMapping(typeName = "SourceRecord", field = "setAsideVersions")
    Map<SourceRecordView, List<MatchCandidateView>> setAsideVersions(List<SourceRecordView> records) {
        return each(records, service.setAsideVersions(records), IdentityController::key);
    }

    @BatchMapping(typeName = "SourceRecord", field = "setAsideChanges")
    Map<SourceRecordView, List<String>> setAsideChanges(List<SourceRecordView> records) {
        return each(records, service.setAsideChanges(records), IdentityController::key);
    }

    @MutationMapping
    MatchCandidateView reopenMatch(@Argument String candidateId, @Argument String note) {
        return service.reopenMatch(candidateId, note);
    }

    @BatchMapping(typeName = "MatchCandidate", field = "competing")
    Map<MatchCandidateView, List<MatchCandidateView>> competing(List<MatchCandidateView> candidates) {
        return each(candidates, service.competing(candidates), MatchCandidateView::id);
    }

    @BatchMapping(typeName = "SourceRecord", field = "decidedDifferent")
    Map<SourceRecordView, List<MatchCandidateView>> decidedDifferent(List<SourceRecordView> records) {
        return each(records, service.decidedDifferent(records), IdentityController::key);
    }

    @BatchMapping(typeName = "SourceRecord", field = "parentOfChildrenBorn")
    Map<SourceRecordView, List<LocalDate>> parentOfChildrenBorn(List<SourceRecordView> records) {
        return each(records, service.parentOfChildrenBorn(records), IdentityController::key);
    }

    @BatchMapping(typeName = "SourceRecord", field = "waitingChanges")
    Map<SourceRecordView, List<String>> waitingChanges(List<SourceRecordView> records) {
        return each(records, service.waitingChanges(records), IdentityController::key);
    }

    @MutationMapping
    SourceRecordView splitRecord(@Argument String source, @Argument String localId, @Argument String note) {
        return service.splitRecord(source, localId, note);
    }

    @MutationMapping
    SourceRecordView linkRecord(
            @Argument String source,
            @Argument String localId,
            @Argument String personId,
            @Argument String note,
            @Argument List<String> acceptWarnings) {
        return service.linkRecord(source, localId, personId, note, acceptWarnings);
    }

    @QueryMapping
    StewardService.LinkCheck linkCheck(@Argument String source, @Argument String localId, @Argument String personId) {
        return service.linkCheck(source, localId, personId);
    }

    @SchemaMapping(typeName = "SourceRecord", field = "nameWarnings")
    List<String> nameWarnings(SourceRecordView record) {
        return record.nameWarnings();
    }

    @BatchMapping(typeName = "SourceRecord", field = "addresses")
    Map<SourceRecordView, List<String>> addresses(List<SourceRecordView> records) {
        return each(records, service.addressesOf(records), IdentityController::key);
    }

    @BatchMapping(typeName = "Person", field = "records")
    Map<PersonView, List<SourceRecordView>> records(List<PersonView> people) {
        return each(
                people,
                service.recordsOf(people.stream().map(PersonView::id).distinct().toList()),
                PersonView::id);
    }

    /** A batch's answers in its order: what was found under each one's key, or nothing. */
    private static <T, V> Map<T, List<V>> each(List<T> batch, Map<String, List<V>> found, Function<T, String> key) {
        var result = new LinkedHashMap<T, List<V>>();
        batch.forEach(t -> result.put(t, found.getOrDefault(key.apply(t), List.of())));
        return result;
    }

    /** A source record's key, "source:localId", as the service's batch answers are keyed. */
    private static String key(SourceRecordView record) {
        return record.source() + ":" + record.localId();
    }
}
