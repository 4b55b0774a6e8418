package dev.mailroom.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import dev.mailroom.console.AdminPages;
import dev.mailroom.console.ConsoleTest;
import dev.mailroom.intake.BulkReprocessing;
import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.ImapGreenMail;
import tools.jackson.databind.node.ObjectNode;

/** Email Audit › Reprocess all: a filter's ignored emails, confirmed, reprocessed in the background with progress. */
@ConsoleTest
class ConsoleReprocessAllTest {

    private static final String PATH = "/admin/email-audit/reprocess-all";

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
    BulkReprocessing bulk;

    @Test
    void theIgnoredEmailsOfAFilterAreReprocessedWithProgressAndTheAlreadyReprocessedOneIsSkipped() throws Exception {
        var desk = intake.desk(greenMail, "filterType", "IGNORE", "filterEntries", List.of("bulk.test"));
        long[] ignored = new long[3];
        for (int i = 0; i < 3; i++) {
            ignored[i] = intake.receive(desk, """
                    From: ops%d@bulk.test
                    To: %%DESK%%
                    Subject: Disk full %d
                    Message-ID: <bulk-%d-%d@bulk.test>

                    Again.
                    """.formatted(i, i, i, System.nanoTime())).get("inboundEmailId").asLong();
        }
        var server = (ObjectNode) api.admin().get("/api/incoming-servers/" + desk.serverId()).body();
        server.putArray("filterEntries");
        assertThat(api.admin().put("/api/incoming-servers/" + desk.serverId(), server.toString()).status()).isEqualTo(200);
        assertThat(api.admin().post("/api/intake/emails/" + ignored[0] + "/reprocess", null).get("status").asString())
                .isEqualTo("PROCESSED");

        String filter = "status=RECEIVED_IGNORED&server=INCOMING-" + desk.serverId();
        Document list = pages.get("/admin/email-audit?" + filter);
        assertThat(list.select("#reprocess-all").text()).isEqualTo("Reprocess all 3 RECEIVED IGNORED entries…");
        assertThat(pages.get("/admin/email-audit?status=PROCESSED&server=INCOMING-" + desk.serverId())
                .select("#reprocess-all")).as("only ignored and failed emails are reprocessed").isEmpty();

        Document confirm = pages.get(list.select("#reprocess-all").attr("href"));
        assertThat(confirm.select("#reprocess-all-question").text())
                .isEqualTo("Reprocess the 3 emails of these RECEIVED IGNORED entries?");
        assertThat(confirm.select("#reprocess-all-form input[name=_csrf]")).hasSize(1);
        String started = mvc.perform(post(confirm.select("#reprocess-all-form").attr("action")).with(AdminPages.ADMIN)
                        .with(csrf())).andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(started).startsWith(PATH + "/");

        Document page = pages.get(started);
        assertThat(page.select("#progress")).hasSize(1);
        Document finished = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> pages.getFragment(started), progress -> "true".equals(progress.select("#progress").attr("data-finished")));
        assertThat(finished.select("#progress-count").text()).isEqualTo("3 of 3 emails");
        assertThat(finished.select("#progress-outcomes li[data-status=PROCESSED] strong").text()).isEqualTo("2");
        assertThat(finished.select("#progress-skipped").text()).startsWith("1 skipped");
        assertThat(finished.select("#progress").hasAttr("hx-get")).as("a finished run is no longer polled").isFalse();
        assertThat(finished.select("#progress-problems")).isEmpty();
        for (long id : ignored) {
            assertThat(intake.outcomeOf(id).get("status").asString()).isEqualTo("PROCESSED");
        }
    }

    @Test
    void aRunningRunIsPolledAndWrongRequestsAreAnsweredInWords() throws Exception {
        String run = bulk.start(List.of(Long.MAX_VALUE), "admin");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> bulk.progress(run).finished());
        assertThat(bulk.progress(run).skipped()).as("an unknown email is skipped").isEqualTo(1);

        var unknown = mvc.perform(get(PATH + "/no-such-run").with(AdminPages.ADMIN)).andExpect(status().isNotFound()).andReturn();
        assertThat(Jsoup.parse(unknown.getResponse().getContentAsString(StandardCharsets.UTF_8)).select(".notice.error").text())
                .isEqualTo("Reprocessing run no-such-run does not exist");
        var wrongStatus = mvc.perform(get(PATH + "?status=PROCESSED").with(AdminPages.ADMIN))
                .andExpect(status().isBadRequest()).andReturn();
        assertThat(Jsoup.parse(wrongStatus.getResponse().getContentAsString(StandardCharsets.UTF_8)).select(".notice.error")
                .text()).contains("Choose the Status RECEIVED IGNORED or PROCESSED FAILED first");
        mvc.perform(post(PATH + "?status=RECEIVED_IGNORED").with(AdminPages.ADMIN)).andExpect(status().isForbidden());
    }
}
