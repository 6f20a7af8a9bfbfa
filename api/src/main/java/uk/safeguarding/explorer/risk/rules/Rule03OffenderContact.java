package uk.safeguarding.explorer.risk.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.graph.Views;
import uk.safeguarding.explorer.risk.RiskFlag.Severity;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;

/** 3. An RSO who is the current partner of a child's parent, or has contact with a child: HIGH. */
@Component
class Rule03OffenderContact implements RiskRule {

    private static final Statements READ = Statements.named("rule-03");

    /** How the offender reaches the child. */
    sealed interface Way {

        String words(String childId, Names name);
    }

    /** The offender has contact with the child (since a day, when known). */
    record Contact(LocalDate since) implements Way {

        @Override
        public String words(String childId, Names name) {
            return "has contact with " + name.name(childId) + (since == null ? "" : " since " + since);
        }
    }

    /** The offender is the partner of a parent of the child (since a day, when known). */
    record PartnerOfParent(String parentId, LocalDate since) implements Way {

        @Override
        public String words(String childId, Names name) {
            return "is the partner of " + name.name(parentId) + ", a parent of " + name.name(childId)
                    + (since == null ? "" : ", since " + since);
        }
    }

    /** A registered offender who reaches a child in one or more ways. */
    record OffenderNearChild(String childId, String offenderId, List<Way> ways) implements Finding {

        @Override
        public String sentence(Names name) {
            return name.name(offenderId) + ", a registered sex offender, "
                    + String.join(
                            " and ",
                            ways.stream().map(w -> w.words(childId, name)).toList()) + ".";
        }
    }

    @Override
    public int number() {
        return 3;
    }

    @Override
    public String code() {
        return "RSO_CONTACT";
    }

    @Override
    public void raise(RuleContext c) {
        var byPair = new LinkedHashMap<List<String>, List<Record>>();
        for (var row : c.read(READ)) {
            var child = c.person(row.get("c"));
            if (c.child(child)) {
                var offender = c.person(row.get("o"));
                byPair.computeIfAbsent(List.of(child.id(), offender.id()), k -> new ArrayList<>())
                        .add(row);
            }
        }
        byPair.forEach((pair, rows) -> {
            var childId = pair.get(0);
            var offenderId = pair.get(1);
            var evidence = new LinkedHashSet<String>(
                    List.of(childId, offenderId, rows.get(0).get("markerId").asString()));
            var ways = new ArrayList<Way>();
            for (var row : rows) {
                evidence.add(row.get("relKey").asString());
                var since = Views.date(row, "since");
                if ("CONTACT".equals(row.get("how").asString())) {
                    ways.add(new Contact(since));
                } else {
                    var parent = c.person(row.get("parent"));
                    evidence.add(parent.id());
                    ways.add(new PartnerOfParent(parent.id(), since));
                }
            }
            c.raise(new Raised(
                    number(),
                    code(),
                    Severity.HIGH,
                    childId,
                    SubjectKind.PERSON,
                    List.copyOf(evidence),
                    List.of(childId, offenderId),
                    new OffenderNearChild(childId, offenderId, List.copyOf(ways)),
                    offenderId));
        });
    }
}
