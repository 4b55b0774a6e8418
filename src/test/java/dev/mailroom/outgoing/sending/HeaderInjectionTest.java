package dev.mailroom.outgoing.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.intake.IntakeHarness.Desk;
import dev.mailroom.intake.parse.HostileMessages;
import dev.mailroom.outgoing.OutgoingServer;
import tools.jackson.databind.JsonNode;

/**
 * CR/LF and a fake Bcc header hidden in the encoded subject and From name of an inbound email: the acknowledgment
 * the desk sends back, as the composer writes it and GreenMail receives it, carries none of the injected headers
 * and reaches nobody but the requester.
 */
@SenderTest
@Import(IntakeHarness.class)
class HeaderInjectionTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.createCopy(ServerSetupTest.ALL, setup -> setup.createCopy("127.0.0.1").dynamicPort()));

    @Autowired
    IntakeHarness intake;
    @Autowired
    OutboxFixtures fixtures;
    @Autowired
    OutboxSender sender;
    @Autowired
    JdbcClient jdbc;

    @Test
    void acknowledgmentOfAnEmailWithCrLfInItsSubjectAndFromNameCarriesNoInjectedHeader() throws Exception {
        Desk desk = intake.desk(greenMail);
        String injected = "\r\nBcc: " + HostileMessages.INJECTED_BCC + "\r\nX-Injected: yes";
        JsonNode entry = intake.receive(desk, "From: " + HostileMessages.encodedWord("Eve" + injected)
                + " <eve@customer.test>\nTo: %DESK%\nSubject: " + HostileMessages.encodedWord("Printer broken" + injected)
                + "\nMessage-ID: <injection-1@customer.test>\nContent-Type: text/plain; charset=utf-8\n\n"
                + "The printer is broken.\n");
        assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo("PROCESSED");

        String messageId = jdbc.sql("select message_id from outbox_email where in_reply_to = :id and kind = 'ACKNOWLEDGMENT'")
                .param("id", "<injection-1@customer.test>").query(String.class).single();
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(greenMail.getSmtp().getPort()));
        fixtures.setColumn(messageId, "outgoing_server_id", server.id());
        sender.sendDue();

        List<MimeMessage> ours = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> messageId.equals(header(m, "Message-ID"))).toList();
        assertThat(ours).as("one copy, for the requester only").hasSize(1);
        MimeMessage acknowledgment = ours.get(0);
        assertThat(acknowledgment.getHeader("Bcc")).isNull();
        assertThat(acknowledgment.getHeader("X-Injected")).isNull();
        assertThat(acknowledgment.getSubject()).contains("Printer broken").doesNotContain("\r").doesNotContain("\n");
        assertThat(acknowledgment.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("eve@customer.test");
        assertThat(greenMail.getReceivedMessagesForDomain("attacker.test")).isEmpty();

        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        acknowledgment.writeTo(raw);
        String head = raw.toString(StandardCharsets.UTF_8).split("\r\n\r\n", 2)[0];
        assertThat(head.lines()).noneMatch(line -> line.regionMatches(true, 0, "Bcc:", 0, 4))
                .noneMatch(line -> line.regionMatches(true, 0, "X-Injected:", 0, 11));
    }

    private static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
