package dev.mailroom.console.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import dev.mailroom.console.AdminPages;
import dev.mailroom.console.ConsoleTest;
import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.testing.ImapGreenMail;

/** Tickets: the list a technician starts at, and a ticket's page, which the Email Audit links to. */
@ConsoleTest
class ConsoleTicketsTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = ImapGreenMail.onLoopback();

    @Autowired
    MockMvc mvc;
    @Autowired
    IntakeHarness intake;
    @Autowired
    AdminPages pages;

    @Test
    void aTechnicianFindsTheTicketAnEmailMadeAndReadsItsConversationAsText() throws Exception {
        var desk = intake.desk(greenMail);
        String subject = "Screen <img src=x onerror=alert(1)> flickers " + System.nanoTime();
        var processed = intake.receive(desk, """
                From: Bo <bo@customer.test>
                To: %DESK%
                Subject: SUBJECT
                Message-ID: <tickets-1@customer.test>

                Since the update <b>yesterday</b>.
                """.replace("SUBJECT", subject));
        String ticket = processed.get("ticketDisplayId").asString();

        Document list = asTechnician("/tickets?q=flickers&status=OPEN");
        assertThat(list.select("#tickets tbody tr").eachText()).anyMatch(row -> row.contains(ticket) && row.contains(subject));
        assertThat(list.select("nav.sidebar").text()).doesNotContain("Email Audit");
        assertThat(list.select("select[name=status] option[selected]").text()).isEqualTo("OPEN");

        Document page = asTechnician(list.select("#tickets a:contains(" + ticket + ")").attr("href"));
        assertThat(page.select("#ticket-subject").text()).isEqualTo(subject);
        assertThat(page.select("img")).as("the subject is text, not markup").isEmpty();
        assertThat(page.select("article.message .body").text()).contains("Since the update <b>yesterday</b>.");
        assertThat(page.select("dl.facts").text()).contains("bo@customer.test");

        Document asAdmin = pages.get("/tickets/" + ticket);
        assertThat(asAdmin.select("a:contains(Entries of this ticket)").attr("href")).isEqualTo("/admin/email-audit?ticket=" + ticket);
    }

    @Test
    void unknownTicketsAndWrongFiltersAreAnsweredInWords() throws Exception {
        var technician = user("tech").roles("TECHNICIAN");
        var missing = mvc.perform(get("/tickets/INC-999999").with(technician)).andExpect(status().isNotFound()).andReturn();
        Document notFound = Jsoup.parse(missing.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(notFound.select(".notice.error").text()).isEqualTo("Ticket INC-999999 does not exist");
        assertThat(notFound.select(".who").text()).as("still the console, signed in").contains("Signed in as tech");
        var wrong = mvc.perform(get("/tickets?status=LOST").with(technician)).andExpect(status().isBadRequest()).andReturn();
        assertThat(Jsoup.parse(wrong.getResponse().getContentAsString(StandardCharsets.UTF_8)).select(".notice.error").text())
                .isEqualTo("'LOST' is not a valid status");
    }

    private Document asTechnician(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user("tech").roles("TECHNICIAN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
