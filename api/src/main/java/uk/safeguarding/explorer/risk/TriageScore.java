package uk.safeguarding.explorer.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The triage queue's transparent score: every point comes with the sentence that explains it, from
 * facts already read from the graph and already passed through need-to-know and redaction (names
 * of people the user may not see are counted, never named; offender detail is worded as
 * restricted for agencies without it). Pure, so that each rule is tested on its own
 * ({@code TriageScoreTests}).
 */
final class TriageScore {

    /**
     * What a referral is scored on. {@code siblingsNamed}: the unassessed siblings and household
     * children the user may see, by name; {@code siblingsHidden}: how many others there are.
     * {@code restrictedOffenderDetail}: the sentence for offender detail the user may not see, or
     * null when they may. {@code decided}: null while no decision is recorded.
     */
    record Facts(
            String name,
            String urgency,
            String concern,
            boolean offenderInHousehold,
            boolean offenderContact,
            List<String> siblingsNamed,
            int siblingsHidden,
            List<String> priorReferrals,
            boolean onPlan,
            List<String> addressMarkers,
            boolean policeInformation,
            LocalDate received,
            LocalDate decided,
            int workingDaysWaited,
            String restrictedOffenderDetail) {}

    /** A score and its reasons, most significant first as they are added. */
    record Scored(int score, List<String> reasons) {}

    private TriageScore() {}

    static Scored of(Facts f) {
        var reasons = new ArrayList<String>();
        int score = 0;
        var urgency = f.urgency();
        int points = "IMMEDIATE".equals(urgency) ? 30 : "URGENT".equals(urgency) ? 15 : 0;
        if (points > 0) {
            score += add(reasons, points, "The referral is marked " + urgency.toLowerCase() + ".");
        }
        var concern = f.concern();
        points = switch (concern == null ? "" : concern) {
            case "SEXUAL_ABUSE" -> 20;
            case "HSB" -> 15;
            case "PHYSICAL_ABUSE", "EXPLOITATION" -> 10;
            case "MISSING" -> 5;
            default -> 0;
        };
        if (points > 0) {
            score += add(
                    reasons,
                    points,
                    "The concern is "
                            + concern.toLowerCase().replace('_', ' ').replace("hsb", "harmful sexual behaviour") + ".");
        }
        if (f.offenderInHousehold() || f.offenderContact()) {
            // to a reader without offender detail the link is not told, nor by its points: the household's
            // 40 for either (hostile review 89: 40 or 30 told a school whether the offender lived there)
            points = f.offenderInHousehold() || f.restrictedOffenderDetail() != null ? 40 : 30;
            score += add(
                    reasons,
                    points,
                    f.restrictedOffenderDetail() == null
                            ? f.name()
                                    + (f.offenderInHousehold()
                                            ? " lives with"
                                            : " has contact with, or a parent's partner is,")
                                    + " a registered sex offender."
                            : "Police or probation hold information about " + f.name() + "'s household or contacts: "
                                    + f.restrictedOffenderDetail());
        }
        var unassessed = f.siblingsNamed().size() + f.siblingsHidden();
        if (unassessed > 0) {
            points = Math.min(30, 10 * unassessed);
            var named = new ArrayList<>(f.siblingsNamed());
            if (f.siblingsHidden() > 0) {
                named.add(
                        f.siblingsHidden() == 1
                                ? "1 child your agency cannot see"
                                : f.siblingsHidden() + " children your agency cannot see");
            }
            score += add(
                    reasons,
                    points,
                    unassessed + " sibling(s) or household children not " + "assessed since the concern began: "
                            + String.join(", ", named) + ".");
        }
        var prior = f.priorReferrals();
        if (!prior.isEmpty()) {
            points = Math.min(30, 10 * prior.size());
            score += add(
                    reasons,
                    points,
                    prior.size() + " earlier referral(s) about " + f.name() + " in the 12 months before ("
                            + String.join(", ", prior) + ").");
        }
        if (f.onPlan()) {
            score += add(reasons, 20, f.name() + " is on a child protection plan.");
        }
        if (!f.addressMarkers().isEmpty()) {
            score += add(
                    reasons,
                    15,
                    f.name() + "'s address carries a marker (" + String.join(", ", f.addressMarkers()) + ").");
        }
        if (!f.policeInformation()) {
            score += add(
                    reasons,
                    10,
                    "Police have shared nothing about " + f.name() + ": no police referral or involvement (ask them).");
        }
        if (f.decided() == null) {
            var waited = f.workingDaysWaited();
            points = Math.min(20, 2 * waited);
            if (points > 0) {
                score += add(
                        reasons,
                        points,
                        "Waiting for a decision for " + waited + " working day(s) since " + f.received() + ".");
            } else {
                reasons.add("Received on " + f.received() + "; no decision yet (0 points for waiting so far).");
            }
        } else {
            reasons.add("Decided on " + f.decided() + " (no points for waiting).");
        }
        if (score == 0) {
            reasons.add(0, "Nothing in the graph raises this referral; it keeps its place by arrival time.");
        }
        return new Scored(score, reasons);
    }

    private static int add(List<String> reasons, int points, String sentence) {
        reasons.add("+" + points + ": " + sentence);
        return points;
    }
}
