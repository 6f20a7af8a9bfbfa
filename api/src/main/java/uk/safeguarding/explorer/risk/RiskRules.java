package uk.safeguarding.explorer.risk;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.graph.Views.PersonView;
import uk.safeguarding.explorer.model.Ages;
import uk.safeguarding.explorer.model.Period;
import uk.safeguarding.explorer.neo4j.Graph;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;
import uk.safeguarding.explorer.siblings.RiskLink.RiskLinkKind;
import uk.safeguarding.explorer.siblings.SiblingsService;

/**
 * The twelve rules of DESIGN §6 as queries over the graph, evaluated in one read transaction. Each
 * raises {@link Raised} flags whose sentences are written once the caller knows which people the
 * user may see (someone hidden is never named), and which say whether they carry offender detail
 * (rules 1-3, which the redaction policy may restrict).
 */
@Component
public class RiskRules {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Logger LOG = LoggerFactory.getLogger(RiskRules.class);
    private static final Set<RiskLinkKind> SIBLING_KINDS = Set.of(RiskLinkKind.FULL_SIBLING, RiskLinkKind.HALF_SIBLING,
            RiskLinkKind.STEP_SIBLING, RiskLinkKind.ADOPTIVE_SIBLING, RiskLinkKind.FOSTER_SIBLING);

    /** A flag before its sentence is written: the sentence takes a function naming people by id. */
    public record Raised(int rule, String code, Severity severity, String subjectId, SubjectKind kind,
            List<String> evidence, List<String> people, Function<Function<String, String>, String> summary,
            String offenderId) {

        RiskFlag write(Function<String, String> name) {
            return new RiskFlag(rule, code, severity, subjectId, kind, summary.apply(name), evidence, people, List.of());
        }

        /** Everyone the sentence may name (found by writing it once with a name function that notes them). */
        Set<String> named() {
            var named = new LinkedHashSet<String>();
            summary.apply(id -> {
                named.add(id);
                return "";
            });
            return named;
        }
    }

    private final Graph graph;
    private final SiblingsService siblings;
    private final RiskSettings settings;

    RiskRules(Graph graph, SiblingsService siblings, RiskSettings settings) {
        this.graph = graph;
        this.siblings = siblings;
        this.settings = settings;
    }

    /** Names of everyone the flags may mention, by id. */
    public record Result(List<Raised> flags, Map<String, String> names) {
    }

    /**
     * The flags of the given rules on asOf, for the whole area ({@code ids} null) or for the people
     * given (flags about them, about their addresses, referrals, meetings and actions).
     */
    public Result evaluate(LocalDate asOf, Set<Integer> rules, Collection<String> ids) {
        var days = settings.workingDays();
        if (!days.covers(asOf.getYear())) {
            LOG.warn("The bank-holiday calendar covers {}-{}, not {}: working days there count weekends only. "
                    + "Add the year (README, 'Risk indicators').", days.firstYear(), days.lastYear(), asOf.getYear());
        }
        var scope = ids == null ? null : List.copyOf(ids);
        return graph.inReadTransaction(tx -> {
            var ctx = new Context(tx, asOf, scope);
            for (int rule = 1; rule <= 12; rule++) {
                if (rules == null || rules.contains(rule)) {
                    switch (rule) {
                        case 1 -> rule1(ctx);
                        case 2 -> rule2(ctx);
                        case 3 -> rule3(ctx);
                        case 4 -> rule4(ctx);
                        case 5 -> rule5(ctx);
                        case 6 -> rule6(ctx);
                        case 7 -> rule7(ctx);
                        case 8 -> rule8(ctx);
                        case 9 -> rule9(ctx);
                        case 10 -> rule10(ctx);
                        case 11 -> rule11(ctx);
                        default -> rule12(ctx);
                    }
                }
            }
            return new Result(ctx.flags, ctx.names);
        });
    }

    /** What the rules share while they run. */
    private final class Context {
        final TransactionContext tx;
        final LocalDate asOf;
        final List<String> ids;
        final List<Raised> flags = new ArrayList<>();
        final Map<String, String> names = new HashMap<>();
        /** Rows of queries without extra parameters, read once though several rules use them (6 and 11). */
        final Map<String, List<Record>> shared = new HashMap<>();

        Context(TransactionContext tx, LocalDate asOf, List<String> ids) {
            this.tx = tx;
            this.asOf = asOf;
            this.ids = ids;
        }

        List<Record> read(String query, Map<String, Object> extra) {
            if (extra.isEmpty()) {
                return shared.computeIfAbsent(query, q -> readNow(q, extra));
            }
            return readNow(query, extra);
        }

        private List<Record> readNow(String query, Map<String, Object> extra) {
            var parameters = new HashMap<String, Object>(extra);
            parameters.put("asOf", asOf);
            parameters.put("ids", ids);
            parameters.put("windowStart", asOf.minusMonths(settings.windowMonths()).plusDays(1).atStartOfDay(LONDON));
            parameters.put("windowEnd", asOf.plusDays(1).atStartOfDay(LONDON));
            return Graph.read(tx, "risk/" + query, parameters, r -> r);
        }

        PersonView person(Value node) {
            var person = PersonView.from(node);
            names.put(person.id(), person.displayName());
            return person;
        }

        boolean child(PersonView p) {
            return Ages.isChild(p.dateOfBirth(), p.deceasedOn(), asOf);
        }

        boolean inScope(Collection<String> people) {
            return ids == null || people.stream().anyMatch(ids::contains);
        }
    }

    // --- rules ----------------------------------------------------------------------------------

    /** 1. A child co-resident with an RSO / MAPPA category 1 offender: HIGH now, MEDIUM historic. */
    private void rule1(Context c) {
        record Stay(PersonView child, PersonView offender, String address, Period overlap, List<String> evidence) {
        }
        var stays = new LinkedHashMap<String, List<Stay>>();
        for (var row : c.read("rule-01", Map.of())) {
            var child = c.person(row.get("c"));
            if (!c.child(child)) {
                continue;
            }
            var offender = c.person(row.get("o"));
            var overlap = new Period(Views.date(row, "oFrom"), Views.date(row, "oTo"))
                    .intersection(new Period(Views.date(row, "cFrom"), Views.date(row, "cTo")));
            if (overlap == null) {
                continue;
            }
            // only while the offender was registered: a marker that ended before they met does not count
            overlap = overlap.intersection(new Period(Views.date(row, "markerFrom"), Views.date(row, "markerTo")));
            if (overlap == null || !overlap.startsOnOrBefore(c.asOf)) {
                continue;
            }
            var address = row.get("a");
            stays.computeIfAbsent(child.id() + "|" + offender.id(), k -> new ArrayList<>()).add(new Stay(child, offender,
                    Views.string(address, "line1"), overlap, List.of(child.id(), offender.id(), Views.string(address, "id"),
                            row.get("markerId").asString(), row.get("oKey").asString(), row.get("cKey").asString())));
        }
        for (var group : stays.values()) {
            var first = group.get(0);
            var current = group.stream().anyMatch(s -> s.overlap().contains(c.asOf));
            var evidence = new LinkedHashSet<String>();
            group.forEach(s -> evidence.addAll(s.evidence()));
            var where = group.stream().map(s -> s.address() + " " + period(s.overlap())).distinct().toList();
            c.flags.add(new Raised(1, "RSO_CO_RESIDENCE", current ? Severity.HIGH : Severity.MEDIUM, first.child().id(),
                    SubjectKind.PERSON, List.copyOf(evidence), List.of(first.child().id(), first.offender().id()),
                    name -> name.apply(first.child().id()) + (current ? " lives" : " lived") + " with "
                            + name.apply(first.offender().id()) + ", a registered sex offender, at "
                            + String.join("; ", where) + ".",
                    first.offender().id()));
        }
    }

    /** 2. An address linked to an RSO or a sexual-abuse referral with no address marker: HIGH with a child living there. */
    private void rule2(Context c) {
        for (var row : c.read("rule-02", Map.of())) {
            var address = row.get("a");
            var addressId = Views.string(address, "id");
            var reasons = new ArrayList<String>();
            var evidence = new LinkedHashSet<String>(List.of(addressId));
            var people = new LinkedHashSet<String>();
            String offender = null;
            for (var link : row.get("links").asList(v -> v)) {
                var lived = new Period(Views.date(link, "from"), Views.date(link, "to"));
                var id = link.get("id").asString();
                c.names.put(id, link.get("name").asString());
                if ("RSO".equals(link.get("link").asString())) {
                    var registered = lived.intersection(new Period(Views.date(link, "markerFrom"), Views.date(link, "markerTo")));
                    if (registered == null || !registered.startsOnOrBefore(c.asOf)) {
                        continue;
                    }
                    offender = id;
                    reasons.add("RSO:" + id + ":" + period(registered));
                    evidence.addAll(List.of(id, link.get("markerId").asString(), link.get("key").asString()));
                } else {
                    var day = Views.date(link, "day");
                    if (day == null || !lived.contains(day)) {
                        continue;
                    }
                    reasons.add("REF:" + id + ":" + link.get("referralId").asString() + ":" + day);
                    evidence.addAll(List.of(id, link.get("referralId").asString(), link.get("key").asString()));
                }
                people.add(id);
            }
            if (reasons.isEmpty()) {
                continue;
            }
            var residents = row.get("residents").asList(v -> v);
            residents.forEach(r -> people.add(r.get("id").asString()));
            if (!c.inScope(people)) {
                continue;
            }
            var childThere = residents.stream().anyMatch(r -> Ages.isChild(Views.date(r, "dateOfBirth"),
                    Views.date(r, "deceasedOn"), c.asOf));
            var line = Views.string(address, "line1") + (Views.string(address, "postcode") == null ? ""
                    : ", " + Views.string(address, "postcode"));
            var finalOffender = offender;
            c.flags.add(new Raised(2, "ADDRESS_MARKER_MISSING", childThere ? Severity.HIGH : Severity.MEDIUM, addressId,
                    SubjectKind.ADDRESS, List.copyOf(evidence), List.copyOf(people), name -> line + " has no address "
                            + "marker although " + String.join(" and ", reasons.stream().map(r -> {
                                var parts = r.split(":", 4);
                                return parts[0].equals("RSO")
                                        ? name.apply(parts[1]) + ", a registered sex offender, lived there " + parts[2]
                                        : "a sexual-abuse referral (" + parts[2] + ") about " + name.apply(parts[1])
                                                + " was made while they lived there";
                            }).toList()) + (childThere ? "; a child lives there now." : "."),
                    finalOffender));
        }
    }

    /** 3. An RSO who is the current partner of a child's parent, or has contact with a child: HIGH. */
    private void rule3(Context c) {
        var byChild = new LinkedHashMap<String, List<Record>>();
        for (var row : c.read("rule-03", Map.of())) {
            var child = c.person(row.get("c"));
            if (c.child(child)) {
                c.person(row.get("o"));
                byChild.computeIfAbsent(child.id() + "|" + row.get("o").get("id").asString(), k -> new ArrayList<>())
                        .add(row);
            }
        }
        for (var rows : byChild.values()) {
            var childId = rows.get(0).get("c").get("id").asString();
            var offenderId = rows.get(0).get("o").get("id").asString();
            var evidence = new LinkedHashSet<String>(List.of(childId, offenderId, rows.get(0).get("markerId").asString()));
            var ways = new ArrayList<Function<Function<String, String>, String>>();
            for (var row : rows) {
                evidence.add(row.get("relKey").asString());
                var since = Views.date(row, "since");
                if ("CONTACT".equals(row.get("how").asString())) {
                    ways.add(name -> "has contact with " + name.apply(childId) + (since == null ? "" : " since " + since));
                } else {
                    var parent = c.person(row.get("parent"));
                    evidence.add(parent.id());
                    ways.add(name -> "is the partner of " + name.apply(parent.id()) + ", a parent of "
                            + name.apply(childId) + (since == null ? "" : ", since " + since));
                }
            }
            c.flags.add(new Raised(3, "RSO_CONTACT", Severity.HIGH, childId, SubjectKind.PERSON, List.copyOf(evidence),
                    List.of(childId, offenderId), name -> name.apply(offenderId) + ", a registered sex offender, "
                            + String.join(" and ", ways.stream().map(w -> w.apply(name)).toList()) + ".",
                    offenderId));
        }
    }

    /** 4. A sibling or household child of a CSA victim or HSB child not assessed since the concern began. */
    private void rule4(Context c) {
        List<String> candidates = null;
        if (c.ids != null) {
            var circle = new LinkedHashSet<String>(c.ids);
            for (var id : c.ids) {
                circle.addAll(Graph.read(c.tx, "queries/family-circle", Map.of("id", id, "scope", "FAMILY",
                        "asOf", c.asOf), r -> r.get("id").asString()));
            }
            candidates = List.copyOf(circle);
        }
        var parameters = new HashMap<String, Object>();
        parameters.put("candidates", candidates);
        var subjects = new LinkedHashMap<String, String>();
        for (var row : c.read("rule-04", parameters)) {
            var subject = c.person(row.get("s"));
            if (c.child(subject)) {
                subjects.put(subject.id(), row.get("whys").asList(Value::asString).contains("CSA_VICTIM")
                        ? "is a victim of child sexual abuse" : "has harmful sexual behaviour");
            }
        }
        if (subjects.isEmpty()) {
            return;
        }
        var answers = siblings.withoutNeedToKnow(c.tx, subjects.keySet(), c.asOf);
        for (var entry : subjects.entrySet()) {
            var subjectId = entry.getKey();
            var why = entry.getValue();
            for (var atRisk : answers.getOrDefault(subjectId, List.of())) {
                var links = atRisk.links().stream().filter(l -> SIBLING_KINDS.contains(l.kind())
                        || (l.kind() == RiskLinkKind.CO_RESIDENT && (l.to() == null || !l.to().isBefore(c.asOf))))
                        .toList();
                if (links.isEmpty() || atRisk.assessed() || (c.ids != null && !c.ids.contains(atRisk.child().id()))) {
                    continue;
                }
                var child = atRisk.child();
                c.names.put(child.id(), child.displayName());
                var together = links.stream().anyMatch(l -> l.kind() == RiskLinkKind.CO_RESIDENT);
                var how = links.stream().map(l -> l.kind() == RiskLinkKind.CO_RESIDENT ? "in the household"
                        : words(l.kind().name())).distinct().toList();
                var evidence = new LinkedHashSet<String>(List.of(child.id(), subjectId));
                links.forEach(l -> {
                    l.via().forEach(v -> evidence.add(v.id()));
                    if (l.address() != null) {
                        evidence.add(l.address().id());
                    }
                });
                c.flags.add(new Raised(4, "SIBLING_NOT_ASSESSED", together ? Severity.HIGH : Severity.MEDIUM, child.id(),
                        SubjectKind.PERSON, List.copyOf(evidence), List.of(child.id(), subjectId),
                        name -> name.apply(child.id()) + " (" + String.join(", ", how) + " of " + name.apply(subjectId)
                                + ", who " + why + ") has had no assessment since the concern began"
                                + (atRisk.latestAssessmentOn() == null ? "." : "; the last was on "
                                        + atRisk.latestAssessmentOn() + "."),
                        null));
            }
        }
    }

    /** 5. HSB without an AIM3 assessment or without youth offending: HIGH when both are missing. */
    private void rule5(Context c) {
        for (var row : c.read("rule-05", Map.of())) {
            var child = c.person(row.get("c"));
            var aim3 = row.get("aim3").asBoolean();
            var yot = row.get("yot").asBoolean();
            if (!c.child(child) || (aim3 && yot)) {
                continue;
            }
            var missing = new ArrayList<String>();
            if (!aim3) {
                missing.add("no AIM3 assessment");
            }
            if (!yot) {
                missing.add("no youth offending involvement");
            }
            var since = Views.date(row, "since");
            var evidence = new ArrayList<String>(List.of(child.id()));
            evidence.addAll(row.get("whys").asList(Value::asString));
            c.flags.add(new Raised(5, "HSB_NO_AIM3_OR_YOT", aim3 || yot ? Severity.MEDIUM : Severity.HIGH, child.id(),
                    SubjectKind.PERSON, evidence, List.of(child.id()), name -> name.apply(child.id())
                            + " has harmful sexual behaviour" + (since == null ? "" : " (since " + since + ")") + " but "
                            + String.join(" and ", missing) + ".",
                    null));
        }
    }

    /** 6. A referral sent more than a working day after the incident, or decided more than one after receipt. */
    private void rule6(Context c) {
        var days = settings.workingDays();
        for (var row : c.read("referrals-in-window", Map.of())) {
            var r = row.get("r");
            var person = c.person(row.get("p"));
            var id = Views.string(r, "id");
            var received = london(r.get("receivedAt"));
            var incident = london(r.get("incidentAt"));
            var decided = london(r.get("decidedAt"));
            var problems = new ArrayList<String>();
            var severity = Severity.LOW;
            if (incident != null && days.between(incident, received) > 1) {
                var late = days.between(incident, received);
                problems.add("received " + late + " working days after the incident on " + incident);
                if (late > 5) {
                    severity = Severity.MEDIUM;
                }
            }
            if (decided != null && days.between(received, decided) > 1) {
                problems.add("decided " + days.between(received, decided) + " working days after receipt on " + received);
                severity = Severity.MEDIUM;
            } else if (decided == null && days.between(received, c.asOf) > 1) {
                problems.add("no decision " + days.between(received, c.asOf) + " working days after receipt on " + received);
                severity = Severity.MEDIUM;
            }
            if (problems.isEmpty()) {
                continue;
            }
            var from = row.get("ag").isNull() ? "" : " from " + Views.string(row.get("ag"), "name");
            var finalSeverity = severity;
            c.flags.add(new Raised(6, "REFERRAL_DELAY", finalSeverity, id, SubjectKind.REFERRAL,
                    List.of(id, person.id()), List.of(person.id()), name -> "Referral " + id + from + " about "
                            + name.apply(person.id()) + " was " + String.join("; ", problems) + " (timescale: 1 working day).",
                    null));
        }
    }

    /** 7. A strategy meeting without police or health attending: HIGH when both were absent. */
    private void rule7(Context c) {
        for (var row : c.read("rule-07", Map.of())) {
            var present = row.get("present").asList(Value::asString);
            var missing = new ArrayList<String>();
            if (!present.contains("POLICE")) {
                missing.add("police");
            }
            if (!present.contains("HEALTH")) {
                missing.add("health");
            }
            if (missing.isEmpty()) {
                continue;
            }
            var m = row.get("m");
            var id = Views.string(m, "id");
            var people = new ArrayList<String>();
            row.get("people").asList(v -> v).forEach(p -> {
                people.add(p.get("id").asString());
                c.names.put(p.get("id").asString(), p.get("name").asString());
            });
            var evidence = new ArrayList<String>(List.of(id));
            evidence.addAll(people);
            c.flags.add(new Raised(7, "STRATEGY_MEETING_AGENCY_ABSENT", missing.size() == 2 ? Severity.HIGH : Severity.MEDIUM,
                    id, SubjectKind.MEETING, evidence, people, name -> "The strategy meeting of " + Views.date(m, "heldOn")
                            + " about " + String.join(", ", people.stream().map(name).toList()) + " was held without "
                            + String.join(" or ", missing) + " (the minimum is social care, health and police).",
                    null));
        }
    }

    /** 8. A strategy-meeting action past its due date and not completed: HIGH when long overdue. */
    private void rule8(Context c) {
        var days = settings.workingDays();
        var parameters = new HashMap<String, Object>();
        parameters.put("agency", null);
        for (var row : c.read("overdue-actions", parameters)) {
            var m = row.get("m");
            if (!"STRATEGY".equals(Views.string(m, "kind"))) {
                continue;
            }
            var ac = row.get("ac");
            var id = Views.string(ac, "id");
            var due = Views.date(ac, "dueOn");
            var late = days.between(due, c.asOf);
            var people = new ArrayList<String>();
            row.get("people").asList(v -> v).forEach(p -> people.add(c.person(p).id()));
            var owner = row.get("owner").isNull() ? "no owner recorded" : Views.string(row.get("owner"), "name");
            var evidence = new ArrayList<String>(List.of(id, Views.string(m, "id")));
            evidence.addAll(people);
            c.flags.add(new Raised(8, "ACTION_OVERDUE", late > settings.overdueHighWorkingDays() ? Severity.HIGH
                    : Severity.MEDIUM, id, SubjectKind.ACTION, evidence, people, name -> "\"" + Views.string(ac, "description")
                            + "\" (" + owner + "), agreed at the strategy meeting of " + Views.date(m, "heldOn")
                            + (people.isEmpty() ? "" : " for " + String.join(", ", people.stream().map(name).toList()))
                            + ", was due on " + due + " and is " + late + " working days overdue.",
                    null));
        }
    }

    /** 9. A missing episode with no independent return home interview within 72 hours (clock time): HIGH. */
    private void rule9(Context c) {
        var endOfDay = c.asOf.plusDays(1).atStartOfDay(LONDON);
        for (var row : c.read("rule-09", Map.of())) {
            var person = c.person(row.get("p"));
            if (!c.child(person)) {
                continue;
            }
            var e = row.get("e");
            var start = e.get("occurredAt").asZonedDateTime();
            var end = e.get("endedAt").isNull() ? start : e.get("endedAt").asZonedDateTime();
            var deadline = end.plus(Duration.ofHours(72));
            if (!deadline.isBefore(endOfDay)) {
                continue;
            }
            var interviews = row.get("interviews").asList(v -> v);
            var inTime = interviews.stream().filter(i -> {
                var at = i.get("occurredAt").asZonedDateTime();
                return !at.isBefore(end) && !at.isAfter(deadline);
            }).toList();
            var independent = inTime.stream().anyMatch(i -> i.get("independent").isNull() || i.get("independent").asBoolean());
            if (independent) {
                continue;
            }
            var id = Views.string(e, "id");
            var what = inTime.isEmpty() ? "no return home interview within 72 hours"
                    : "a return home interview within 72 hours, but not by someone independent";
            c.flags.add(new Raised(9, "MISSING_NO_RETURN_INTERVIEW", Severity.HIGH, person.id(), SubjectKind.PERSON,
                    List.of(person.id(), id), List.of(person.id()), name -> name.apply(person.id()) + " was missing from "
                            + start.withZoneSameInstant(LONDON).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES)
                            + " (" + id + ") and had " + what + ".",
                    null));
        }
    }

    /** 10. A child on a protection plan without an NHS number: MEDIUM. */
    private void rule10(Context c) {
        for (var row : c.read("rule-10", Map.of())) {
            var person = c.person(row.get("p"));
            var since = Views.date(row, "since");
            c.flags.add(new Raised(10, "PLAN_NO_NHS_NUMBER", Severity.MEDIUM, person.id(), SubjectKind.PERSON,
                    List.of(person.id(), row.get("markerId").asString()), List.of(person.id()),
                    name -> name.apply(person.id()) + " has been on a child protection plan" + (since == null ? ""
                            : " since " + since) + " but has no NHS number, so health systems (CP-IS) cannot flag them.",
                    null));
        }
    }

    /** 11. Two or more referrals about the same child within 12 months: HIGH from three. */
    private void rule11(Context c) {
        var byPerson = new LinkedHashMap<String, List<String>>();
        var received = new HashMap<String, List<LocalDate>>();
        for (var row : c.read("referrals-in-window", Map.of())) {
            var person = c.person(row.get("p"));
            if (!c.child(person)) {
                continue;
            }
            byPerson.computeIfAbsent(person.id(), k -> new ArrayList<>()).add(Views.string(row.get("r"), "id"));
            received.computeIfAbsent(person.id(), k -> new ArrayList<>()).add(london(row.get("r").get("receivedAt")));
        }
        byPerson.forEach((id, referrals) -> {
            if (referrals.size() < 2) {
                return;
            }
            var evidence = new ArrayList<String>(List.of(id));
            evidence.addAll(referrals);
            var dates = received.get(id).stream().map(LocalDate::toString).toList();
            c.flags.add(new Raised(11, "REPEAT_REFERRALS", referrals.size() >= 3 ? Severity.HIGH : Severity.MEDIUM, id,
                    SubjectKind.PERSON, evidence, List.of(id), name -> name.apply(id) + " has " + referrals.size()
                            + " referrals in the 12 months to " + c.asOf + " (received " + String.join(", ", dates) + ").",
                    null));
        });
    }

    /** 12. A sexual-abuse victim without CAMHS / CSAAC / ISVA support, or who waited too long for it. */
    private void rule12(Context c) {
        var limit = settings.supportWaitWeeks();
        for (var row : c.read("rule-12", Map.of())) {
            var person = c.person(row.get("c"));
            if (!c.child(person)) {
                continue;
            }
            var since = Views.date(row, "since");
            var start = since == null ? c.asOf : since;
            var support = row.get("involvements").asList(v -> v).stream().filter(i -> isSupport(i))
                    .filter(i -> Views.date(i, "to") == null || !Views.date(i, "to").isBefore(start))
                    .min(Comparator.comparing((Value i) -> Views.date(i, "from"), Comparator.nullsFirst(Comparator.naturalOrder())))
                    .orElse(null);
            var evidence = new ArrayList<String>(List.of(person.id()));
            evidence.addAll(row.get("whys").asList(Value::asString));
            if (support == null) {
                var weeks = ChronoUnit.WEEKS.between(start, c.asOf);
                c.flags.add(new Raised(12, "SA_VICTIM_NO_SUPPORT", weeks > limit ? Severity.HIGH : Severity.MEDIUM,
                        person.id(), SubjectKind.PERSON, evidence, List.of(person.id()), name -> name.apply(person.id())
                                + ", a victim of sexual abuse since " + start + ", has no CAMHS, CSAAC or ISVA involvement ("
                                + weeks + " weeks; the threshold is " + limit + ").",
                        null));
                continue;
            }
            var began = Views.date(support, "from");
            var waited = began == null || !began.isAfter(start) ? 0 : ChronoUnit.WEEKS.between(start, began);
            if (waited > limit) {
                evidence.add(support.get("key").asString());
                c.flags.add(new Raised(12, "SA_VICTIM_NO_SUPPORT", Severity.LOW, person.id(), SubjectKind.PERSON, evidence,
                        List.of(person.id()), name -> name.apply(person.id()) + " waited " + waited + " weeks (threshold "
                                + limit + ") for " + support.get("agencyName").asString() + ", which began on " + began + ".",
                        null));
            }
        }
    }

    private boolean isSupport(Value involvement) {
        var text = (nz(Views.string(involvement, "agencyId")) + " | " + nz(Views.string(involvement, "agencyName")) + " | "
                + nz(Views.string(involvement, "role"))).toLowerCase(Locale.ROOT);
        return settings.supportServices().stream().anyMatch(text::contains);
    }

    // --- helpers --------------------------------------------------------------------------------

    static LocalDate london(Value instant) {
        return instant == null || instant.isNull() ? null
                : instant.asZonedDateTime().withZoneSameInstant(LONDON).toLocalDate();
    }

    static LocalDate london(ZonedDateTime instant) {
        return instant == null ? null : instant.withZoneSameInstant(LONDON).toLocalDate();
    }

    private static String period(Period p) {
        return p.to() == null ? "from " + (p.from() == null ? "an unknown date" : p.from()) + " on"
                : (p.from() == null ? "until " : "from " + p.from() + " to ") + p.to();
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
