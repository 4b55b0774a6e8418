package dev.mailroom.console.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import dev.mailroom.console.AdminPages;
import dev.mailroom.console.ConsoleTest;
import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.testing.ImapGreenMail;

/** Admin › Support Channels › Emails › Incoming Email Servers: each server's state, and Test Connection step by step. */
@ConsoleTest
class ConsoleIncomingServersTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = ImapGreenMail.onLoopback();

    @Autowired
    MockMvc mvc;
    @Autowired
    AdminPages pages;
    @Autowired
    IntakeHarness intake;

    @Test
    void eachServerShowsItsFetchingStateAtAGlance() throws Exception {
        var fetched = intake.desk(greenMail);
        intake.receive(fetched, """
                From: ann@customer.test
                To: %DESK%
                Subject: VPN drops
                Message-ID: <servers-1@customer.test>

                Every hour.
                """);
        var disabled = intake.desk(greenMail, "enabled", false);

        Document list = pages.get("/admin/incoming-email-servers");

        Element row = list.selectFirst("#server-" + fetched.serverId());
        assertThat(row.text()).contains("Desk " + fetched.address(), "IMAP 127.0.0.1:", "no security");
        assertThat(row.select(".status").text()).isEqualTo("fetching");
        assertThat(row.select("td").get(2).text()).as("last successful poll").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(row.select("td.number").eachText()).as("failures in a row, fetched today, backlog").containsExactly("0", "1", "0");
        assertThat(row.select("a:contains(Audit)").attr("href")).isEqualTo("/admin/email-audit?server=INCOMING-" + fetched.serverId());
        assertThat(list.selectFirst("#server-" + disabled.serverId()).select(".status").text()).isEqualTo("disabled");
    }

    @Test
    void testConnectionShowsEveryStepPassing() throws Exception {
        var desk = intake.desk(greenMail);

        Document result = pages.post("/admin/incoming-email-servers/" + desk.serverId() + "/test", true);

        assertThat(result.select("header.topbar")).as("htmx gets only the result").isEmpty();
        assertThat(result.select("ol.steps li strong").eachText())
                .containsExactly("DNS lookup", "TCP connect", "Server greeting", "Login", "Open folder");
        assertThat(result.select("ol.steps li").eachAttr("data-status")).containsOnly("PASSED");
        assertThat(result.select(".notice.passed").text()).isEqualTo("All steps passed: Mailroom can read this mailbox");
        assertThat(result.select("ol.steps li[data-step=GREETING] .answer").text()).startsWith("Server said: * OK");
    }

    @Test
    void aWrongPasswordFailsAtLoginWithTheHint() throws Exception {
        var desk = intake.desk(greenMail, "password", "Not-The-Password-1");

        Document result = pages.post("/admin/incoming-email-servers/" + desk.serverId() + "/test", false);

        assertThat(result.select("header.topbar")).as("without htmx, a whole page").hasSize(1);
        Element login = result.selectFirst("ol.steps li[data-step=LOGIN]");
        assertThat(login.attr("data-status")).isEqualTo("FAILED");
        assertThat(login.select(".hint").text()).isNotBlank();
        assertThat(result.select("ol.steps li[data-step=OPEN_FOLDER]").attr("data-status")).isEqualTo("SKIPPED");
        assertThat(result.select(".notice.error").text()).isNotBlank();
    }

    @Test
    void anUnknownServerIsAPageSayingSo() throws Exception {
        mvc.perform(post("/admin/incoming-email-servers/987654321/test").with(AdminPages.ADMIN).with(csrf()))
                .andExpect(status().isNotFound());
    }

}
