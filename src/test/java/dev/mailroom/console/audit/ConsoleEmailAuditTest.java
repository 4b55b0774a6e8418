package dev.mailroom.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.NewAuditEntry;
import dev.mailroom.console.AdminPages;
import dev.mailroom.console.ConsoleTest;
import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.testing.ImapGreenMail;
import dev.mailroom.testing.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Admin › Organization › Security › Email Audit: the table and its filters, an entry's page, raw download, Reprocess. */
@ConsoleTest
class ConsoleEmailAuditTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = ImapGreenMail.onLoopback();

    @Autowired
    MockMvc mvc;
    @Autowired
    AdminPages pages;
    @Autowired
    AuditLog audit;
    @Autowired
    IntakeHarness intake;
    @Autowired
    Api api;

    @Test
    void theTableShowsEntriesWithTheFaqsStatusWordsAndFiltersByEventAndStatus() throws Exception {
        String tag = tag();
        audit.record(NewAuditEntry.of(AuditStatus.RECEIVED_IGNORED).message("Sender matched spam/ignore filter")
                .email("<a-" + tag + "@x.test>", "spam@junk.test", "desk@example.com", "Win " + tag));
        audit.record(NewAuditEntry.of(AuditStatus.SEND_FAILED).message("Authentication failed")
                .email("<b-" + tag + "@x.test>", "desk@example.com", "lee@customer.test", "Re: " + tag));

        Document all = pages.get("/admin/email-audit?subject=" + tag);
        assertThat(all.select("#results tbody tr")).hasSize(2);
        assertThat(all.select("#results .status").eachText()).containsExactly("SEND FAILED", "RECEIVED IGNORED");
        assertThat(all.select("select#status option").eachText())
                .contains("RECEIVED", "RECEIVED IGNORED", "PROCESSED", "PROCESSED FAILED", "ATTACHMENT PROCESSED FAILED",
                        "SENT", "SEND FAILED", "SEND IGNORED");
        assertThat(all.select("select#event option").eachText()).containsExactly("Any", "Incoming", "Outgoing");

        Document incoming = pages.get("/admin/email-audit?event=INCOMING&subject=" + tag);
        assertThat(incoming.select("#results tbody tr")).hasSize(1);
        assertThat(incoming.select("#results tbody td").eachText()).contains("Sender matched spam/ignore filter", "spam@junk.test");
        assertThat(incoming.select("select#event option[selected]").text()).isEqualTo("Incoming");

        Document sendFailed = pages.get("/admin/email-audit?status=SEND_FAILED&subject=" + tag);
        assertThat(sendFailed.select("#results tbody tr").attr("data-status")).isEqualTo("SEND_FAILED");
        assertThat(sendFailed.select("#results tbody tr")).hasSize(1);

        assertThat(pages.get("/admin/email-audit?sender=JUNK.test&subject=" + tag).select("#results tbody tr")).hasSize(1);
        assertThat(pages.get("/admin/email-audit?recipient=lee@&subject=" + tag).select("#results tbody tr")).hasSize(1);
        assertThat(pages.get("/admin/email-audit?messageId=a-" + tag + "@x.test").select("#results tbody tr")).hasSize(1);
        assertThat(pages.get("/admin/email-audit?status=PROCESSED&subject=" + tag).select("#results").text())
                .contains("No audit entries match these filters.");
    }

    @Test
    void theDateRangeCountsWholeDaysAndAReversedRangeIsShownAtTheField() throws Exception {
        String tag = tag();
        ZoneId zone = ZoneId.systemDefault();
        LocalDate day = LocalDate.of(2026, 3, 10);
        audit.record(NewAuditEntry.of(AuditStatus.PROCESSED).occurredAt(day.atTime(23, 30).atZone(zone).toInstant())
                .email("<d-" + tag + "@x.test>", "a@customer.test", "desk@example.com", "Late " + tag));
        audit.record(NewAuditEntry.of(AuditStatus.PROCESSED).occurredAt(day.plusDays(1).atTime(0, 10).atZone(zone).toInstant())
                .email("<e-" + tag + "@x.test>", "a@customer.test", "desk@example.com", "Next " + tag));

        assertThat(pages.get("/admin/email-audit?from=2026-03-10&to=2026-03-10&subject=" + tag).select("#results tbody td").eachText())
                .contains("Late " + tag).doesNotContain("Next " + tag);
        assertThat(pages.get("/admin/email-audit?from=2026-03-10&to=2026-03-11&subject=" + tag).select("#results tbody tr")).hasSize(2);

        Document reversed = pages.get("/admin/email-audit?from=2026-03-11&to=2026-03-10", 400);
        assertThat(reversed.select("label:has(#to) .field-error").text()).isEqualTo("must be on or after From");
        assertThat(reversed.select("#results")).isEmpty();

        Document badStatus = pages.get("/admin/email-audit?status=NOT_A_STATUS", 400);
        assertThat(badStatus.select(".field-error").text()).isNotBlank();
        assertThat(badStatus.select("#results")).isEmpty();
    }

    @Test
    void pagingKeepsTheFilters() throws Exception {
        String tag = tag();
        for (int i = 0; i < 30; i++) {
            audit.record(NewAuditEntry.of(AuditStatus.SENT).email("<p" + i + "-" + tag + "@x.test>", "desk@example.com",
                    "r@customer.test", "Paged " + tag + " " + i));
        }
        Document first = pages.get("/admin/email-audit?status=SENT&subject=" + tag);
        assertThat(first.select("#results tbody tr")).hasSize(25);
        assertThat(first.select(".paging").text()).contains("Page 1 of 2 · 30 entries");
        String next = first.select(".paging a[rel=next]").attr("href");
        assertThat(next).contains("status=SENT").contains("subject=" + tag).contains("page=1");

        Document second = pages.get(next);
        assertThat(second.select("#results tbody tr")).hasSize(5);
        assertThat(second.select(".paging a[rel=prev]").attr("href")).contains("page=0");
    }

    @Test
    void anEntryShowsItsTraceTicketAndRawEmail() throws Exception {
        var desk = intake.desk(greenMail);
        JsonNode processed = intake.receive(desk, """
                From: Ann <ann@customer.test>
                To: %DESK%
                Subject: Printer <b>jammed</b>
                Message-ID: <detail-1@customer.test>

                Paper everywhere.
                """);
        long id = processed.get("id").asLong();

        Document entry = pages.get("/admin/email-audit/" + id);
        assertThat(entry.select("#entry-status").text()).isEqualTo("PROCESSED");
        assertThat(entry.select("dl.facts").text()).contains("Printer <b>jammed</b>", "ann@customer.test", "<detail-1@customer.test>");
        assertThat(entry.select("dl.facts b")).as("mail content is escaped, never markup").isEmpty();
        assertThat(entry.select("#trace tbody tr")).hasSizeGreaterThan(3);
        assertThat(entry.select("#trace td").eachText()).contains(processed.get("trace").get(0).get("stage").asString());
        String ticket = processed.get("ticketDisplayId").asString();
        assertThat(entry.select("#ticket-link").attr("href")).isEqualTo("/tickets/" + ticket);
        assertThat(entry.select("#rerun")).as("a processed email has its ticket: no Reprocess").isEmpty();

        var raw = mvc.perform(get(entry.select("#raw-download").attr("href")).with(AdminPages.ADMIN))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"audit-" + id + ".eml\""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(raw).contains("Message-ID: <detail-1@customer.test>");

        mvc.perform(get("/admin/email-audit/999999999").with(AdminPages.ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void reprocessShowsThePreviewThenMakesTheTicket() throws Exception {
        var desk = intake.desk(greenMail, "filterType", "IGNORE", "filterEntries", List.of("partner.test"));
        JsonNode ignored = intake.receive(desk, """
                From: lee@partner.test
                To: %DESK%
                Subject: Order system down
                Message-ID: <console-rerun-1@partner.test>

                Nothing works since this morning.
                """);
        long id = ignored.get("id").asLong();
        Document before = pages.get("/admin/email-audit/" + id);
        assertThat(before.select("#entry-message").text()).isEqualTo("Sender matched spam/ignore filter");
        assertThat(before.select("#preview-reprocess")).hasSize(1);

        var server = (ObjectNode) api.admin().get("/api/incoming-servers/" + desk.serverId()).body();
        server.putArray("filterEntries");
        assertThat(api.admin().put("/api/incoming-servers/" + desk.serverId(), server.toString()).status()).isEqualTo(200);
        long tickets = intake.tickets();

        Document preview = pages.post("/admin/email-audit/" + id + "/preview", true);
        assertThat(preview.select("#rerun #preview .status").text()).isEqualTo("PROCESSED");
        assertThat(preview.select("#preview-trace td").eachText()).anyMatch(detail -> detail.startsWith("would create a ticket"));
        assertThat(preview.select("header.topbar")).as("htmx gets only the panel").isEmpty();
        assertThat(intake.tickets()).isEqualTo(tickets);

        Document reprocessed = pages.post("/admin/email-audit/" + id + "/reprocess", true);
        assertThat(reprocessed.select("#reprocessed .status").text()).isEqualTo("PROCESSED");
        assertThat(reprocessed.select("#reprocessed-ticket").text()).startsWith("INC-");
        assertThat(intake.tickets()).isEqualTo(tickets + 1);

        Document again = pages.post("/admin/email-audit/" + id + "/reprocess", false);
        assertThat(again.select("header.topbar")).as("without htmx, the whole page").hasSize(1);
        assertThat(again.select("#rerun .notice.error").text()).contains("PROCESSED");
    }


    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
