package uk.safeguarding.explorer.risk.rules;

import java.util.List;
import uk.safeguarding.explorer.model.Period;

/** Words the rules' sentences share: periods and lists of people (code-list values: {@code model.Wording}). */
final class Sentences {

    private Sentences() {}

    /** "from 2017-06-01 to 2018-06-20", "from 2017-06-01 on", "until 2018-06-20". */
    static String period(Period p) {
        return p.to() == null
                ? "from " + (p.from() == null ? "an unknown date" : p.from()) + " on"
                : (p.from() == null ? "until " : "from " + p.from() + " to ") + p.to();
    }

    /** The people named and joined with commas. */
    static String people(List<String> ids, Names name) {
        return name.list(ids);
    }
}
