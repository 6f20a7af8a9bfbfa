package uk.safeguarding.explorer.risk;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import uk.safeguarding.explorer.graph.AsOf;
import uk.safeguarding.explorer.graph.Views.MarkerView;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.risk.Work.ActionView;
import uk.safeguarding.explorer.risk.Work.ReferralView;
import uk.safeguarding.explorer.risk.Work.TriagedReferral;

/** The risk queries, Person.riskFlags (one rule run per list of people and day) and the recording mutations. */
@Controller
class RiskController {

    /** A person on a day: the key of the flags batch loader. */
    record PersonOn(String personId, LocalDate asOf) {}

    private final RiskService risk;
    private final FollowUpService followUp;
    private final RecordingService recording;
    private final AsOf asOf;

    RiskController(
            RiskService risk,
            FollowUpService followUp,
            RecordingService recording,
            AsOf asOf,
            BatchLoaderRegistry registry) {
        this.risk = risk;
        this.followUp = followUp;
        this.recording = recording;
        this.asOf = asOf;
        registry.<PersonOn, List<RiskFlag>>forName("riskFlags")
                .withOptions(o -> o.setMaxBatchSize(200))
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> {
                    var byDay = new HashMap<LocalDate, List<String>>();
                    keys.forEach(k -> byDay.computeIfAbsent(k.asOf(), d -> new ArrayList<>())
                            .add(k.personId()));
                    var result = new HashMap<PersonOn, List<RiskFlag>>();
                    byDay.forEach((day, ids) ->
                            risk.flagsOf(ids, day).forEach((id, flags) -> result.put(new PersonOn(id, day), flags)));
                    return result;
                }));
    }

    @QueryMapping
    DataFetcherResult<List<RiskFlag>> riskFlags(
            @Argument String personId,
            @Argument LocalDate asOf,
            @Argument List<Integer> rules,
            @Argument List<String> personIds) {
        var day = this.asOf.orToday(asOf);
        return AsOf.answer(
                personIds != null
                        ? risk.riskFlagsOf(personId, personIds, day, rules)
                        : risk.riskFlags(personId, day, rules),
                day);
    }

    @SchemaMapping(typeName = "Person", field = "riskFlags")
    CompletableFuture<List<RiskFlag>> personRiskFlags(
            PersonView person,
            @Argument LocalDate asOf,
            DataLoader<PersonOn, List<RiskFlag>> riskFlags,
            DataFetchingEnvironment env) {
        if (person.restricted()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return riskFlags.load(new PersonOn(person.id(), this.asOf.of(env, asOf)));
    }

    @QueryMapping
    DataFetcherResult<List<ActionView>> overdueActions(@Argument LocalDate asOf, @Argument String agencyId) {
        var day = this.asOf.orToday(asOf);
        return AsOf.answer(followUp.overdueActions(day, agencyId), day);
    }

    @QueryMapping
    DataFetcherResult<List<ActionView>> completedActions(
            @Argument LocalDate asOf, @Argument Integer days, @Argument String agencyId, @Argument Integer first) {
        var day = this.asOf.orToday(asOf);
        return AsOf.answer(followUp.completedActions(day, days, agencyId, first), day);
    }

    @QueryMapping
    DataFetcherResult<List<TriagedReferral>> triageQueue(@Argument LocalDate asOf, @Argument Integer first) {
        var day = this.asOf.orToday(asOf);
        return AsOf.answer(followUp.triageQueue(day, first), day);
    }

    @SchemaMapping(typeName = "Action", field = "for")
    List<PersonView> forPeople(ActionView action) {
        return action.forPeople();
    }

    @MutationMapping
    ReferralView recordReferral(@Argument Map<String, Object> referral) {
        return followUp.recordedReferral(recording.recordReferral(referral));
    }

    /** A meeting just recorded (a MeetingSummary): its id and its actions' ids, which the explorer gave them. */
    record RecordedMeetingView(String id, String kind, LocalDate heldOn, List<String> actionIds) {}

    @MutationMapping
    RecordedMeetingView recordStrategyMeeting(@Argument Map<String, Object> meeting) {
        var recorded = recording.recordStrategyMeeting(meeting);
        return new RecordedMeetingView(
                recorded.id(), "STRATEGY", (LocalDate) meeting.get("heldOn"), recorded.actionIds());
    }

    @MutationMapping
    ActionView completeAction(@Argument String actionId, @Argument LocalDate completedOn) {
        recording.completeAction(actionId, completedOn);
        return followUp.completedAction(actionId);
    }

    @MutationMapping
    ActionView reopenAction(@Argument String actionId, @Argument LocalDate completedOn) {
        recording.reopenAction(actionId, completedOn);
        return followUp.reopenedAction(actionId);
    }

    @MutationMapping
    String recordAssessment(@Argument Map<String, Object> assessment) {
        return recording.recordAssessment(assessment);
    }

    @MutationMapping
    MarkerView recordMarker(@Argument Map<String, Object> marker) {
        return followUp.recordedMarker(recording.recordMarker(marker));
    }

    @MutationMapping
    MarkerView endMarker(@Argument String markerId, @Argument LocalDate on) {
        return followUp.recordedMarker(recording.endMarker(markerId, on));
    }

    @MutationMapping
    MarkerView reinstateMarker(@Argument String markerId) {
        return followUp.recordedMarker(recording.reinstateMarker(markerId));
    }
}
