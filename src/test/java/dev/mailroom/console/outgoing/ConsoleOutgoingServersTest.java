package dev.mailroom.console.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import dev.mailroom.console.AdminPages;
import dev.mailroom.console.ConsoleTest;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.SmtpGreenMail;

/** Admin › Support Channels › Emails › Outgoing Email Servers: whether each can send, and Test Connection with a test email. */
@ConsoleTest
class ConsoleOutgoingServersTest {

    private static final String USER = "relay@example.com";
    private static final String PASSWORD = "Relay-Password-1";

    @RegisterExtension
    static final GreenMailExtension greenMail = SmtpGreenMail.withUser(USER, PASSWORD);

    @Autowired
    Api api;
    @Autowired
    AdminPages pages;

    @Test
    void eachServerSaysWhetherItCanSendAndWhyNot() throws Exception {
        long ready = create("Relay " + UUID.randomUUID(), "help@example.com");
        long noReplyTo = create("No Reply-To " + UUID.randomUUID(), null);

        Document list = pages.get("/admin/outgoing-email-servers");

        Element readyRow = list.selectFirst("#server-" + ready);
        assertThat(readyRow.select(".status").eachText()).contains("ready");
        assertThat(readyRow.text()).contains("SMTP 127.0.0.1:", "no security", "Service Desk <" + USER + ">", "help@example.com");
        assertThat(readyRow.select("a:contains(Email Audit)").attr("href")).isEqualTo("/admin/email-audit?server=OUTGOING-" + ready);
        Element notReadyRow = list.selectFirst("#server-" + noReplyTo);
        assertThat(notReadyRow.select(".status").eachText()).contains("cannot send");
        assertThat(notReadyRow.text()).contains("has no Reply-To address");
        assertThat(list.select("nav.sidebar a.active").text()).isEqualTo("Outgoing Email Servers");
    }

    @Test
    void testConnectionSendsATestEmailAndItsSentEntryIsInTheAudit() throws Exception {
        String name = "Relay " + UUID.randomUUID();
        long id = create(name, "help@example.com");
        String recipient = "requester-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";

        Document result = pages.post("/admin/outgoing-email-servers/" + id + "/test?testRecipient=" + recipient, true);

        assertThat(result.select("ol.steps li strong").eachText())
                .containsExactly("DNS lookup", "TCP connect", "Server greeting", "EHLO", "Authentication (AUTH)", "Send test email");
        assertThat(result.select("ol.steps li").eachAttr("data-status")).containsOnly("PASSED");
        assertThat(result.select("ol.steps li[data-step=AUTH] .answer").text()).startsWith("Server said: 235");
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();

        Document audit = pages.get("/admin/email-audit?server=OUTGOING-" + id + "&recipient=" + recipient);
        assertThat(audit.select("#results tbody tr .status").eachText()).containsExactly("SENT");
        assertThat(audit.select("select#server option[selected]").text()).isEqualTo(name + " (outgoing)");
    }

    @Test
    void aTestRecipientThatIsNoAddressIsSaidInsteadOfTesting() throws Exception {
        long id = create("Relay " + UUID.randomUUID(), "help@example.com");

        Document result = pages.post("/admin/outgoing-email-servers/" + id + "/test?testRecipient=not-an-address", false);

        assertThat(result.select(".notice.error").text())
                .isEqualTo("Send a test email to: 'not-an-address' is not an email address");
        assertThat(result.select("ol.steps")).isEmpty();
        assertThat(result.select(".crumbs a").attr("href")).isEqualTo("/admin/outgoing-email-servers");
    }

    private long create(String name, String replyTo) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("name", name);
        server.put("host", "127.0.0.1");
        server.put("port", greenMail.getSmtp().getPort());
        server.put("security", "NONE");
        server.put("authentication", "PASSWORD");
        server.put("username", USER);
        server.put("password", PASSWORD);
        server.put("fromAddress", USER);
        server.put("fromName", "Service Desk");
        server.put("replyToAddress", replyTo);
        var created = api.admin().post("/api/outgoing-servers", server);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.get("id").asLong();
    }
}
