package dev.mailroom.console.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import dev.mailroom.console.AdminPages;
import dev.mailroom.console.ConsoleTest;
import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.testing.ImapGreenMail;
import tools.jackson.databind.JsonNode;

/**
 * Email Preference, and the FAQ's walk through it: guest ticket creation off, an unknown sender's email is PROCESSED
 * FAILED, found by Event = Incoming; turned on, the email is reprocessed from its audit entry into a ticket.
 */
@ConsoleTest
class ConsoleEmailPreferenceTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = ImapGreenMail.onLoopback();

    @Autowired
    MockMvc mvc;
    @Autowired
    IntakeHarness intake;
    @Autowired
    AdminPages pages;

    @AfterEach
    void backToTheDefaults() {
        intake.preference(true, false, true);
    }

    @Test
    void theSwitchesShowAndChangeTheDesksPreference() throws Exception {
        Document page = pages.get("/admin/email-preference");
        assertThat(page.select("#guestTicketCreation").hasAttr("checked")).isTrue();
        assertThat(page.select("#useReplyToAddress").hasAttr("checked")).isFalse();
        assertThat(page.select("#emailToRequest").hasAttr("checked")).isTrue();
        assertThat(page.select("nav.sidebar a.active").text()).isEqualTo("Email Preference");

        mvc.perform(post("/admin/email-preference").with(AdminPages.ADMIN).with(csrf())
                        .param("useReplyToAddress", "true").param("emailToRequest", "true"))
                .andExpect(redirectedUrl("/admin/email-preference"))
                .andExpect(flash().attribute("saved", "Email Preference saved"));

        Document changed = pages.get("/admin/email-preference");
        assertThat(changed.select("#guestTicketCreation").hasAttr("checked")).as("unticked means off").isFalse();
        assertThat(changed.select("#useReplyToAddress").hasAttr("checked")).isTrue();
        assertThat(changed.select("#preference-version").text()).contains("changed by admin");
    }

    @Test
    void onlyAdminsChangeItAndOnlyWithTheCsrfToken() throws Exception {
        mvc.perform(get("/admin/email-preference").with(user("tech").roles("TECHNICIAN"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/email-preference").with(AdminPages.ADMIN)).andExpect(status().isForbidden());
    }

    @Test
    void guestTicketCreationOffThenOnAndTheEmailReprocessedIntoATicket() throws Exception {
        var desk = intake.desk(greenMail);
        mvc.perform(post("/admin/email-preference").with(AdminPages.ADMIN).with(csrf()).param("emailToRequest", "true"))
                .andExpect(status().isFound());
        JsonNode failed = intake.receive(desk, """
                From: Stranger <stranger@unknown.test>
                To: %DESK%
                Subject: Guest request
                Message-ID: <guest-walk@unknown.test>

                Hello?
                """);

        Document audit = pages.get("/admin/email-audit?event=INCOMING&status=PROCESSED_FAILED&sender=stranger@unknown.test");
        assertThat(audit.select("#results tbody td").eachText())
                .contains("PROCESSED FAILED", "Guest User is not allowed to create/update request");
        String entry = audit.select("#results tbody a").attr("href");
        assertThat(entry).isEqualTo("/admin/email-audit/" + failed.get("id").asLong());

        mvc.perform(post("/admin/email-preference").with(AdminPages.ADMIN).with(csrf())
                        .param("guestTicketCreation", "true").param("emailToRequest", "true"))
                .andExpect(status().isFound());
        assertThat(pages.post(entry + "/preview", true).select("#preview .status").text()).isEqualTo("PROCESSED");
        Document reprocessed = pages.post(entry + "/reprocess", true);
        assertThat(reprocessed.select("#reprocessed .status").text()).isEqualTo("PROCESSED");
        assertThat(reprocessed.select("#reprocessed-ticket").text()).startsWith("INC-");
    }
}
