package dev.mailroom.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mailroom.notifications.Outboxes.Recipient;
import dev.mailroom.notifications.Outboxes.Row;
import dev.mailroom.outgoing.recipients.UndeliverableAddresses;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import dev.mailroom.tickets.Conversation;
import dev.mailroom.tickets.ConversationDirection;
import dev.mailroom.tickets.NewAttachment;
import dev.mailroom.tickets.NewConversation;
import dev.mailroom.tickets.NewTicket;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketChanges;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.TicketSource;
import dev.mailroom.tickets.TicketStatus;
import dev.mailroom.tickets.threading.ThreadIds;

/**
 * What each ticket change puts into the outbox (in its own transaction), and what each suppression leaves instead:
 * a SEND_IGNORED audit entry and no recipient row.
 */
@MailroomTest
@Import(Outboxes.class)
class TicketNotificationsTest {

    @Autowired
    Api api;
    @Autowired
    TicketService tickets;
    @Autowired
    Outboxes outbox;
    @Autowired
    ThreadIds threadIds;
    @Autowired
    UndeliverableAddresses suppressions;
    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void shippedTemplatesAndNoQuarantine() {
        jdbc.sql("delete from notification_template").update();
        jdbc.sql("update intake_quarantine set released_at = :now, active_key = null where released_at is null")
                .param("now", SqlTime.toSql(SqlTime.now())).update();
    }

    private static String unique(String localPart) {
        return localPart + "-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
    }

    private Ticket apiTicket(String requester, String subject) {
        var created = api.admin().post("/api/tickets", Map.of("subject", subject, "requesterEmail", requester,
                "requesterName", "Pat Requester", "description", "Details"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return tickets.findById(created.get("id").asLong()).orElseThrow();
    }

    @Test
    void aTicketFromTheApiIsAcknowledgedToItsRequester() {
        String requester = unique("pat");
        Ticket ticket = apiTicket(requester, "Laptop <won't> boot");

        List<Row> rows = outbox.ofTicket(ticket.id());
        assertThat(rows).hasSize(1);
        Row acknowledgment = rows.get(0);
        assertThat(acknowledgment.kind()).isEqualTo("ACKNOWLEDGMENT");
        assertThat(acknowledgment.automatic()).isTrue();
        assertThat(acknowledgment.state()).isEqualTo("PENDING");
        assertThat(acknowledgment.subject()).isEqualTo("[" + ticket.displayId() + "] We received your request: Laptop <won't> boot");
        assertThat(acknowledgment.bodyText()).contains("Hello Pat Requester").contains(ticket.displayId());
        assertThat(acknowledgment.bodyHtml()).contains("Laptop &lt;won&#39;t&gt; boot");
        assertThat(threadIds.read(acknowledgment.messageId()).signed()).isTrue();
        assertThat(threadIds.read(acknowledgment.messageId()).displayId()).isEqualTo(ticket.displayId());
        assertThat(acknowledgment.inReplyTo()).as("an API ticket has no email to answer").isNull();
        assertThat(acknowledgment.conversationId()).isNull();
        assertThat(outbox.recipients(acknowledgment.id())).containsExactly(new Recipient("TO", requester, "PENDING"));
        assertThat(outbox.ignored(ticket.id())).isEmpty();
    }

    @Test
    void aRolledBackTicketChangeLeavesNoNotification() {
        long before = outbox.total();
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        transaction.executeWithoutResult(status -> {
            tickets.create(NewTicket.builder(TicketSource.API, unique("gone"), "Never committed").build());
            status.setRollbackOnly();
        });
        assertThat(outbox.total()).isEqualTo(before);

        Ticket ticket = apiTicket(unique("kept"), "Committed");
        transaction.executeWithoutResult(status -> {
            tickets.update(ticket.id(), TicketChanges.status(TicketStatus.RESOLVED));
            status.setRollbackOnly();
        });
        assertThat(outbox.ofTicket(ticket.id())).extracting(Row::kind).containsExactly("ACKNOWLEDGMENT");
    }

    @Test
    void resolvingATicketTellsTheRequesterOnceAndThreadsOnTheAcknowledgment() {
        String requester = unique("rosa");
        Ticket ticket = apiTicket(requester, "Printer jam");
        String acknowledgmentId = outbox.ofTicket(ticket.id()).get(0).messageId();

        assertThat(api.technician().patch("/api/tickets/" + ticket.displayId(), Map.of("status", "RESOLVED")).status())
                .isEqualTo(200);
        assertThat(api.technician().patch("/api/tickets/" + ticket.displayId(), Map.of("status", "RESOLVED")).status())
                .isEqualTo(200);

        List<Row> rows = outbox.ofTicket(ticket.id());
        assertThat(rows).extracting(Row::kind).containsExactly("ACKNOWLEDGMENT", "TICKET_RESOLVED");
        Row resolved = rows.get(1);
        assertThat(resolved.subject()).isEqualTo("[" + ticket.displayId() + "] Resolved: Printer jam");
        assertThat(resolved.automatic()).isTrue();
        assertThat(resolved.inReplyTo()).isEqualTo(acknowledgmentId);
        assertThat(resolved.references()).isEqualTo(acknowledgmentId);
        assertThat(outbox.recipients(resolved.id())).containsExactly(new Recipient("TO", requester, "PENDING"));
    }

    @Test
    void aTechnicianReplyGoesToTheRequesterAndTheGivenCcAndItsMessageIdIsRecorded() {
        String requester = unique("ann");
        Ticket ticket = apiTicket(requester, "VPN drops");
        String acknowledgmentId = outbox.ofTicket(ticket.id()).get(0).messageId();

        var reply = api.technician().post("/api/tickets/" + ticket.displayId() + "/replies",
                Map.of("body", "Please reinstall the client.", "cc", List.of("lead@customer.test")));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);

        Row sent = outbox.ofTicket(ticket.id()).get(1);
        assertThat(sent.kind()).isEqualTo("TECHNICIAN_REPLY");
        assertThat(sent.automatic()).isFalse();
        assertThat(sent.conversationId()).isEqualTo(reply.get("id").asLong());
        assertThat(sent.subject()).isEqualTo("Re: [" + ticket.displayId() + "] VPN drops");
        assertThat(sent.bodyText()).startsWith("Please reinstall the client.").contains(Api.TECHNICIAN);
        assertThat(sent.bodyHtml()).contains("Please reinstall the client.");
        assertThat(sent.references()).isEqualTo(acknowledgmentId);
        assertThat(outbox.recipients(sent.id())).containsExactly(new Recipient("TO", requester, "PENDING"),
                new Recipient("CC", "lead@customer.test", "PENDING"));
        Conversation conversation = tickets.conversations(ticket.id()).get(0);
        assertThat(conversation.messageId()).isEqualTo(sent.messageId());
        assertThat(threadIds.read(sent.messageId()).signed()).isTrue();
        assertThat(tickets.findByMessageId(sent.messageId())).map(Ticket::id).contains(ticket.id());
    }

    @Test
    void aReplysAttachmentsGoAlong() throws Exception {
        Ticket ticket = apiTicket(unique("ida"), "Need the form");
        var blob = blobs.put(new ByteArrayInputStream("form".getBytes(StandardCharsets.UTF_8)));

        Conversation reply = tickets.addConversation(ticket.id(), new NewConversation(ConversationDirection.OUTGOING,
                null, List.of(), List.of(), null, "Form attached.", null, "tech",
                List.of(NewAttachment.stored("form.pdf", "application/pdf", null, blob))));

        Row sent = outbox.ofTicket(ticket.id()).get(1);
        long attachmentId = jdbc.sql("select id from attachment where conversation_id = :id").param("id", reply.id())
                .query(Long.class).single();
        assertThat(outbox.attachments(sent.id())).containsExactly(attachmentId);
    }

    @Test
    void aNoReplyRequesterGetsNoAcknowledgmentButAnAuditEntry() {
        Ticket ticket = apiTicket("no-reply@vendor.test", "Your invoice");

        assertThat(outbox.ofTicket(ticket.id())).isEmpty();
        var ignored = outbox.ignored(ticket.id());
        assertThat(ignored).hasSize(1);
        assertThat(ignored.get(0).message()).isEqualTo(
                "Recipient no-reply@vendor.test matches the no-reply pattern \"no-reply\"; acknowledgment not sent");
        assertThat(ignored.get(0).recipients()).isEqualTo("no-reply@vendor.test");
        assertThat(ignored.get(0).subject()).isEqualTo("[" + ticket.displayId() + "] We received your request: Your invoice");
        assertThat(ignored.get(0).ticket()).isEqualTo(ticket.displayId());
        assertThat(threadIds.read(ignored.get(0).messageId()).signed()).isTrue();
    }

    @Test
    void anUndeliverableAddressIsSuppressedUntilReleased() {
        String requester = unique("moved");
        suppressions.suppress(requester, "550 5.1.1 user unknown");

        Ticket first = apiTicket(requester, "First");
        assertThat(outbox.ofTicket(first.id())).isEmpty();
        assertThat(outbox.ignored(first.id())).extracting(Outboxes.Ignored::message).containsExactly("Recipient "
                + requester + " is marked undeliverable: 550 5.1.1 user unknown; acknowledgment not sent");

        assertThat(suppressions.release(requester.toUpperCase())).isTrue();
        Ticket second = apiTicket(requester, "Second");
        assertThat(outbox.ofTicket(second.id())).hasSize(1);
    }

    @Test
    void aTicketMadeFromAutomaticMailIsNeverNotifiedAutomatically() {
        Ticket ticket = tickets.create(NewTicket.builder(TicketSource.EMAIL, unique("ooo"), "Out of office")
                .automaticMail("an automatic reply (out-of-office or similar)").build());
        tickets.update(ticket.id(), TicketChanges.status(TicketStatus.RESOLVED));

        assertThat(outbox.ofTicket(ticket.id())).isEmpty();
        assertThat(outbox.ignored(ticket.id())).extracting(Outboxes.Ignored::message).containsExactly(
                "Ticket " + ticket.displayId() + " was created from automatic mail (an automatic reply (out-of-office or"
                        + " similar)); acknowledgment not sent",
                "Ticket " + ticket.displayId() + " was created from automatic mail (an automatic reply (out-of-office or"
                        + " similar)); resolved notification not sent");
    }

    @Test
    void aQuarantinedSenderGetsNoAcknowledgment() {
        String requester = unique("looper");
        long serverId = incomingServer();
        long quarantine = quarantine("SENDER", serverId, requester, null, "sender:" + serverId + ":" + requester);

        Ticket ticket = apiTicket(requester, "Automatic alert");

        assertThat(outbox.ofTicket(ticket.id())).isEmpty();
        assertThat(outbox.ignored(ticket.id())).extracting(Outboxes.Ignored::message).containsExactly("Recipient "
                + requester + " is quarantined by the loop breaker (quarantine #" + quarantine + "); acknowledgment not sent");
    }

    @Test
    void aQuarantinedThreadGetsNoResolvedMailButATechniciansReplyStillGoes() {
        String requester = unique("thread");
        Ticket ticket = apiTicket(requester, "Looping thread");
        long quarantine = quarantine("THREAD", null, null, ticket, "thread:" + ticket.id());

        tickets.update(ticket.id(), TicketChanges.status(TicketStatus.RESOLVED));
        api.technician().post("/api/tickets/" + ticket.displayId() + "/replies", Map.of("body", "Your system loops."));

        assertThat(outbox.ofTicket(ticket.id())).extracting(Row::kind).containsExactly("ACKNOWLEDGMENT", "TECHNICIAN_REPLY");
        assertThat(outbox.ignored(ticket.id())).extracting(Outboxes.Ignored::message).containsExactly("The thread of "
                + ticket.displayId() + " is quarantined by the loop breaker (quarantine #" + quarantine
                + "); resolved notification not sent");
    }

    @Test
    void aTechnicianReplyLeavesOutANoReplyCcAndKeepsTheRest() {
        String requester = unique("kim");
        Ticket ticket = apiTicket(requester, "Access request");

        api.technician().post("/api/tickets/" + ticket.displayId() + "/replies",
                Map.of("body", "Granted.", "cc", List.of("noreply@alerts.test", "boss@customer.test")));

        Row sent = outbox.ofTicket(ticket.id()).get(1);
        assertThat(outbox.recipients(sent.id())).extracting(Recipient::address)
                .containsExactly(requester, "boss@customer.test");
        assertThat(outbox.ignored(ticket.id())).extracting(Outboxes.Ignored::recipients).containsExactly("noreply@alerts.test");
        assertThat(outbox.ignored(ticket.id()).get(0).messageId()).isEqualTo(sent.messageId());
    }

    @Test
    void aTechnicianReplyToANoReplyAddressOnlyIsNotQueuedNorRecorded() {
        Ticket ticket = apiTicket("donotreply@bank.test", "Statement");

        var reply = api.technician().post("/api/tickets/" + ticket.displayId() + "/replies", Map.of("body", "Noted."));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(outbox.ofTicket(ticket.id())).isEmpty();
        assertThat(tickets.conversations(ticket.id()).get(0).messageId()).isNull();
        assertThat(outbox.ignored(ticket.id())).extracting(Outboxes.Ignored::message).containsExactly(
                "Recipient donotreply@bank.test matches the no-reply pattern \"donotreply\"; acknowledgment not sent",
                "Recipient donotreply@bank.test matches the no-reply pattern \"donotreply\"; technician reply not sent");
    }

    @Test
    void aDisabledTemplateSendsNothingAndRecordsNothing() {
        var disabled = api.admin().put("/api/notification-templates/ACKNOWLEDGMENT", Map.of("enabled", false,
                "subject", "{{ticket.reference}} received", "bodyText", "t", "bodyHtml", "h"));
        assertThat(disabled.status()).isEqualTo(200);

        Ticket ticket = apiTicket(unique("quiet"), "Quiet please");

        assertThat(outbox.ofTicket(ticket.id())).isEmpty();
        assertThat(outbox.ignored(ticket.id())).isEmpty();
    }

    @Test
    void anAdminsTemplateIsUsedWithTheReferencePutInFront() {
        api.admin().put("/api/notification-templates/ACKNOWLEDGMENT", Map.of("enabled", true,
                "subject", "Thanks, {{requester.name}}", "bodyText", "Logged as {{ticket.displayId}}.",
                "bodyHtml", "<p>Logged as {{ticket.displayId}}.</p>"));

        Ticket ticket = apiTicket(unique("custom"), "Monitor flickers");

        Row row = outbox.ofTicket(ticket.id()).get(0);
        assertThat(row.subject()).isEqualTo("[" + ticket.displayId() + "] Thanks, Pat Requester");
        assertThat(row.bodyText()).isEqualTo("Logged as " + ticket.displayId() + ".");
    }

    private long incomingServer() {
        return api.admin().post("/api/incoming-servers", Map.of("name", "Quarantine " + UUID.randomUUID(),
                "mailboxAddresses", List.of(unique("desk")), "protocol", "IMAP", "host", "127.0.0.1", "port", 143,
                "security", "NONE", "username", "desk", "password", "Mailbox-Pw-123", "enabled", false))
                .get("id").asLong();
    }

    private long quarantine(String kind, Long serverId, String sender, Ticket ticket, String activeKey) {
        jdbc.sql("""
                insert into intake_quarantine (kind, server_id, sender, ticket_id, ticket_display_id, since, email_count,
                    max_emails, window_seconds, active_key)
                values (:kind, :serverId, :sender, :ticketId, :displayId, :since, 21, 20, 600, :activeKey)""")
                .param("kind", kind).param("serverId", serverId).param("sender", sender)
                .param("ticketId", ticket == null ? null : ticket.id())
                .param("displayId", ticket == null ? null : ticket.displayId())
                .param("since", SqlTime.toSql(SqlTime.now())).param("activeKey", activeKey).update();
        return jdbc.sql("select id from intake_quarantine where active_key = :key").param("key", activeKey)
                .query(Long.class).single();
    }
}
