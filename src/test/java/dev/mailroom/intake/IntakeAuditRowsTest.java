package dev.mailroom.intake;

import static dev.mailroom.intake.IntakeHarness.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.outgoing.OwnMailSeal;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/**
 * One end-to-end case per row of the FAQ's audit table: mailbox → fetch → intake → the audit entry with the exact
 * status and message, and a trace that says why.
 */
@MailroomTest
@Import(IntakeHarness.class)
class IntakeAuditRowsTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.createCopy(ServerSetupTest.ALL, setup -> setup.createCopy("127.0.0.1").dynamicPort()));

    @Autowired
    IntakeHarness intake;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OwnMailSeal seal;

    @AfterEach
    void defaultPreference() {
        intake.preference(true, false, true);
    }

    @Test
    void newEmailBecomesATicketWithItsAttachment() throws Exception {
        var desk = intake.desk(greenMail);
        JsonNode entry = intake.receive(desk, """
                From: Alice Example <alice@customer.test>
                To: %DESK%
                Subject: Printer on fire
                Message-ID: <new-1@customer.test>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                The printer on floor 3 is on fire.
                --b1
                Content-Type: text/plain; name="log.txt"
                Content-Disposition: attachment; filename="log.txt"

                smoke detected
                --b1--
                """);

        assertThat(entry.get("status").asString()).isEqualTo("PROCESSED");
        String displayId = entry.get("ticketDisplayId").asString();
        assertThat(displayId).startsWith("INC-");
        assertThat(entry.get("message").asString()).isEqualTo("Request " + displayId + " created");
        var ticket = api.admin().get("/api/tickets/" + displayId);
        assertThat(ticket.get("subject").asString()).isEqualTo("Printer on fire");
        assertThat(ticket.get("source").asString()).isEqualTo("EMAIL");
        assertThat(ticket.get("requester").get("email").asString()).isEqualTo("alice@customer.test");
        assertThat(ticket.get("description").asString()).contains("floor 3 is on fire");
        assertThat(ticket.get("attachments").findValuesAsString("fileName")).containsExactly("log.txt");
        assertThat(step(entry, "create-ticket").get("detail").asString()).contains(displayId, "1 attachment");
        assertThat(step(entry, "configuration").get("detail").asString()).contains("Email Preference version");
    }

    @Test
    void guestUserIsNotAllowed() throws Exception {
        intake.preference(false, false, true);
        var desk = intake.desk(greenMail);

        JsonNode entry = intake.receive(desk, plain("stranger@nowhere.test", "%DESK%", "Need access", "<guest-1@nowhere.test>"));

        assertFinal(entry, "PROCESSED_FAILED", "Guest User is not allowed to create/update request");
        assertThat(step(entry, "guest").get("detail").asString()).contains("stranger@nowhere.test", "guest ticket creation is off");
    }

    @Test
    void emailToRequestOff() throws Exception {
        intake.preference(true, false, false);
        var desk = intake.desk(greenMail);

        JsonNode entry = intake.receive(desk, plain("bob@customer.test", "%DESK%", "VPN down", "<off-1@customer.test>"));

        assertFinal(entry, "PROCESSED_FAILED", "Do not create Request — Email To Request is OFF");
    }

    @Test
    void forwardedMailFromAnIgnoredOriginalSender() throws Exception {
        var desk = intake.desk(greenMail, "filterType", "IGNORE", "filterEntries", List.of("spammer.test"));

        JsonNode entry = intake.receive(desk, """
                From: Carol <carol@customer.test>
                To: %DESK%
                Subject: Fwd: Amazing offer
                Message-ID: <fwd-1@customer.test>

                Look at this.

                ---------- Forwarded message ---------
                From: Big Deals <deals@spammer.test>
                Date: Mon, 23 Nov 2026 10:00:00 +0000
                Subject: Amazing offer
                To: carol@customer.test

                Buy now!
                """);

        assertFinal(entry, "PROCESSED_FAILED", "Original sender of email is ignored because marked as ignored");
        assertThat(step(entry, "forwarded-sender").get("detail").asString()).contains("deals@spammer.test", "spammer.test");
    }

    @Test
    void forwardUnderAnAllowListIsJudgedByTheForwarder() throws Exception {
        var desk = intake.desk(greenMail, "filterType", "ALLOW", "filterEntries", List.of("customer.test"));

        JsonNode entry = intake.receive(desk, """
                From: Carol <carol@customer.test>
                To: %DESK%
                Subject: Fwd: Your invoice is overdue
                Message-ID: <fwd-allow-1@customer.test>

                Phishing? Please check.

                ---------- Forwarded message ---------
                From: Billing <billing@supplier-lookalike.test>
                Date: Mon, 23 Nov 2026 10:00:00 +0000
                Subject: Your invoice is overdue
                To: carol@customer.test

                Pay here.
                """);

        assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo("PROCESSED");
        assertThat(step(entry, "forwarded-sender").get("detail").asString())
                .contains("billing@supplier-lookalike.test", "no Ignore list");
    }

    @Test
    void forwardFromOutsideTheAllowListByASenderNotOnItIsRefusedAsTheSender() throws Exception {
        var desk = intake.desk(greenMail, "filterType", "ALLOW", "filterEntries", List.of("customer.test"));

        JsonNode entry = intake.receive(desk, """
                From: Mallory <mallory@elsewhere.test>
                To: %DESK%
                Subject: Fwd: Hello
                Message-ID: <fwd-allow-2@elsewhere.test>

                ---------- Forwarded message ---------
                From: Carol <carol@customer.test>
                Subject: Hello
                To: mallory@elsewhere.test

                Hi.
                """);

        assertFinal(entry, "RECEIVED_IGNORED", "Sender matched spam/ignore filter");
    }

    @Test
    void unexpectedErrorRollsBackAndSaysSo() throws Exception {
        var desk = intake.desk(greenMail);
        jdbc.sql("alter table ticket add constraint ck_test_explode check (subject <> 'Explode on insert')").update();
        try {
            JsonNode entry = intake.receive(desk, plain("dave@customer.test", "%DESK%", "Explode on insert", "<boom-1@customer.test>"));

            assertFinal(entry, "PROCESSED_FAILED", "Getting error while creating Request / Conversation");
            assertThat(step(entry, "error").get("detail").asString()).contains("ck_test_explode".toUpperCase().substring(0, 5));
            assertThat(jdbc.sql("select count(*) from ticket where subject = 'Explode on insert'").query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("alter table ticket drop constraint ck_test_explode").update();
        }
    }

    @Test
    void systemAcknowledgmentComingBack() throws Exception {
        var desk = intake.desk(greenMail);

        JsonNode entry = intake.receive(desk, """
                From: %DESK%
                To: %DESK%
                Subject: [INC-1] We received your request
                Message-ID: <ack-1.7f3a@mailroom.local>
                X-Mailroom-Notification: acknowledgment
                X-Mailroom-Seal: SEAL

                Thank you.
                """.replace("SEAL", seal.of("<ack-1.7f3a@mailroom.local>")));

        assertFinal(entry, "RECEIVED_IGNORED", "System acknowledgment mail");
    }

    @Test
    void anotherInstallationsNotificationIsOrdinaryMail() throws Exception {
        var desk = intake.desk(greenMail);
        String foreign = """
                From: Other Desk <desk@other-company.test>
                To: %DESK%
                Subject: [INC-7] We received your request
                Message-ID: <INC-7.0123456789abcdef.0123456789abcdef01234567@mailroom.local>
                X-Mailroom-Notification: acknowledgment
                X-Mailroom-Seal: 0123456789abcdef01234567
                """;

        JsonNode automatic = intake.receive(desk, foreign.replace("INC-7.", "INC-8.")
                + "Auto-Submitted: auto-generated\n\nThank you.\n");
        JsonNode written = intake.receive(desk, foreign + "\nThank you, and please also reset my password.\n");

        assertFinal(automatic, "RECEIVED_IGNORED", "Automatic email, no request created");
        assertThat(step(automatic, "own-mail").get("detail").asString()).contains("without this installation's seal");
        assertThat(written.get("status").asString()).as(written.toString()).isEqualTo("PROCESSED");
        assertThat(step(written, "own-mail").get("detail").asString()).contains("another Mailroom's mail");
    }

    @Test
    void referenceLoop() throws Exception {
        var desk = intake.desk(greenMail);

        JsonNode entry = intake.receive(desk, """
                From: erin@customer.test
                To: %DESK%
                Subject: Re: Re: Re: loop
                Message-ID: <loop-1@customer.test>
                In-Reply-To: <loop-1@customer.test>
                References: <loop-1@customer.test>

                again
                """);

        assertFinal(entry, "RECEIVED_IGNORED", "Reference and In-ReplyTo are the same");
    }

    @Test
    void ordinaryFirstReplyIsNotALoop() throws Exception {
        var desk = intake.desk(greenMail);

        JsonNode entry = intake.receive(desk, """
                From: frank@customer.test
                To: %DESK%
                Subject: Re: Meeting
                Message-ID: <reply-2@customer.test>
                In-Reply-To: <original-1@customer.test>
                References: <original-1@customer.test>

                Sounds good.
                """);

        assertThat(entry.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(step(entry, "self-reference").get("verdict").asString()).isEqualTo("pass");
    }

    @Test
    void archivedOrDeletedSender() throws Exception {
        var desk = intake.desk(greenMail);
        long userId = api.admin().post("/api/users", java.util.Map.of("email", "gone@customer.test")).get("id").asLong();
        api.admin().post("/api/users/" + userId + "/archive", null);

        JsonNode entry = intake.receive(desk, plain("gone@customer.test", "%DESK%", "Still here?", "<arch-1@customer.test>"));

        assertFinal(entry, "RECEIVED_IGNORED", "From Email user is Archived/Deleted");
        assertThat(step(entry, "sender-account").get("detail").asString()).contains("archived", "restore");
    }

    @Test
    void ccAndBccCopiesWhenCcBccTicketCreationIsOff() throws Exception {
        var desk = intake.desk(greenMail);

        JsonNode cc = intake.receive(desk, """
                From: gina@customer.test
                To: colleague@customer.test
                Cc: %DESK%
                Subject: FYI
                Message-ID: <cc-1@customer.test>

                just so you know
                """);
        JsonNode bcc = intake.receive(desk, """
                From: gina@customer.test
                To: colleague@customer.test
                Delivered-To: %DESK%
                Subject: FYI again
                Message-ID: <bcc-1@customer.test>

                blind copy
                """);

        assertFinal(cc, "RECEIVED_IGNORED", "Ticket Creation with CC/BCC is disabled");
        assertThat(step(cc, "cc-bcc").get("detail").asString()).contains("Cc");
        assertFinal(bcc, "RECEIVED_IGNORED", "Ticket Creation with CC/BCC is disabled");
        assertThat(step(bcc, "cc-bcc").get("detail").asString()).contains("Bcc");
    }

    @Test
    void ccCopyMakesATicketWhenCcTicketCreationIsOn() throws Exception {
        var desk = intake.desk(greenMail, "ccTicketCreation", true);

        JsonNode entry = intake.receive(desk, """
                From: gina@customer.test
                To: colleague@customer.test
                Cc: %DESK%
                Subject: Please track this
                Message-ID: <cc-2@customer.test>

                track it
                """);

        assertThat(entry.get("status").asString()).isEqualTo("PROCESSED");
    }

    @Test
    void sameEmailToTwoDeskMailboxesMakesOneTicket() throws Exception {
        var first = intake.desk(greenMail);
        var second = intake.desk(greenMail);
        String email = """
                From: henry@customer.test
                To: %s, %s
                Subject: Both desks
                Message-ID: <twice-1@customer.test>

                one problem, two mailboxes
                """.formatted(first.address(), second.address());
        long before = intake.tickets();

        JsonNode one = intake.receive(first, email);
        JsonNode two = intake.receive(second, email);

        assertThat(one.get("status").asString()).isEqualTo("PROCESSED");
        assertFinal(two, "RECEIVED_IGNORED", "This email was processed before");
        assertThat(two.get("ticketDisplayId").asString()).isEqualTo(one.get("ticketDisplayId").asString());
        assertThat(intake.tickets()).isEqualTo(before + 1);
    }

    @Test
    void aCopyRefusedByOneMailboxIsJudgedOnItsOwnInTheOther() throws Exception {
        var refusing = intake.desk(greenMail, "filterType", "IGNORE", "filterEntries", List.of("partner.test"));
        var accepting = intake.desk(greenMail);
        String email = """
                From: ivy@partner.test
                To: %s, %s
                Subject: For the second desk
                Message-ID: <twice-refused-1@partner.test>

                only the second desk takes partner mail
                """.formatted(refusing.address(), accepting.address());

        JsonNode one = intake.receive(refusing, email);
        JsonNode two = intake.receive(accepting, email);

        assertFinal(one, "RECEIVED_IGNORED", "Sender matched spam/ignore filter");
        assertThat(two.get("status").asString()).as(two.toString()).isEqualTo("PROCESSED");
        assertThat(step(two, "duplicate").get("detail").asString()).contains("no earlier copy", "became a ticket");
        // Reprocessing the refused first copy now finds the ticket its twin made: still one ticket, and it says where.
        var reprocessed = api.admin().post("/api/intake/emails/" + one.get("inboundEmailId").asLong() + "/reprocess", null);
        assertThat(reprocessed.get("status").asString()).isEqualTo("RECEIVED_IGNORED");
        assertThat(reprocessed.get("message").asString()).isEqualTo("This email was processed before");
        assertThat(reprocessed.get("ticketDisplayId").asString()).isEqualTo(two.get("ticketDisplayId").asString());
    }

    @Test
    void senderOnTheIgnoreListOrNotOnTheAllowList() throws Exception {
        var ignoring = intake.desk(greenMail, "filterType", "IGNORE", "filterEntries", List.of("junk.test"));
        var allowing = intake.desk(greenMail, "filterType", "ALLOW", "filterEntries", List.of("partner.test"));

        JsonNode ignored = intake.receive(ignoring, plain("promo@mail.junk.test", "%DESK%", "Sale", "<spam-1@junk.test>"));
        JsonNode notAllowed = intake.receive(allowing, plain("someone@else.test", "%DESK%", "Hello", "<allow-1@else.test>"));
        JsonNode allowed = intake.receive(allowing, plain("ops@partner.test", "%DESK%", "Hello", "<allow-2@partner.test>"));

        assertFinal(ignored, "RECEIVED_IGNORED", "Sender matched spam/ignore filter");
        assertThat(step(ignored, "sender-filter").get("detail").asString()).contains("junk.test");
        assertFinal(notAllowed, "RECEIVED_IGNORED", "Sender matched spam/ignore filter");
        assertThat(step(notAllowed, "sender-filter").get("detail").asString()).contains("not on the Allow list");
        assertThat(allowed.get("status").asString()).isEqualTo("PROCESSED");
    }

    @Test
    void replyToOnTheIgnoreList() throws Exception {
        intake.preference(true, true, true);
        var desk = intake.desk(greenMail, "filterType", "IGNORE", "filterEntries", List.of("blocked@customer.test"));

        JsonNode ignored = intake.receive(desk, """
                From: ivan@customer.test
                Reply-To: blocked@customer.test
                To: %DESK%
                Subject: Reply elsewhere
                Message-ID: <rt-1@customer.test>

                please answer the other address
                """);
        JsonNode usesReplyTo = intake.receive(desk, """
                From: ivan@customer.test
                Reply-To: team@customer.test
                To: %DESK%
                Subject: Reply to the team
                Message-ID: <rt-2@customer.test>

                please answer the team
                """);

        assertFinal(ignored, "RECEIVED_IGNORED", "Reply-To email is marked as Ignored");
        assertThat(usesReplyTo.get("status").asString()).isEqualTo("PROCESSED");
        var ticket = api.admin().get("/api/tickets/" + usesReplyTo.get("ticketDisplayId").asString());
        assertThat(ticket.get("requester").get("email").asString()).isEqualTo("team@customer.test");
    }

    @Test
    void outOfOfficeReplyNeverCreatesATicket() throws Exception {
        var desk = intake.desk(greenMail);
        long before = intake.tickets();

        JsonNode entry = intake.receive(desk, """
                From: judy@customer.test
                To: %DESK%
                Subject: Out of office: your request
                Message-ID: <ooo-1@customer.test>
                Auto-Submitted: auto-replied

                I am away until Monday.
                """);

        assertThat(entry.get("status").asString()).isEqualTo("RECEIVED_IGNORED");
        assertThat(step(entry, "automated-mail").get("detail").asString()).contains("automatic reply", "auto-replied");
        assertThat(intake.tickets()).isEqualTo(before);
    }

    @Test
    void mailSuppressingAutoRepliesIsStillPersonalMail() throws Exception {
        var desk = intake.desk(greenMail);

        JsonNode entry = intake.receive(desk, """
                From: kim@customer.test
                To: %DESK%
                Subject: Laptop broken
                Message-ID: <suppress-1@customer.test>
                X-Auto-Response-Suppress: All

                The screen is black.
                """);

        assertThat(entry.get("status").asString()).isEqualTo("PROCESSED");
    }

    private static void assertFinal(JsonNode entry, String status, String message) {
        assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo(status);
        assertThat(entry.get("message").asString()).isEqualTo(message);
        assertThat(entry.get("event").asString()).isEqualTo("INCOMING");
    }

    private static String plain(String from, String to, String subject, String messageId) {
        return "From: " + from + "\nTo: " + to + "\nSubject: " + subject + "\nMessage-ID: " + messageId
                + "\n\nHello desk,\nplease help.\n";
    }
}
