package uk.safeguarding.explorer.meetings;

import graphql.execution.DataFetcherResult;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import uk.safeguarding.explorer.graph.AsOf;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.meetings.MeetingSnapshot.AgreedAction;

/**
 * Strategy meetings on the graph: familyChanges (what changed since the last meeting), the
 * snapshot of what a meeting saw, and the meetings about a person; each one service call.
 */
@Controller
class MeetingsController {

    private final FamilyChangesService changes;
    private final MeetingSnapshots snapshots;
    private final AsOf asOf;

    MeetingsController(FamilyChangesService changes, MeetingSnapshots snapshots, AsOf asOf) {
        this.changes = changes;
        this.snapshots = snapshots;
        this.asOf = asOf;
    }

    @QueryMapping
    DataFetcherResult<List<FamilyChange>> familyChanges(
            @Argument String personId, @Argument LocalDate since, @Argument LocalDate asOf) {
        var day = this.asOf.orToday(asOf);
        return AsOf.answer(changes.familyChanges(personId, since, day), day);
    }

    @QueryMapping
    DataFetcherResult<MeetingSnapshot> meetingSnapshot(@Argument String meetingId) {
        var snapshot = snapshots.snapshot(meetingId);
        return AsOf.answer(snapshot, snapshot.asOf());
    }

    @MutationMapping
    DataFetcherResult<MeetingSnapshot> takeMeetingSnapshot(@Argument String meetingId) {
        var snapshot = snapshots.take(meetingId);
        return AsOf.answer(snapshot, snapshot.asOf());
    }

    @QueryMapping
    DataFetcherResult<List<MeetingHeld>> meetingsAbout(@Argument String personId, @Argument LocalDate asOf) {
        var day = this.asOf.orToday(asOf);
        return AsOf.answer(snapshots.meetingsAbout(personId, day), day);
    }

    @SchemaMapping(typeName = "AgreedAction", field = "for")
    List<PersonView> forPeople(AgreedAction action) {
        return action.forPeople();
    }
}
