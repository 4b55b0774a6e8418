package dev.mailroom.outgoing.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mailroom.audit.AuditEntry;
import dev.mailroom.audit.AuditMessages;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.outbox.OutboundKind;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.testing.FaultTest;
import dev.mailroom.testing.ScriptedSmtpServer;
import dev.mailroom.transport.SmtpAuthentication;

/** Each outcome of the FAQ, per recipient, against a scripted SMTP server that answers what the test tells it. */
@FaultTest
@SenderTest
class SendOutcomesTest {

    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxFixtures fixtures;

    private final ScriptedSmtpServer smtp = ScriptedSmtpServer.start();

    @AfterEach
    void stop() {
        smtp.close();
    }

    @Test
    void batchToOneServerReusesOneConnectionPerTenEmails() {
        List<String> ids = enqueueToDistinctRecipients(25);

        sender.sendDue();

        assertThat(smtp.connections()).isEqualTo(3);
        assertEachSentOnce(ids);
    }

    @Test
    void largeBatchGoesOutOverTheConfiguredConnectionsSideBySideEachEmailOnce() {
        List<String> ids = enqueueToDistinctRecipients(90);

        sender.sendDue();

        assertThat(smtp.connections()).isEqualTo(4); // mailroom.outgoing.connections
        assertEachSentOnce(ids);
    }

    private List<String> enqueueToDistinctRecipients(int count) {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(smtp.port()));
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> fixtures.enqueue(server, "user" + i + "@example.com")).toList();
    }

    private void assertEachSentOnce(List<String> ids) {
        assertThat(smtp.received()).hasSize(ids.size())
                .extracting(received -> received.recipients().get(0)).doesNotHaveDuplicates();
        ids.forEach(id -> assertThat(fixtures.state(id)).isEqualTo("DONE"));
        ids.forEach(id -> assertThat(fixtures.finalAuditOf(id)).extracting(AuditEntry::status).containsExactly(AuditStatus.SENT));
    }

    @Test
    void serverThatClosedTheConnectionIsReconnected() {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(smtp.port()));
        String first = fixtures.enqueue(server, "first@example.com");
        String second = fixtures.enqueue(server, "second@example.com");
        smtp.replyOnce("NOOP", "421 4.4.2 Idle too long, closing");

        sender.sendDue();

        assertThat(fixtures.state(first)).isEqualTo("DONE");
        assertThat(fixtures.state(second)).isEqualTo("DONE");
        assertThat(smtp.received()).hasSize(2);
        assertThat(smtp.connections()).isEqualTo(2);
    }

    @Test
    void recipientRefusedWith550FailsWhileTheOtherIsSent() {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(smtp.port()));
        smtp.replyToRecipient("gone@example.com", "550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown");
        String messageId = fixtures.enqueue(server, "ann@example.com", "gone@example.com");

        sender.sendDue();

        assertThat(smtp.received()).singleElement()
                .satisfies(received -> assertThat(received.recipients()).containsExactly("ann@example.com"));
        List<AuditEntry> entries = fixtures.finalAuditOf(messageId);
        assertThat(entries).filteredOn(e -> e.recipients().equals("ann@example.com")).singleElement()
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(AuditStatus.SENT);
                    assertThat(e.message()).isEqualTo("Sent");
                    assertThat(e.serverName()).isEqualTo(server.name());
                    assertThat(e.sender()).isEqualTo("desk@mailroom.test");
                    assertThat(e.subject()).isEqualTo("Your request");
                });
        assertThat(entries).filteredOn(e -> e.recipients().equals("gone@example.com")).singleElement()
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(AuditStatus.SEND_FAILED);
                    assertThat(e.message()).contains("RCPT", "550 5.1.1", "User unknown");
                });
        assertThat(fixtures.state(messageId)).isEqualTo("DONE");
        assertThat(fixtures.recipientStates(messageId)).containsExactly("ann@example.com=SENT", "gone@example.com=FAILED");
    }

    @Test
    void messageRefusedWith5xxAtTheEndOfDataFailsAtOnce() {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(smtp.port()));
        smtp.replyOnce(".", "554 5.7.1 Message rejected as spam");
        String messageId = fixtures.enqueue(server, "ann@example.com");

        sender.sendDue();

        assertThat(fixtures.finalAuditOf(messageId)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(AuditStatus.SEND_FAILED);
            assertThat(e.message()).contains("554 5.7.1 Message rejected as spam");
        });
        assertThat(fixtures.state(messageId)).isEqualTo("DONE");
        assertThat(fixtures.attempts(messageId)).isEqualTo(1);
    }

    @Test
    void senderRefusedWith5xxFailsEveryRecipientWithTheServersAnswer() {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(smtp.port()));
        smtp.replyOnce("MAIL", "550 5.7.60 Client does not have permissions to send as this sender");
        String messageId = fixtures.enqueue(server, "ann@example.com", "bob@example.com");

        sender.sendDue();

        assertThat(fixtures.finalAuditOf(messageId)).hasSize(2).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(AuditStatus.SEND_FAILED);
            assertThat(e.message()).contains("MAIL FROM", "550 5.7.60 Client does not have permissions to send as this sender");
        });
        assertThat(fixtures.state(messageId)).isEqualTo("DONE");
    }

    @Test
    void temporaryRejectionIsRetriedWithBackoffThenSent() {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(smtp.port()));
        smtp.replyOnce("MAIL", "451 4.3.0 Mail server temporarily rejected message");
        String messageId = fixtures.enqueue(server, "ann@example.com");

        sender.sendDue();

        assertThat(fixtures.state(messageId)).isEqualTo("PENDING");
        assertThat(fixtures.attempts(messageId)).isEqualTo(1);
        assertThat(fixtures.lastError(messageId)).contains("451 4.3.0");
        assertThat(fixtures.column(messageId, "next_attempt_at", java.time.OffsetDateTime.class).toInstant())
                .isAfter(SqlTime.now().plusMillis(500));
        assertThat(fixtures.finalAuditOf(messageId)).as("no final entry while retrying").isEmpty();
        assertThat(fixtures.deferredOf(messageId)).singleElement().satisfies(e -> {
            assertThat(e.message()).startsWith("Not sent yet, tried again at ")
                    .contains("at MAIL FROM", "451 4.3.0 Mail server temporarily rejected message");
            assertThat(e.recipients()).isEqualTo("ann@example.com");
        });
        assertThat(smtp.received()).isEmpty();

        sender.sendDue();
        assertThat(fixtures.state(messageId)).as("not due before its backoff").isEqualTo("PENDING");

        fixtures.makeDue(messageId);
        sender.sendDue();

        assertThat(fixtures.state(messageId)).isEqualTo("DONE");
        assertThat(fixtures.attempts(messageId)).isEqualTo(2);
        assertThat(fixtures.finalAuditOf(messageId)).extracting(AuditEntry::status).containsExactly(AuditStatus.SENT);
        assertThat(fixtures.deferredOf(messageId)).as("the deferral stays, as history").hasSize(1);
        assertThat(smtp.received()).hasSize(1);
    }

    @Test
    void temporaryRecipientRefusalRetriesOnlyThatRecipient() {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(smtp.port()));
        smtp.replyToRecipient("busy@example.com", "452 4.2.2 Mailbox full, try later");
        String messageId = fixtures.enqueue(server, "ann@example.com", "busy@example.com");

        sender.sendDue();

        assertThat(fixtures.recipientStates(messageId)).containsExactly("ann@example.com=SENT", "busy@example.com=PENDING");
        assertThat(fixtures.state(messageId)).isEqualTo("PENDING");

        smtp.clearReplies();
        fixtures.makeDue(messageId);
        sender.sendDue();

        assertThat(smtp.received()).extracting(ScriptedSmtpServer.Received::recipients)
                .containsExactly(List.of("ann@example.com"), List.of("busy@example.com"));
        assertThat(fixtures.recipientStates(messageId)).containsExactly("ann@example.com=SENT", "busy@example.com=SENT");
        assertThat(fixtures.finalAuditOf(messageId)).extracting(AuditEntry::status).containsOnly(AuditStatus.SENT).hasSize(2);
    }

    @Test
    void hangingServerTimesOutAndIsRetried() {
        OutgoingServerSpec spec = new OutgoingServerSpec(smtp.port());
        spec.readTimeoutSeconds = 1;
        OutgoingServer server = fixtures.server(spec);
        smtp.hang(true);
        String messageId = fixtures.enqueue(server, "ann@example.com");

        sender.sendDue();

        assertThat(fixtures.state(messageId)).isEqualTo("PENDING");
        assertThat(fixtures.lastError(messageId)).containsIgnoringCase("timeout").contains("127.0.0.1:" + smtp.port());
        assertThat(fixtures.finalAuditOf(messageId)).isEmpty();

        smtp.hang(false);
        fixtures.makeDue(messageId);
        sender.sendDue();

        assertThat(fixtures.state(messageId)).isEqualTo("DONE");
        assertThat(fixtures.finalAuditOf(messageId)).extracting(AuditEntry::status).containsExactly(AuditStatus.SENT);
    }

    @Test
    void serverHangingMidSessionCostsOneTimeoutAndHoldsUpNoOtherServer() throws Exception {
        OutgoingServerSpec hangingSpec = new OutgoingServerSpec(smtp.port());
        hangingSpec.readTimeoutSeconds = 10;
        OutgoingServer hanging = fixtures.server(hangingSpec);
        smtp.hangAt("MAIL");
        List<String> stuck = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> fixtures.enqueue(hanging, "stuck" + i + "@example.com")).toList();
        try (ScriptedSmtpServer healthy = ScriptedSmtpServer.start()) {
            OutgoingServer other = fixtures.server(new OutgoingServerSpec(healthy.port()));
            List<String> flowing = java.util.stream.IntStream.range(0, 5)
                    .mapToObj(i -> fixtures.enqueue(other, "flowing" + i + "@example.com")).toList();

            long started = System.nanoTime();
            var run = java.util.concurrent.CompletableFuture.supplyAsync(sender::sendDue);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(20))
                    .until(() -> healthy.received().size() == 5);
            assertThat(run).as("the other server's emails went out while the hanging one was still waited for")
                    .isNotDone();
            run.get(60, java.util.concurrent.TimeUnit.SECONDS);
            long seconds = (System.nanoTime() - started) / 1_000_000_000;

            assertThat(seconds).as("one read timeout (10 s) for the hanging server, not one per email (50 s)")
                    .isLessThan(25);
            assertThat(smtp.connections()).isEqualTo(1);
            flowing.forEach(id -> assertThat(fixtures.state(id)).isEqualTo("DONE"));
            stuck.forEach(id -> {
                assertThat(fixtures.state(id)).isEqualTo("PENDING");
                assertThat(fixtures.lastError(id)).startsWith("No answer from smtp://127.0.0.1:" + smtp.port())
                        .contains("read timeout");
                assertThat(fixtures.finalAuditOf(id)).as("no final entry while retrying").isEmpty();
            });
        }

        smtp.hangAt(null);
        stuck.forEach(fixtures::makeDue);
        sender.sendDue();

        stuck.forEach(id -> assertThat(fixtures.finalAuditOf(id)).extracting(AuditEntry::status)
                .containsExactly(AuditStatus.SENT));
        assertThat(smtp.received()).hasSize(5);
    }

    @Test
    void temporaryFailureBeyondTheRetryWindowEndsAsSendFailedWithTheLastError() {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(smtp.port()));
        smtp.replyAlways("MAIL", "421 4.7.0 Too many connections, try later");
        String messageId = fixtures.enqueue(server, "ann@example.com");
        fixtures.setColumn(messageId, "created_at", Instant.now().minus(Duration.ofHours(25)));

        sender.sendDue();

        assertThat(fixtures.state(messageId)).isEqualTo("DONE");
        assertThat(fixtures.finalAuditOf(messageId)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(AuditStatus.SEND_FAILED);
            assertThat(e.message()).contains("421 4.7.0 Too many connections", "gave up after 1 attempts over 24 h");
        });
    }

    @Test
    void wrongPasswordFailsWithTheServersAnswerAndTheAppPasswordHint() {
        smtp.requireAuth("desk", "right-password");
        OutgoingServerSpec spec = new OutgoingServerSpec(smtp.port());
        spec.authentication = SmtpAuthentication.PASSWORD;
        spec.username = "desk";
        OutgoingServer server = fixtures.server(spec, "wrong-password");
        String messageId = fixtures.enqueue(server, "ann@example.com");

        sender.sendDue();

        assertThat(fixtures.finalAuditOf(messageId)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(AuditStatus.SEND_FAILED);
            assertThat(e.message()).contains("Authentication failed", "535 5.7.8", "App Password")
                    .doesNotContain("wrong-password");
        });
        assertThat(fixtures.state(messageId)).isEqualTo("DONE");
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void refusedConnectionIsRetried() {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(ScriptedSmtpServer.freePort()));
        String messageId = fixtures.enqueue(server, "ann@example.com");

        sender.sendDue();

        assertThat(fixtures.state(messageId)).isEqualTo("PENDING");
        assertThat(fixtures.lastError(messageId)).contains("connection refused", "Check the host, port and security type");
        assertThat(fixtures.finalAuditOf(messageId)).isEmpty();
    }

    /**
     * Issue 18: nothing listens on the server's port. Within the first run the admin sees a SEND_DEFERRED entry (the
     * step, the answer, the next attempt) and the server failing; further failures of the outage count on that one
     * entry; once the server answers again the email is SENT, the server ready, and each recipient has exactly one
     * final entry.
     */
    @Test
    void outageIsVisibleAtTheFirstFailedAttemptAsOneDeferredEntryAndTheServerFailingUntilItSendsAgain() {
        int port = ScriptedSmtpServer.freePort();
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(port));
        String messageId = fixtures.enqueue(server, "ann@example.com", "bob@example.com");

        Instant before = Instant.now();
        sender.sendDue();

        Instant next = fixtures.column(messageId, "next_attempt_at", java.time.OffsetDateTime.class).toInstant();
        String nextInUtc = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneOffset.UTC).format(next);
        AuditEntry deferred = fixtures.deferredOf(messageId).get(0);
        assertThat(fixtures.deferredOf(messageId)).hasSize(1);
        assertThat(deferred.status().label()).isEqualTo("SEND DEFERRED");
        assertThat(deferred.message()).isEqualTo(AuditMessages.sendDeferred(fixtures.lastError(messageId), nextInUtc + " UTC"))
                .contains("Connection to smtp://127.0.0.1:" + port, "connection refused", "Check the host, port");
        assertThat(deferred.recipients()).isEqualTo("ann@example.com, bob@example.com");
        assertThat(deferred.serverName()).isEqualTo(server.name());
        assertThat(deferred.occurredAt()).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(deferred.trace()).last().satisfies(step -> {
            assertThat(step.stage()).isEqualTo("attempt");
            assertThat(step.verdict()).isEqualTo("deferred");
            assertThat(step.detail()).contains("connection refused");
        });
        assertThat(fixtures.finalAuditOf(messageId)).as("SEND_DEFERRED is not final").isEmpty();
        assertThat(fixtures.reload(server).lastSend()).satisfies(last -> {
            assertThat(last.failing()).isTrue();
            assertThat(last.lastSendError()).contains("connection refused");
            assertThat(last.lastSendErrorAt()).isAfterOrEqualTo(before.minusSeconds(1));
            assertThat(last.lastSentAt()).isNull();
        });

        fixtures.makeDue(messageId);
        sender.sendDue();
        fixtures.makeDue(messageId);
        sender.sendDue();

        assertThat(fixtures.deferredOf(messageId)).as("one entry per outage, not one per retry").singleElement()
                .satisfies(e -> {
                    assertThat(fixtures.attempts(messageId)).isGreaterThanOrEqualTo(3);
                    assertThat(e.repeatCount()).as("every failed attempt counted").isEqualTo(fixtures.attempts(messageId));
                    assertThat(e.trace()).filteredOn(step -> step.verdict().equals("deferred")).hasSize(1);
                });

        try (ScriptedSmtpServer back = ScriptedSmtpServer.start(port)) {
            fixtures.makeDue(messageId);
            sender.sendDue();

            assertThat(back.received()).hasSize(1);
        }
        assertThat(fixtures.state(messageId)).isEqualTo("DONE");
        assertThat(fixtures.recipientStates(messageId)).containsExactly("ann@example.com=SENT", "bob@example.com=SENT");
        assertThat(fixtures.finalAuditOf(messageId)).as("exactly one final status per recipient")
                .extracting(AuditEntry::recipients, AuditEntry::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ann@example.com", AuditStatus.SENT),
                        org.assertj.core.groups.Tuple.tuple("bob@example.com", AuditStatus.SENT));
        assertThat(fixtures.deferredOf(messageId)).hasSize(1);
        assertThat(fixtures.reload(server).lastSend()).satisfies(last -> {
            assertThat(last.failing()).isFalse();
            assertThat(last.lastSentAt()).isAfter(last.lastSendErrorAt());
        });
    }

    @Test
    void aRecipientRefusedFor550LeavesTheServerReady() {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(smtp.port()));
        smtp.replyToRecipient("gone@example.com", "550 5.1.1 <gone@example.com>: User unknown");
        fixtures.enqueue(server, "gone@example.com");

        sender.sendDue();

        assertThat(fixtures.reload(server).lastSend().failing()).as("one recipient's refusal is not the server failing")
                .isFalse();
    }

    @Test
    void givingUpEndsTheRunWithOneFinalEntryAfterItsDeferredOne() {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(smtp.port()));
        smtp.replyAlways("MAIL", "421 4.7.0 Too many connections, try later");
        String messageId = fixtures.enqueue(server, "ann@example.com");
        sender.sendDue();
        assertThat(fixtures.inDeferredRun(messageId)).isTrue();
        fixtures.setColumn(messageId, "created_at", Instant.now().minus(Duration.ofHours(25)));
        fixtures.makeDue(messageId);

        sender.sendDue();

        assertThat(fixtures.state(messageId)).isEqualTo("DONE");
        assertThat(fixtures.inDeferredRun(messageId)).as("cleared when done").isFalse();
        assertThat(fixtures.finalAuditOf(messageId)).extracting(AuditEntry::status).containsExactly(AuditStatus.SEND_FAILED);
        assertThat(fixtures.deferredOf(messageId)).singleElement()
                .satisfies(e -> assertThat(e.repeatCount()).isEqualTo(1));
    }

    @Test
    void recipientOnTheSpamFilterIsIgnoredBeforeTheAttempt() {
        OutgoingServerSpec spec = new OutgoingServerSpec(smtp.port());
        spec.filter.add("blocked.example");
        OutgoingServer server = fixtures.server(spec);
        String messageId = fixtures.enqueue(server, "ann@example.com", "bob@blocked.example");

        sender.sendDue();

        assertThat(fixtures.finalAuditOf(messageId)).filteredOn(e -> e.recipients().equals("bob@blocked.example"))
                .singleElement().satisfies(e -> {
                    assertThat(e.status()).isEqualTo(AuditStatus.SEND_IGNORED);
                    assertThat(e.message()).startsWith("Recipient matched spam/ignore filter: ")
                            .contains("blocked.example");
                });
        assertThat(smtp.commands()).noneMatch(command -> command.contains("blocked.example"));
        assertThat(fixtures.recipientStates(messageId)).containsExactly("ann@example.com=SENT", "bob@blocked.example=IGNORED");
    }

    @Test
    void everyRecipientFilteredIsSendIgnoredForEachNotAConfigurationError() {
        OutgoingServerSpec spec = new OutgoingServerSpec(smtp.port());
        spec.filter.add("blocked.example");
        OutgoingServer server = fixtures.server(spec);
        String messageId = fixtures.enqueue(server, "ann@blocked.example", "bob@blocked.example");

        sender.sendDue();

        assertThat(fixtures.finalAuditOf(messageId)).extracting(AuditEntry::status)
                .containsExactly(AuditStatus.SEND_IGNORED, AuditStatus.SEND_IGNORED);
        assertThat(smtp.connections()).isZero();
        assertThat(fixtures.state(messageId)).isEqualTo("DONE");
    }

    @Test
    void invalidAddressFailsThatRecipientOnlyAndNothingInjectsHeaders() {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(smtp.port()));
        String messageId = fixtures.enqueue(OutboundKind.TECHNICIAN_REPLY, server.id(), null,
                "Printer\r\nBcc: evil@attacker.example", "ann@example.com", "bob@example.com\r\nBcc: evil@attacker.example",
                "not an address");

        sender.sendDue();

        assertThat(smtp.received()).singleElement().satisfies(received -> {
            assertThat(received.recipients()).containsExactly("ann@example.com");
            assertThat(received.data()).doesNotContainPattern("(?m)^Bcc:").contains("Subject: Printer Bcc: evil@attacker.example");
        });
        assertThat(fixtures.recipientStates(messageId)).containsExactly("ann@example.com=SENT",
                "bob@example.com\r\nBcc: evil@attacker.example=FAILED", "not an address=FAILED");
        assertThat(fixtures.finalAuditOf(messageId)).filteredOn(e -> e.status() == AuditStatus.SEND_FAILED)
                .hasSize(2).allSatisfy(e -> assertThat(e.message()).startsWith("Recipient address is not a valid email address: "));
    }

    @Test
    void configurationNotProperWhenTheServerIsDisabled() {
        OutgoingServerSpec spec = new OutgoingServerSpec(smtp.port());
        spec.enabled = false;
        assertConfigurationNotProper(fixtures.server(spec), "is disabled");
    }

    @Test
    void configurationNotProperWhenTheServerIsIncomplete() {
        OutgoingServerSpec spec = new OutgoingServerSpec(smtp.port());
        spec.authentication = SmtpAuthentication.PASSWORD;
        spec.username = "desk";
        assertConfigurationNotProper(fixtures.server(spec), "username or password is missing");
    }

    @Test
    void configurationNotProperWhenTheReplyToAddressIsMissing() {
        OutgoingServerSpec spec = new OutgoingServerSpec(smtp.port());
        spec.replyToAddress = null;
        assertConfigurationNotProper(fixtures.server(spec), "has no Reply-To address");
    }

    @Test
    void configurationNotProperWhenTheEmailHasNoRecipients() {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(smtp.port()));
        String messageId = fixtures.enqueue(server);

        sender.sendDue();

        assertThat(fixtures.finalAuditOf(messageId)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(AuditStatus.SEND_FAILED);
            assertThat(e.message()).isEqualTo(AuditMessages.CONFIGURATION_NOT_PROPER + ": the email has no recipients");
            assertThat(e.recipients()).isNull();
        });
        assertThat(fixtures.state(messageId)).isEqualTo("DONE");
        assertThat(smtp.connections()).isZero();
    }

    @Test
    void configurationNotProperWhenThereIsNoOutgoingServerAtAll() {
        fixtures.jdbc().sql("update outgoing_server set default_server = null where default_server = true").update();
        String messageId = fixtures.enqueue(null, "ann@example.com");

        sender.sendDue();

        assertThat(fixtures.finalAuditOf(messageId)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(AuditStatus.SEND_FAILED);
            assertThat(e.message()).isEqualTo(AuditMessages.CONFIGURATION_NOT_PROPER
                    + ": no outgoing server is chosen for this mailbox and there is no default outgoing server");
            assertThat(e.recipients()).isEqualTo("ann@example.com");
        });
    }

    private void assertConfigurationNotProper(OutgoingServer server, String cause) {
        String messageId = fixtures.enqueue(server, "ann@example.com", "bob@example.com");

        sender.sendDue();

        assertThat(fixtures.finalAuditOf(messageId)).hasSize(2).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(AuditStatus.SEND_FAILED);
            assertThat(e.message()).startsWith(AuditMessages.CONFIGURATION_NOT_PROPER + ": ").contains(cause);
            assertThat(e.serverName()).isEqualTo(server.name());
        });
        assertThat(fixtures.state(messageId)).isEqualTo("DONE");
        assertThat(fixtures.recipientStates(messageId)).containsExactly("ann@example.com=FAILED", "bob@example.com=FAILED");
        assertThat(smtp.connections()).isZero();
    }
}
