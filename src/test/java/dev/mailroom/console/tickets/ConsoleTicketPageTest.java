package dev.mailroom.console.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import dev.mailroom.console.ConsoleTest;
import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.testing.ImapGreenMail;

/**
 * A ticket's page: the conversation with its HTML made safe and its attachments, a reply (with files), an internal
 * note, a status change.
 */
@ConsoleTest
class ConsoleTicketPageTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = ImapGreenMail.onLoopback();

    static final RequestPostProcessor TECHNICIAN = user("tech").roles("TECHNICIAN");

    @Autowired
    MockMvc mvc;
    @Autowired
    IntakeHarness intake;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theConversationShowsSanitizedHtmlAndTheAttachmentsWithTheirDownloads() throws Exception {
        String ticket = ticketFromEmail("page");

        Document page = open(ticket);
        var request = page.select("#request");
        assertThat(request.select(".body.html b").text()).as("the sanitized HTML is shown as HTML").isEqualTo("broken");
        assertThat(page.select("script")).as("only the layout's htmx script").hasSize(1);
        assertThat(page.select("[onerror]")).isEmpty();
        assertThat(page.select("a[href^=javascript]")).isEmpty();
        assertThat(request.select("ul.files li").text()).contains("report.txt", "STORED");
        String download = request.select("ul.files a:contains(report.txt)").attr("href");
        assertThat(download).startsWith("/tickets/" + ticket + "/attachments/");
        var file = mvc.perform(get(download).with(TECHNICIAN)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn();
        assertThat(file.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("line one");
        assertThat(page.select("#reply-form input[name=to]").val()).isEqualTo("page@customer.test");
        assertThat(page.select("#reply-form input[name=_csrf]")).hasSize(1);
        assertThat(page.select("#status-form option[selected]").text()).isEqualTo("OPEN");
    }

    @Test
    void inlineImagesAreShownFromTheirStoredAttachments() throws Exception {
        var desk = intake.desk(greenMail);
        String ticket = intake.receive(desk, """
                From: Liv <liv@customer.test>
                To: %DESK%
                Subject: Error dialog
                Message-ID: <inline-NANO@customer.test>
                MIME-Version: 1.0
                Content-Type: multipart/related; boundary="r1"

                --r1
                Content-Type: text/html; charset=utf-8

                <p>This appears: <img src="cid:shot.NANO@customer.test" alt="screenshot"></p>
                --r1
                Content-Type: image/png; name="shot.png"
                Content-ID: <shot.NANO@customer.test>
                Content-Disposition: inline; filename="shot.png"
                Content-Transfer-Encoding: base64

                iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==
                --r1--
                """.replace("NANO", Long.toString(System.nanoTime()))).get("ticketDisplayId").asString();

        String src = open(ticket).select("#request .body.html img[alt=screenshot]").attr("src");
        assertThat(src).startsWith("/tickets/" + ticket + "/attachments/");
        mvc.perform(get(src).with(TECHNICIAN)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")));
    }

    @Test
    void aReplyBecomesAnOutgoingConversationAndAnOutboxEmail() throws Exception {
        String ticket = ticketFromEmail("reply");
        long ticketId = ticketId(ticket);

        mvc.perform(post("/tickets/" + ticket + "/replies").with(TECHNICIAN).with(csrf())
                        .param("to", "reply@customer.test").param("cc", "boss@customer.test; ops@customer.test")
                        .param("body", "Restart the <router>, please."))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/tickets/" + ticket));

        var conversation = jdbc.sql("select id, direction, created_by from conversation where ticket_id = :id")
                .param("id", ticketId).query().singleRow();
        assertThat(conversation).containsEntry("DIRECTION", "OUTGOING").containsEntry("CREATED_BY", "tech");
        long outbox = jdbc.sql("select id from outbox_email where conversation_id = :id and kind = 'TECHNICIAN_REPLY'")
                .param("id", conversation.get("ID")).query(Long.class).single();
        assertThat(jdbc.sql("select kind || ':' || address from outbox_recipient where outbox_id = :id order by sort_order")
                .param("id", outbox).query(String.class).list())
                .containsExactly("TO:reply@customer.test", "CC:boss@customer.test", "CC:ops@customer.test");

        Document page = open(ticket);
        var entry = page.select("article.message.outgoing");
        assertThat(entry.select(".body").text()).isEqualTo("Restart the <router>, please.");
        assertThat(entry.select("header").text()).contains("tech", "to reply@customer.test", "cc boss@customer.test");
    }

    @Test
    void aReplyWithFilesQueuesThemWithItsOutboxEmail() throws Exception {
        String ticket = ticketFromEmail("files");
        long ticketId = ticketId(ticket);

        mvc.perform(multipart("/tickets/" + ticket + "/replies")
                        .file(new MockMultipartFile("files", "steps.txt", "text/plain", "1. restart".getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("files", "log.csv", "text/csv", "a,b".getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
                        .param("to", "files@customer.test").param("body", "See the attached steps.")
                        .with(TECHNICIAN).with(csrf()))
                .andExpect(redirectedUrl("/tickets/" + ticket))
                .andExpect(flash().attribute("done", "Reply sent to files@customer.test, with 2 files"));

        long conversation = jdbc.sql("select id from conversation where ticket_id = :id and direction = 'OUTGOING'")
                .param("id", ticketId).query(Long.class).single();
        assertThat(jdbc.sql("select file_name from attachment where conversation_id = :id order by file_name")
                .param("id", conversation).query(String.class).list()).containsExactly("log.csv", "steps.txt");
        long outbox = jdbc.sql("select id from outbox_email where conversation_id = :id").param("id", conversation)
                .query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from outbox_attachment where outbox_id = :id").param("id", outbox)
                .query(Long.class).single()).isEqualTo(2);
        Document page = open(ticket);
        assertThat(page.select("article.message.outgoing ul.files a").eachText()).containsExactlyInAnyOrder("steps.txt", "log.csv");
        assertThat(page.select("#reply-form").attr("enctype")).isEqualTo("multipart/form-data");
    }

    @Test
    void anInternalNoteIsMarkedNoteAndNeverEmailed() throws Exception {
        String ticket = ticketFromEmail("note");
        long ticketId = ticketId(ticket);

        mvc.perform(multipart("/tickets/" + ticket + "/notes")
                        .file(new MockMultipartFile("files", "trace.txt", "text/plain", "stack".getBytes(StandardCharsets.UTF_8)))
                        .param("to", "note@customer.test").param("body", "Asked the network team.")
                        .with(TECHNICIAN).with(csrf()))
                .andExpect(redirectedUrl("/tickets/" + ticket))
                .andExpect(flash().attribute("done", "Internal note added, not emailed, with 1 file"));

        var note = jdbc.sql("select id, direction, created_by from conversation where ticket_id = :id")
                .param("id", ticketId).query().singleRow();
        assertThat(note).containsEntry("DIRECTION", "NOTE").containsEntry("CREATED_BY", "tech");
        assertThat(jdbc.sql("select count(*) from outbox_email where conversation_id = :id").param("id", note.get("ID"))
                .query(Long.class).single()).as("a note is never emailed").isZero();
        Document page = open(ticket);
        var entry = page.select("article.message.note");
        assertThat(entry.select("header .status").text()).isEqualTo("NOTE");
        assertThat(entry.select(".body").text()).isEqualTo("Asked the network team.");
        assertThat(entry.select("ul.files a").text()).isEqualTo("trace.txt");
        assertThat(page.select("#add-note").attr("formaction")).isEqualTo("/tickets/" + ticket + "/notes");

        var empty = mvc.perform(post("/tickets/" + ticket + "/notes").with(TECHNICIAN).with(csrf()).param("body", " "))
                .andExpect(status().isOk()).andReturn();
        assertThat(Jsoup.parse(empty.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .select("#reply-form textarea[name=body] + .field-error").text()).isEqualTo("Write the note first");
        mvc.perform(post("/tickets/" + ticket + "/notes").with(TECHNICIAN).param("body", "hi")).andExpect(status().isForbidden());
    }

    @Test
    void anEmptyReplyOrAWrongAddressIsShownAtItsFieldAndNothingIsSent() throws Exception {
        String ticket = ticketFromEmail("empty");

        var answer = mvc.perform(post("/tickets/" + ticket + "/replies").with(TECHNICIAN).with(csrf())
                .param("to", "not an address@").param("cc", "").param("body", "  ")).andExpect(status().isOk()).andReturn();
        Document page = Jsoup.parse(answer.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#reply-form textarea[name=body] + .field-error").text()).isEqualTo("Write the reply first");
        assertThat(page.select("#reply-form input[name=to] + .field-error").text()).contains("is not an email address");
        assertThat(page.select("#reply-form input[name=to]").hasClass("invalid")).isTrue();
        assertThat(jdbc.sql("select count(*) from conversation where ticket_id = :id").param("id", ticketId(ticket))
                .query(Long.class).single()).isZero();
    }

    @Test
    void aStatusChangePersists() throws Exception {
        String ticket = ticketFromEmail("status");

        mvc.perform(post("/tickets/" + ticket + "/status").with(TECHNICIAN).with(csrf()).param("status", "IN_PROGRESS"))
                .andExpect(redirectedUrl("/tickets/" + ticket));

        assertThat(jdbc.sql("select status from ticket where display_id = :ref").param("ref", ticket).query(String.class)
                .single()).isEqualTo("IN_PROGRESS");
        assertThat(open(ticket).select("#status-form option[selected]").text()).isEqualTo("IN PROGRESS");

        var missing = mvc.perform(post("/tickets/" + ticket + "/status").with(TECHNICIAN).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn();
        assertThat(Jsoup.parse(missing.getResponse().getContentAsString(StandardCharsets.UTF_8)).select(".notice.error").text())
                .isEqualTo("Choose a status");
        var wrong = mvc.perform(post("/tickets/" + ticket + "/status").with(TECHNICIAN).with(csrf()).param("status", "DONE"))
                .andExpect(status().isBadRequest()).andReturn();
        assertThat(Jsoup.parse(wrong.getResponse().getContentAsString(StandardCharsets.UTF_8)).select(".notice.error").text())
                .isEqualTo("'DONE' is not a valid status");
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() throws Exception {
        String ticket = ticketFromEmail("csrf");
        mvc.perform(post("/tickets/" + ticket + "/replies").with(TECHNICIAN).param("body", "hi"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tickets/" + ticket + "/status").with(TECHNICIAN).param("status", "CLOSED"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select status from ticket where display_id = :ref").param("ref", ticket).query(String.class)
                .single()).isEqualTo("OPEN");
    }

    private String ticketFromEmail(String sender) throws Exception {
        var desk = intake.desk(greenMail);
        var processed = intake.receive(desk, """
                From: Pat <SENDER@customer.test>
                To: %DESK%
                Subject: Printer SENDER
                Message-ID: <SENDER-NANO@customer.test>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/html; charset=utf-8

                <p>It is <b>broken</b> <img src=x onerror="window.owned=1"> <a href="javascript:alert(1)">see</a><script>window.owned=1</script></p>
                --b1
                Content-Type: text/plain; name="report.txt"
                Content-Disposition: attachment; filename="report.txt"

                line one
                --b1--
                """.replace("SENDER", sender).replace("NANO", Long.toString(System.nanoTime())));
        return processed.get("ticketDisplayId").asString();
    }

    private long ticketId(String ticket) {
        return jdbc.sql("select id from ticket where display_id = :ref").param("ref", ticket).query(Long.class).single();
    }

    private Document open(String ticket) throws Exception {
        return Jsoup.parse(mvc.perform(get("/tickets/" + ticket).with(TECHNICIAN)).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("img-src 'self' data:")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
