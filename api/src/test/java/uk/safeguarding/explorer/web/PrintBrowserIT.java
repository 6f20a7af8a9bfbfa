package uk.safeguarding.explorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import uk.safeguarding.explorer.support.BrowserIT;

/** The browser's own Print (review 26 F5): no case data leaves on paper without a recorded, marked pack. */
class PrintBrowserIT extends BrowserIT {

    @BeforeEach
    void scenario() {
        cleanDatabase();
        importScenario();
    }

    /**
     * F5: the browser's own Print (Ctrl+P, the menu) prints the page through print.css, which lays
     * out every panel as the meeting pack does: Sara's NHS number, markers, co-residents, involvement
     * matrix and chronology, with no OFFICIAL-SENSITIVE marking (the banner is hidden in print, the
     * page-margin stamp is set only by printPack) and no export in the audit log (recordExport runs only
     * from the PNG and pack buttons). Print media emulated as Ctrl+P renders it: now only a marked note
     * saying to print the meeting pack, which is recorded first.
     */
    @Test
    void theBrowsersOwnPrintGivesNoCaseDataThatWasNotRecordedAsAnExport() {
        signIn("social-worker");
        open("/?person=p-sara&asOf=2018-09-26");
        waitSettled();
        assertThat(text("panel-details")).contains("4010232137");
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            var printed = (String) js("return document.body.innerText");
            assertThat(printed).doesNotContain("4010232137", "Fictional Terrace", "Sara");
            assertThat((String) js("return getComputedStyle(document.body, '::before').content"))
                    .contains("OFFICIAL-SENSITIVE", "use Print meeting pack");
            assertThat(count("MATCH (a:AuditEvent {user: 'social-worker'}) WHERE a.operation STARTS WITH 'export:' "
                            + "RETURN count(a)"))
                    .as("nothing printed, nothing recorded as an export")
                    .isZero();
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /**
     * Review 27 P1: the pack's print class was taken off only on afterprint, which a browser ignoring
     * the print call never fires; then a later Ctrl+P printed the page as a pack without a record. Now
     * it goes, with the pack's page stamp, once print() returns.
     */
    @Test
    void afterAPackWhoseDialogNeverOpenedCtrlPPrintsNothing() {
        signIn("social-worker");
        open("/?person=p-sara&asOf=2018-09-26");
        waitSettled();
        // a print call the browser ignores: no dialog, no afterprint
        js(
                "window.print = () => { document.body.dataset.printed = String(Number(document.body.dataset.printed || 0) + 1); }");
        var pack = renders("print-title");
        driver.findElement(org.openqa.selenium.By.id("print-button")).click();
        waitRendered("print-title", pack);
        assertThat(js("return document.body.dataset.printed")).isEqualTo("1");
        assertThat(
                        js(
                                "return document.body.classList.contains('printing-pack') || !!document.getElementById('print-pages')"))
                .isEqualTo(false);
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat((String) js("return document.body.innerText")).doesNotContain("4010232137");
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }
}
