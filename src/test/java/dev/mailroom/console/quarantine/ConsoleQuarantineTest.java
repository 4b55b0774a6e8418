package dev.mailroom.console.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import dev.mailroom.console.AdminPages;
import dev.mailroom.console.ConsoleTest;
import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.intake.PoisonEmailsTest;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.ImapGreenMail;

/**
 * Email Audit › Quarantine: the loop-quarantined senders with since, count and limit, and Release after confirmation;
 * the poison messages with Retry (in place, htmx) and Delete (after confirmation).
 */
@ConsoleTest
class ConsoleQuarantineTest {

    private static final String PATH = "/admin/email-audit/quarantine";

    @RegisterExtension
    static final GreenMailExtension greenMail = ImapGreenMail.onLoopback();

    @Autowired
    MockMvc mvc;
    @Autowired
    AdminPages pages;
    @Autowired
    IntakeHarness intake;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlobStore blobs;

    @Test
    void aQuarantinedSenderIsListedAndReleasedAfterConfirmation() throws Exception {
        IntakeHarness.Desk desk = intake.desk(greenMail);
        String sender = "robot-" + UUID.randomUUID().toString().substring(0, 8) + "@loop.test";
        long id = quarantine(desk.serverId(), sender);

        Document list = pages.get(PATH);
        assertThat(list.select("nav a.active").text()).isEqualTo("Email Audit › Quarantine");
        var row = list.select("#quarantine-" + id);
        assertThat(row.select(".subject").text()).isEqualTo(sender);
        assertThat(row.select(".count").text()).isEqualTo("4");
        assertThat(row.select(".limit").text()).isEqualTo("3 emails in 10 minutes");
        assertThat(row.select(".server").text()).isNotBlank();
        assertThat(row.select("a.ignored-meanwhile").attr("href")).isEqualTo("/admin/email-audit?status=RECEIVED_IGNORED&sender="
                + sender + "&server=INCOMING-" + desk.serverId());

        Document confirm = pages.get(PATH + "/" + id + "/release");
        assertThat(confirm.select("h1").text()).isEqualTo("Release " + sender + "?");
        assertThat(confirm.select("#release-form input[name=_csrf]")).hasSize(1);
        assertThat(released(id)).as("asking releases nothing").isNull();

        mvc.perform(post(PATH + "/" + id + "/release").with(AdminPages.ADMIN).with(csrf())).andExpect(redirectedUrl(PATH));
        assertThat(released(id)).isEqualTo("admin");
        assertThat(pages.get(PATH).select("#quarantine-" + id)).isEmpty();
        assertThat(api.admin().get("/api/audit?status=LOOP_RELEASED&sender=" + sender).body().get("items")).hasSize(1);

        mvc.perform(get(PATH + "/" + id + "/release").with(AdminPages.ADMIN)).andExpect(status().isNotFound());
        mvc.perform(post(PATH + "/" + id + "/release").with(AdminPages.ADMIN).with(csrf())).andExpect(status().isConflict());
    }

    @Test
    void aPoisonMessageIsRetriedInPlaceAnotherDeletedAfterConfirmation() throws Exception {
        PoisonEmailsTest.Failed retried = PoisonEmailsTest.failedEmail(intake, blobs, "Scanner jammed");
        PoisonEmailsTest.Failed deleted = PoisonEmailsTest.failedEmail(intake, blobs, "Noise");

        Document list = pages.get(PATH);
        var row = list.select("#poison-" + retried.inboundId());
        assertThat(row.select(".reason").text()).contains("missing from the blob store");
        assertThat(row.select("form input[name=_csrf]")).hasSize(1);
        assertThat(row.select("form").attr("hx-post")).isEqualTo(PATH + "/emails/" + retried.inboundId() + "/retry");

        blobs.put(new ByteArrayInputStream(retried.raw()));
        Document answer = pages.post(PATH + "/emails/" + retried.inboundId() + "/retry", true);
        assertThat(answer.select(".status").text()).isEqualTo("PROCESSED");
        assertThat(answer.select("a.ticket").text()).startsWith("INC-");
        assertThat(pages.get(PATH).select("#poison-" + retried.inboundId())).isEmpty();
        Document again = pages.post(PATH + "/emails/" + retried.inboundId() + "/retry", true);
        assertThat(again.text()).as("a bare <tr> loses its cells in jsoup; the words stay").contains("is PROCESSED; only IGNORED or FAILED");

        Document confirm = pages.get(PATH + "/emails/" + deleted.inboundId() + "/discard");
        assertThat(confirm.select("h1").text()).isEqualTo("Delete email #" + deleted.inboundId() + "?");
        assertThat(confirm.select("#discard-form input[name=_csrf]")).hasSize(1);
        mvc.perform(post(PATH + "/emails/" + deleted.inboundId() + "/discard").with(AdminPages.ADMIN).with(csrf()))
                .andExpect(redirectedUrl(PATH));
        assertThat(pages.get(PATH).select("#poison-" + deleted.inboundId())).isEmpty();
        assertThat(api.admin().get("/api/audit?status=DISCARDED&messageId=" + deleted.messageId()).get("items")).hasSize(1);
        mvc.perform(post(PATH + "/emails/" + deleted.inboundId() + "/discard").with(AdminPages.ADMIN).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post(PATH + "/emails/" + deleted.inboundId() + "/discard").with(AdminPages.ADMIN))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTechnicianIsRefusedAndReleaseNeedsTheCsrfToken() throws Exception {
        api.technician();
        var technician = user(Api.TECHNICIAN).roles("TECHNICIAN");
        mvc.perform(get(PATH).with(technician)).andExpect(status().isForbidden());
        mvc.perform(post(PATH + "/1/release").with(technician).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(PATH + "/1/release").with(AdminPages.ADMIN)).andExpect(status().isForbidden());
    }

    /** As the loop breaker records one (its limit set to 3 emails in 10 minutes). */
    private long quarantine(long serverId, String sender) {
        jdbc.sql("""
                insert into intake_quarantine (kind, server_id, sender, since, email_count, max_emails, window_seconds,
                    active_key) values ('SENDER', :server, :sender, :since, 4, 3, 600, :key)""")
                .param("server", serverId).param("sender", sender).param("since", Timestamp.from(Instant.now()))
                .param("key", "sender:" + serverId + ":" + sender).update();
        return jdbc.sql("select id from intake_quarantine where sender = :sender").param("sender", sender)
                .query(Long.class).single();
    }

    private String released(long id) {
        return jdbc.sql("select released_by from intake_quarantine where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }
}
