package dev.mailroom.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.ImapGreenMail;
import dev.mailroom.users.DeskUser;
import dev.mailroom.users.NewUser;
import dev.mailroom.users.UserKind;
import dev.mailroom.users.UserService;

/**
 * The console in a real headless Chromium, as an admin uses it: sign in, find an ignored email in Email Audit by its
 * status, read its trace and preview its reprocessing; Test Connection of a mailbox; a provider preset filling the
 * server form; an Incoming Email Rule that ignores a sender, tried with an uploaded email from that sender; a ticket
 * whose hostile HTML stays inert, answered from its page; an archived sender restored from the Users screen the
 * ignored email's entry links to, and the email reprocessed into a ticket. Skipped, saying why, where Debian's chromium and chromium-driver are not installed ({@code .ci/run}
 * installs them).
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = ImapGreenMail.onLoopback()
            .withPerMethodLifecycle(false);

    @Autowired
    Api api;
    @Autowired
    IntakeHarness intake;
    @Autowired
    UserService users;

    ConsoleBrowser browser;
    IntakeHarness.Desk desk;

    @BeforeAll
    void startBrowser() throws Exception {
        assumeTrue(ConsoleBrowser.installed(), "Browser tests skipped: " + ConsoleBrowser.CHROMIUM + " or "
                + ConsoleBrowser.CHROMEDRIVER + " is missing; install them with: apt-get install -y chromium chromium-driver");
        desk = intake.desk(greenMail, "filterType", "IGNORE", "filterEntries", List.of("newsletter.test"));
        intake.receive(desk, """
                From: offers@newsletter.test
                To: %DESK%
                Subject: Spring sale <script>window.pwned = true</script>
                Message-ID: <browser-ignored@newsletter.test>

                Buy now.
                """);
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void anAdminSignsInFiltersTheAuditByStatusAndReadsAnEntrysTrace() {
        browser.open(api.baseUrl() + "/admin/email-audit");
        browser.await("body.signin");
        browser.screenshot("01-login");
        browser.find("#username").sendKeys("admin");
        browser.find("#password").sendKeys(Api.ADMIN_PASSWORD);
        browser.find("button[type=submit]").click();

        browser.await("#audit-filters");
        assertThat(browser.find("h1").getText()).isEqualTo("Email Audit");
        new Select(browser.find("select#event")).selectByVisibleText("Incoming");
        new Select(browser.find("select#status")).selectByVisibleText("RECEIVED IGNORED");
        browser.find("#apply-filters").click();

        browser.await("#results tbody tr");
        assertThat(browser.driver().findElements(By.cssSelector("#results tbody tr .status")))
                .extracting(WebElement::getText).containsOnly("RECEIVED IGNORED");
        browser.screenshot("02-email-audit-received-ignored");

        WebElement row = browser.driver().findElement(By.xpath("//tr[td[contains(., 'offers@newsletter.test')]]"));
        assertThat(row.getText()).contains("Sender matched spam/ignore filter", "Spring sale <script>");
        row.findElement(By.cssSelector("td a")).click();

        browser.await("#trace");
        assertThat(browser.find("#entry-status").getText()).isEqualTo("RECEIVED IGNORED");
        assertThat(browser.find("#entry-message").getText()).isEqualTo("Sender matched spam/ignore filter");
        List<WebElement> steps = browser.driver().findElements(By.cssSelector("#trace tbody tr"));
        assertThat(steps).isNotEmpty();
        assertThat(steps.get(steps.size() - 1).getText()).contains("sender-filter", "matches the Ignore list entry newsletter.test");
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return window.pwned"))
                .as("the subject's script stayed text").isNull();

        browser.find("#preview-reprocess").click();
        browser.await("#preview");
        assertThat(browser.find("#preview .status").getText()).isEqualTo("RECEIVED IGNORED");
        assertThat(browser.find("#confirm-reprocess").isDisplayed()).isTrue();
        browser.screenshot("03-audit-entry-trace-and-preview");
    }

    @Test
    @Order(2)
    void testConnectionShowsEachStepOfTheMailbox() {
        browser.find("nav.sidebar").findElement(By.linkText("Incoming Email Servers")).click();
        WebElement row = browser.await("#server-" + desk.serverId());
        row.findElement(By.cssSelector("button.test-connection")).click();

        browser.await("#test-result-" + desk.serverId() + " ol.steps");
        List<WebElement> steps = browser.driver().findElements(By.cssSelector("#test-result-" + desk.serverId() + " ol.steps li"));
        assertThat(steps).extracting(step -> step.findElement(By.tagName("strong")).getText())
                .containsExactly("DNS lookup", "TCP connect", "Server greeting", "Login", "Open folder");
        assertThat(steps).extracting(step -> step.getAttribute("data-status")).containsOnly("PASSED");
        browser.screenshot("04-incoming-servers-test-connection");
    }

    @Test
    @Order(3)
    void aProviderPresetFillsHostPortAndSecurity() {
        browser.find("#new-server").click();
        browser.await("#incoming-server-form");
        new Select(browser.find("#preset")).selectByVisibleText("Gmail");
        assertThat(browser.find("#host").getDomProperty("value")).isEqualTo("imap.gmail.com");
        assertThat(browser.find("#port").getDomProperty("value")).isEqualTo("993");
        assertThat(new Select(browser.find("#security")).getFirstSelectedOption().getText()).isEqualTo("SSL/TLS");
        assertThat(browser.find("#preset-note").getText()).contains("App Password");

        new Select(browser.find("#protocol")).selectByVisibleText("POP3");
        assertThat(browser.find("#host").getDomProperty("value")).isEqualTo("pop.gmail.com");
        assertThat(browser.find("#port").getDomProperty("value")).isEqualTo("995");

        new Select(browser.find("#preset")).selectByVisibleText("iCloud");
        assertThat(browser.find("#preset-note").getText()).startsWith("iCloud offers no POP3.");
        new Select(browser.find("#protocol")).selectByVisibleText("IMAP");
        assertThat(browser.find("#host").getDomProperty("value")).isEqualTo("imap.mail.me.com");

        browser.find("#name").sendKeys("Apple desk");
        browser.find("#save-server").click();
        browser.await("#incoming-server-form .field-error");
        assertThat(browser.find("label:has(#mailboxAddresses) .field-error").getText()).isEqualTo("must not be empty");
        assertThat(browser.find("label:has(#username) .field-error").getText()).isEqualTo("must not be blank");
        assertThat(browser.find("#host").getDomProperty("value")).isEqualTo("imap.mail.me.com");
        browser.screenshot("05-incoming-server-form-errors");
    }

    @Test
    @Order(4)
    void aRuleThatIgnoresASenderIsCreatedAndTriedWithAnUploadedEmail() throws Exception {
        browser.find("nav.sidebar").findElement(By.linkText("Incoming Email Rules")).click();
        browser.await("#new-rule").click();
        browser.await("#incoming-rule-form");
        browser.find("#name").sendKeys("Quiet the offers");
        new Select(browser.find("#conditions0\\.field")).selectByVisibleText("FROM");
        new Select(browser.find("#conditions0\\.operator")).selectByVisibleText("EQUALS");
        browser.find("#conditions0\\.value").sendKeys("offers@quiet.test");
        new Select(browser.find("#actions0\\.type")).selectByVisibleText("IGNORE");
        browser.screenshot("06-incoming-rule-form");
        browser.find("#save-rule").click();

        browser.await("#rules");
        assertThat(browser.find("#saved").getText()).isEqualTo("Saved 'Quiet the offers'");
        WebElement row = browser.driver().findElement(By.xpath("//tr[td//strong[text()='Quiet the offers']]"));
        assertThat(row.findElement(By.cssSelector(".conditions")).getText()).isEqualTo("From is \"offers@quiet.test\"");
        assertThat(row.findElement(By.cssSelector(".actions")).getText()).isEqualTo("ignore the email");

        Path email = Files.createTempFile("offer", ".eml");
        Files.writeString(email, "From: offers@quiet.test\r\nTo: " + desk.address() + "\r\nSubject: Last chance\r\n"
                + "Message-ID: <browser-try@quiet.test>\r\n\r\nBuy now.\r\n", StandardCharsets.US_ASCII);
        browser.find("#try-email").sendKeys(email.toAbsolutePath().toString());
        new Select(browser.find("#try-server")).selectByValue(String.valueOf(desk.serverId()));
        browser.find("#try-submit").click();

        browser.await("#tried-status");
        assertThat(browser.find("#tried-status").getText()).isEqualTo("RECEIVED IGNORED");
        assertThat(browser.find("#tried-message").getText()).isEqualTo("Ignored by Incoming Email Rule \"Quiet the offers\"");
        assertThat(browser.find("#rules-fired").getText()).contains("rule \"Quiet the offers\" matched");
        browser.screenshot("07-incoming-rules-try-it");
        Files.delete(email);
    }

    @Test
    @Order(5)
    void aTicketShowsHostileHtmlInertAndTakesAReply() throws Exception {
        String ticket = intake.receive(desk, """
                From: Ann <ann@customer.test>
                To: %DESK%
                Subject: VPN drops
                Message-ID: <browser-ticket@customer.test>
                MIME-Version: 1.0
                Content-Type: text/html; charset=utf-8

                <p>The <b>VPN</b> drops.<script>window.pwned = true</script><img src="x" onerror="window.pwned = true">
                <a id="bad" href="javascript:window.pwned = true">details</a><img src="https://tracker.example/pixel.png"></p>
                """).get("ticketDisplayId").asString();

        browser.find("nav.sidebar").findElement(By.linkText("Tickets")).click();
        browser.await("#tickets");
        browser.driver().findElement(By.linkText(ticket)).click();
        browser.await("#reply-form");
        var js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
        assertThat(browser.find("#request .body b").getText()).isEqualTo("VPN");
        assertThat(js.executeScript("return window.pwned")).as("no script of the mail ran").isNull();
        // a blocked load still leaves a resource timing entry, so ask which loads the page's CSP refused
        Object blocked = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                new ReportingObserver(reports => done(reports.map(r => r.body.blockedURL).join(' ')),
                        {types: ['csp-violation'], buffered: true}).observe();
                setTimeout(() => done('no report'), 3000);""");
        assertThat(blocked).as("the remote image was never requested").asString()
                .contains("https://tracker.example/pixel.png");
        assertThat(browser.find("#reply-form input[name=to]").getDomProperty("value")).isEqualTo("ann@customer.test");
        browser.screenshot("08-ticket-page");

        browser.find("#reply-form textarea[name=body]").sendKeys("Please update the VPN client to 5.2.");
        browser.find("#send-reply").click();
        browser.await("#done");
        assertThat(browser.find("#done").getText()).isEqualTo("Reply sent to ann@customer.test");
        WebElement reply = browser.find("article.message.outgoing");
        assertThat(reply.getText()).contains("OUTGOING", "admin", "to ann@customer.test", "Please update the VPN client to 5.2.");
        browser.screenshot("09-ticket-after-reply");
    }

    @Test
    @Order(6)
    void anArchivedSendersEmailIsTakenInAfterTheUserIsRestored() throws Exception {
        DeskUser archived = users.create(new NewUser("gus@customer.test", "Gus", UserKind.REQUESTER));
        users.archive(archived.id());
        long entry = intake.receive(desk, """
                From: Gus <gus@customer.test>
                To: %DESK%
                Subject: Account locked
                Message-ID: <browser-archived@customer.test>

                I cannot sign in.
                """).get("id").asLong();

        browser.open(api.baseUrl() + "/admin/email-audit/" + entry);
        assertThat(browser.await("#entry-message").getText()).isEqualTo("From Email user is Archived/Deleted");
        browser.find("#restore-sender").click();
        browser.await("#users");
        browser.screenshot("10-users-search-archived-sender");
        browser.find("#user-" + archived.id() + " a.action-restore").click();
        assertThat(browser.await("#consequence").getText()).contains("They become active again");
        browser.screenshot("11-users-confirm-restore");
        browser.find("#confirm").click();
        assertThat(browser.await("#done").getText()).isEqualTo("User gus@customer.test restored");
        assertThat(browser.find("#user-" + archived.id()).getText()).contains("ACTIVE");

        browser.open(api.baseUrl() + "/admin/email-audit/" + entry);
        browser.find("#preview-reprocess").click();
        assertThat(browser.await("#preview .status").getText()).isEqualTo("PROCESSED");
        browser.find("#confirm-reprocess").click();
        assertThat(browser.await("#reprocessed-ticket").getText()).startsWith("INC-");
        browser.screenshot("12-audit-reprocessed-after-restore");
    }

    @Test
    @Order(7)
    void anSmtpProviderPresetFillsHostPortAndSecurity() {
        browser.open(api.baseUrl() + "/admin/outgoing-email-servers");
        browser.find("#new-server").click();
        browser.await("#outgoing-server-form");
        new Select(browser.find("#preset")).selectByVisibleText("Yahoo");
        assertThat(browser.find("#host").getDomProperty("value")).isEqualTo("smtp.mail.yahoo.com");
        assertThat(browser.find("#port").getDomProperty("value")).isEqualTo("465");
        assertThat(new Select(browser.find("#security")).getFirstSelectedOption().getText()).isEqualTo("SSL/TLS");
        assertThat(browser.find("#preset-note").getText()).contains("App Password");

        new Select(browser.find("#preset")).selectByVisibleText("Microsoft 365");
        assertThat(browser.find("#host").getDomProperty("value")).isEqualTo("smtp.office365.com");
        assertThat(browser.find("#port").getDomProperty("value")).isEqualTo("587");
        assertThat(new Select(browser.find("#security")).getFirstSelectedOption().getText()).isEqualTo("STARTTLS");
        browser.screenshot("13-outgoing-server-form-preset");
    }
}
