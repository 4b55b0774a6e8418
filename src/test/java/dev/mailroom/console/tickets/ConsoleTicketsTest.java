package dev.mailroom.console.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import dev.mailroom.console.AdminPages;
import dev.mailroom.console.ConsoleTest;
import dev.mailroom.console.ConsoleTimes;
import dev.mailroom.lookups.LookupDetails;
import dev.mailroom.lookups.LookupKind;
import dev.mailroom.lookups.LookupService;
import dev.mailroom.tickets.AttachmentService;
import dev.mailroom.tickets.NewTicket;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketPriority;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.TicketSource;
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
    @Autowired
    TicketService tickets;
    @Autowired
    AttachmentService attachments;
    @Autowired
    LookupService lookups;
    @Autowired
    ConsoleTimes times;

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
    void theListFiltersByRequesterGroupCategoryPriorityCreatedDaysAttachmentsAndSourceAndPagingKeepsTheFilter()
            throws Exception {
        String tag = Long.toString(System.nanoTime());
        long network = lookups.create(LookupKind.TECHNICIAN_GROUP, new LookupDetails("Network " + tag, null)).id();
        long hardware = lookups.create(LookupKind.CATEGORY, new LookupDetails("Hardware " + tag, null)).id();
        String requester = "filter-" + tag + "@customer.test";
        Ticket vpn = tickets.create(NewTicket.builder(TicketSource.API, requester, "VPN down " + tag)
                .priority(TicketPriority.HIGH).group(network).build());
        Ticket dock = tickets.create(NewTicket.builder(TicketSource.API, requester, "Dock dead " + tag)
                .category(hardware).build());
        attachments.upload(dock.id(), "photo.txt", "text/plain", new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));
        Ticket other = tickets.create(NewTicket.builder(TicketSource.EMAIL, "other-" + tag + "@customer.test", "Mouse " + tag)
                .category(hardware).priority(TicketPriority.HIGH).build());

        assertThat(listed("requester=" + requester.toUpperCase())).containsExactly(dock.displayId(), vpn.displayId());
        assertThat(listed("group=" + network)).containsExactly(vpn.displayId());
        assertThat(listed("category=" + hardware)).containsExactly(other.displayId(), dock.displayId());
        assertThat(listed("category=" + hardware + "&priority=HIGH")).containsExactly(other.displayId());
        assertThat(listed("q=" + tag + "&attachments=true")).containsExactly(dock.displayId());
        assertThat(listed("q=" + tag + "&attachments=false")).containsExactly(other.displayId(), vpn.displayId());
        assertThat(listed("q=" + tag + "&source=EMAIL")).containsExactly(other.displayId());
        String today = LocalDate.now(times.zone()).toString();
        assertThat(listed("q=" + tag + "&from=" + today + "&to=" + today)).hasSize(3);
        assertThat(listed("q=" + tag + "&to=" + LocalDate.now(times.zone()).minusDays(1))).isEmpty();

        Document filtered = asTechnician("/tickets?q=" + tag + "&category=" + hardware + "&priority=HIGH");
        assertThat(filtered.select("select[name=category] option[selected]").text()).isEqualTo("Hardware " + tag);
        assertThat(filtered.select("select[name=priority] option[selected]").text()).isEqualTo("HIGH");

        for (int i = 0; i < 24; i++) {
            tickets.create(NewTicket.builder(TicketSource.API, requester, "Filler " + i + " " + tag).category(hardware).build());
        }
        Document firstPage = asTechnician("/tickets?category=" + hardware + "&priority=");
        assertThat(firstPage.select("nav.paging span").text()).isEqualTo("Page 1 of 2 · 26 tickets");
        String older = firstPage.select("nav.paging a[rel=next]").attr("href");
        assertThat(older).contains("category=" + hardware).contains("page=1");
        assertThat(asTechnician(older).select("#tickets tbody tr td:first-child a").eachText()).containsExactly(dock.displayId());

        Document reversed = asTechnician("/tickets?from=" + today + "&to=" + LocalDate.now(times.zone()).minusDays(1));
        assertThat(reversed.select("input[name=to] + .field-error").text()).isEqualTo("must be on or after From");
        assertThat(reversed.select("#tickets")).isEmpty();
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

    private java.util.List<String> listed(String query) throws Exception {
        return asTechnician("/tickets?" + query).select("#tickets tbody tr td:first-child a").eachText();
    }

    private Document asTechnician(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user("tech").roles("TECHNICIAN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
