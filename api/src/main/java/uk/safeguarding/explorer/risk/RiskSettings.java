package uk.safeguarding.explorer.risk;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.safeguarding.explorer.model.WorkingDays;

/**
 * The thresholds of the risk rules and the triage queue, with their documented defaults (README,
 * "Risk indicators"), and the working-day calendar.
 */
@Component
public class RiskSettings {

    private final int supportWaitWeeks;
    private final int windowMonths;
    private final int triageDays;
    private final int overdueHighWorkingDays;
    private final List<String> supportServices;
    private final WorkingDays workingDays;

    RiskSettings(
            @Value("${explorer.risk.support-wait-weeks:6}") int supportWaitWeeks,
            @Value("${explorer.risk.window-months:12}") int windowMonths,
            @Value("${explorer.risk.triage-days:30}") int triageDays,
            @Value("${explorer.risk.overdue-high-working-days:10}") int overdueHighWorkingDays,
            @Value("${explorer.risk.support-services:camhs,csaac,sarc,isva,child and adolescent mental health,"
                            + "sexual abuse assessment,sexual assault referral,sexual violence adviser}")
                    String supportServices,
            @Value("${explorer.bank-holidays-file:}") String bankHolidaysFile) {
        this.supportWaitWeeks = supportWaitWeeks;
        this.windowMonths = windowMonths;
        this.triageDays = triageDays;
        this.overdueHighWorkingDays = overdueHighWorkingDays;
        this.supportServices = Arrays.stream(supportServices.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
        var calendar = WorkingDays.englandAndWales();
        this.workingDays = bankHolidaysFile.isBlank() ? calendar : calendar.with(Path.of(bankHolidaysFile));
    }

    /** The documented defaults, for tools outside the application (the benchmark). */
    public static RiskSettings defaults() {
        return new RiskSettings(
                6,
                12,
                30,
                10,
                "camhs,csaac,sarc,isva,child and adolescent mental health,"
                        + "sexual abuse assessment,sexual assault referral,sexual violence adviser",
                "");
    }

    /** Rule 12: weeks a sexual-abuse victim may wait for CAMHS / CSAAC / ISVA support. */
    public int supportWaitWeeks() {
        return supportWaitWeeks;
    }

    /** Rules 5, 6, 7, 9, 11, 12: how far back (months) referrals, meetings and episodes are looked at. */
    public int windowMonths() {
        return windowMonths;
    }

    /** The triage queue: referrals received in this many days up to asOf. */
    public int triageDays() {
        return triageDays;
    }

    /** Rule 8: an action this many working days overdue is HIGH. */
    public int overdueHighWorkingDays() {
        return overdueHighWorkingDays;
    }

    /** Rule 12: an involvement is support when its agency id, agency name or role contains one of these. */
    public List<String> supportServices() {
        return supportServices;
    }

    public WorkingDays workingDays() {
        return workingDays;
    }
}
