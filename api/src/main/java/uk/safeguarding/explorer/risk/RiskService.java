package uk.safeguarding.explorer.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import uk.safeguarding.explorer.errors.BadRequestException;
import uk.safeguarding.explorer.faults.FairUse;
import uk.safeguarding.explorer.faults.FairUse.Cost;
import uk.safeguarding.explorer.risk.RiskFlag.SubjectKind;
import uk.safeguarding.explorer.security.NeedToKnow;
import uk.safeguarding.explorer.security.Redaction;

/**
 * riskFlags and Person.riskFlags: the rules' flags as the user may see them. A flag about a person
 * is shown when the user may see that person; a flag about an address, referral, meeting or action
 * when they may see someone it concerns. People the user may not see are never named (nor in the
 * evidence); flags resting on offender detail (rules 1-3) are restricted, like markers, for agencies
 * without offender detail or when the offender is hidden. Everyone touched is audited.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'PRACTITIONER', 'MEETING_CHAIR')")
public class RiskService {

    static final String HIDDEN = "someone your agency cannot see";
    static final int MAX_PEOPLE = 500;

    private final RiskRules rules;
    private final NeedToKnow needToKnow;
    private final Redaction redaction;
    private final FairUse fairUse;

    RiskService(RiskRules rules, NeedToKnow needToKnow, Redaction redaction, FairUse fairUse) {
        this.rules = rules;
        this.needToKnow = needToKnow;
        this.redaction = redaction;
        this.fairUse = fairUse;
    }

    public List<RiskFlag> riskFlags(String personId, LocalDate asOf, List<Integer> ruleNumbers) {
        var wanted = wanted(ruleNumbers);
        if (personId == null) {
            return fairUse.run(Cost.EXPENSIVE_AREA_WIDE, () -> shown(rules.evaluate(asOf, wanted, null), asOf, null));
        }
        if (personId.isBlank() || personId.length() > 200) {
            throw new BadRequestException("personId", "must be a non-blank id of at most 200 characters");
        }
        needToKnow.require("riskFlags", personId, asOf);
        return shown(rules.evaluate(asOf, wanted, List.of(personId)), asOf, Set.of(personId)).stream()
                .filter(f -> concerns(f, personId)).toList();
    }

    /** The flags of each of the people given (those the user may see), once each. */
    public List<RiskFlag> riskFlagsOf(String personId, List<String> personIds, LocalDate asOf, List<Integer> ruleNumbers) {
        if (personId != null) {
            throw new BadRequestException("personIds", "must not be given together with personId");
        }
        if (personIds.size() > MAX_PEOPLE || personIds.stream().anyMatch(id -> id.isBlank() || id.length() > 200)) {
            throw new BadRequestException("personIds", "must be at most " + MAX_PEOPLE + " ids of at most 200 characters");
        }
        var wanted = wanted(ruleNumbers);
        var visible = needToKnow.visible("riskFlags", personIds, asOf);
        if (visible.isEmpty()) {
            return List.of();
        }
        return shown(rules.evaluate(asOf, wanted, visible), asOf, visible).stream()
                .filter(f -> visible.stream().anyMatch(id -> concerns(f, id))).distinct().toList();
    }

    private static Set<Integer> wanted(List<Integer> ruleNumbers) {
        if (ruleNumbers == null) {
            return null;
        }
        var wanted = new TreeSet<>(ruleNumbers);
        if (wanted.stream().anyMatch(r -> r < 1 || r > 12)) {
            throw new BadRequestException("rules", "must be rule numbers from 1 to 12");
        }
        return wanted;
    }

    /** The flags of each of the people (Person.riskFlags), for people already shown to the user. */
    public Map<String, List<RiskFlag>> flagsOf(Collection<String> personIds, LocalDate asOf) {
        var flags = shown(rules.evaluate(asOf, null, personIds), asOf, Set.copyOf(personIds));
        var result = new HashMap<String, List<RiskFlag>>();
        for (var id : personIds) {
            result.put(id, flags.stream().filter(f -> concerns(f, id)).toList());
        }
        return result;
    }

    /** A person's own flags, and those of their addresses, referrals, meetings and actions. */
    private static boolean concerns(RiskFlag flag, String personId) {
        return flag.subjectKind() == SubjectKind.PERSON ? flag.subjectId().equals(personId)
                : flag.people().contains(personId);
    }

    private List<RiskFlag> shown(RiskRules.Result result, LocalDate asOf, Set<String> alreadyChecked) {
        var everyone = new LinkedHashSet<String>();
        result.flags().forEach(f -> everyone.addAll(f.people()));
        if (alreadyChecked != null) {
            everyone.removeAll(alreadyChecked);
        }
        var visible = new java.util.HashSet<>(needToKnow.visible("riskFlags", everyone, asOf));
        if (alreadyChecked != null) {
            visible.addAll(alreadyChecked);
        }
        var access = redaction.access();
        var shown = new ArrayList<RiskFlag>();
        for (var flag : result.flags()) {
            var see = flag.kind() == SubjectKind.PERSON ? visible.contains(flag.subjectId())
                    : flag.people().stream().anyMatch(visible::contains);
            if (!see) {
                continue;
            }
            var name = (java.util.function.Function<String, String>) id -> visible.contains(id)
                    ? result.names().getOrDefault(id, id) : HIDDEN;
            if (flag.offenderId() != null && (!access.offenderDetail() || !visible.contains(flag.offenderId()))) {
                var about = flag.kind() == SubjectKind.PERSON ? name.apply(flag.subjectId()) : "This address";
                shown.add(new RiskFlag(flag.rule(), Redaction.RESTRICTED, flag.severity(), flag.subjectId(), flag.kind(),
                        about + ": " + redaction.restrictedDetail(List.of()), List.of(flag.subjectId()),
                        flag.people().stream().filter(p -> visible.contains(p) && !p.equals(flag.offenderId())).toList()));
                continue;
            }
            var written = flag.write(name);
            shown.add(new RiskFlag(written.rule(), written.code(), written.severity(), written.subjectId(),
                    written.subjectKind(), written.summary(),
                    written.evidence().stream().filter(e -> java.util.Arrays.stream(e.split("\\|"))
                            .allMatch(part -> !result.names().containsKey(part) || visible.contains(part))).toList(),
                    written.people().stream().filter(visible::contains).toList()));
        }
        shown.sort(java.util.Comparator.comparing(RiskFlag::severity).thenComparing(RiskFlag::rule)
                .thenComparing(RiskFlag::subjectId));
        return shown;
    }
}
